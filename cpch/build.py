"""Build the site with every warning treated as an error, and publish it only when it is clean.

Sphinx writes into a staging folder kept beside the output (so later builds stay incremental);
the output folder is replaced only after a build without warnings, so a failed build never
leaves a half-written site behind.
"""

import hashlib
import shutil
import sys
from pathlib import Path

from sphinx.cmd.build import build_main

ENGINE_DIR = Path(__file__).resolve().parent
# What the site is made with; a change anywhere here rebuilds every page.
SITE_ENGINE = [ENGINE_DIR / name for name in ("sphinxext", "theme", "quiz", "diagnostic", "i18n")] + [ENGINE_DIR / "build.py"]

# -W: a warning fails the build; -n: report every unresolved reference; --keep-going: list them all.
STRICT_OPTIONS = ["-W", "--keep-going", "-n", "-q"]


def staging_dir(out: Path) -> Path:
    return out.parent / f".{out.name}-staging"


def files_fingerprint(folders: list[Path]) -> str:
    """A digest of every file's path, size and time under `folders`."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def drop_stale_build(staging: Path, fingerprint: str) -> None:
    """Sphinx sees changed sources and settings, but not a changed engine, theme or static file
    (it even skips copying static files when no page changed): when those change, start afresh."""
    marker = staging / "engine.sha256"
    if not marker.exists() or marker.read_text() != fingerprint:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        marker.write_text(fingerprint)


def build_site(source: Path, out: Path, confdir: Path, jobs: str = "auto") -> int:
    """Build `source` into `out`; return Sphinx's exit status (0 when clean)."""
    staging = staging_dir(out)
    drop_stale_build(staging, files_fingerprint([*SITE_ENGINE, confdir / "_static"]))
    args = ["-b", "html", "-c", str(confdir), "-d", str(staging / "doctrees"), "-j", jobs, *STRICT_OPTIONS]
    status = build_main([*args, str(source), str(staging / "html")])
    if status:
        # Sphinx does not repeat the warnings of unchanged pages: start afresh next time.
        shutil.rmtree(staging, ignore_errors=True)
        return status
    publish(staging / "html", out)
    return 0


def publish(built: Path, out: Path) -> None:
    fresh = out.parent / f".{out.name}-new"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(built, fresh)
    shutil.rmtree(out, ignore_errors=True)
    fresh.rename(out)


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Build the site; any warning fails the build.")
    parser.add_argument("source", type=Path, help="the book's sources, e.g. book")
    parser.add_argument("out", type=Path, help="where the site goes, e.g. _build/html")
    parser.add_argument("--conf", type=Path, default=Path("."), help="the folder holding conf.py")
    parser.add_argument("--jobs", default="auto", help="parallel processes (default: one per core)")
    args = parser.parse_args(argv)
    status = build_site(args.source, args.out, args.conf, args.jobs)
    if status:
        print(f"Build failed: fix the warnings above; {args.out} was left as it was.", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
