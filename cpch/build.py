"""Build the site with every warning treated as an error, and publish it only when it is clean.

`python -m cpch.build book _build/html` builds every language of conf.py's `cpch_languages` into
`_build/html/<language>/`, and `_build/html/index.html`, a page to choose one.
Sphinx writes each language into a staging folder kept beside the output (so later builds stay
incremental); the output folder is replaced only after every language built without warnings, so
a failed build never leaves a half-written site behind.
"""

import hashlib
import multiprocessing
import runpy
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import sphinx.locale
from sphinx.cmd.build import build_main

from cpch.chooser import language_chooser

ENGINE_DIR = Path(__file__).resolve().parent
# What the site is made with; a change anywhere here rebuilds every page.
SITE_ENGINE = [ENGINE_DIR / name for name in ("sphinxext", "theme", "locale", "quiz", "diagnostic", "i18n")] + [
    ENGINE_DIR / "build.py"
]

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


def build_language(
    source: Path, staging: Path, confdir: Path, jobs: str, language: str | None, languages: list[str] | None = None
) -> int:
    """Sphinx's HTML build of one language (the configured one when None) into `staging`/html;
    `languages`, when given, replaces conf.py's `cpch_languages` (the editions the pages link to)."""
    drop_stale_build(staging, files_fingerprint([*SITE_ENGINE, confdir / "_static"]))
    # Sphinx merges each catalogue it loads into the process's last one: start every language afresh.
    sphinx.locale.translators.clear()
    overrides = ["-D", f"language={language}"] if language else []
    if languages:
        overrides += ["-D", f"cpch_languages={','.join(languages)}"]
    args = ["-b", "html", "-c", str(confdir), "-d", str(staging / "doctrees"), "-j", jobs, *STRICT_OPTIONS, *overrides]
    status = build_main([*args, str(source), str(staging / "html")])
    if status:
        # Sphinx does not repeat the warnings of unchanged pages: start afresh next time.
        shutil.rmtree(staging, ignore_errors=True)
    return status


def build_site(source: Path, out: Path, confdir: Path, jobs: str = "auto", language: str | None = None) -> int:
    """Build `source` in one language into `out`; return Sphinx's exit status (0 when clean)."""
    staging = staging_dir(out)
    status = build_language(source, staging, confdir, jobs, language)
    if not status:
        publish({"": staging / "html"}, out)
    return status


def site_languages(confdir: Path) -> list[str]:
    """The languages conf.py publishes (`cpch_languages`), the sources' own first."""
    settings = runpy.run_path(str(confdir / "conf.py"))
    return list(settings.get("cpch_languages") or [settings.get("language") or "en"])


def build_in_child(*args) -> int:
    """build_language in a forked process, writing to the real standard streams: the parent's may
    be in memory (under a test runner), where the child's output would be lost."""
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    return build_language(*args)


def build_edition(
    source: Path, out: Path, confdir: Path, jobs: str = "auto", languages: list[str] | None = None
) -> int:
    """Every language into `out`/<language>/ with a page at `out`/index.html to choose one; `out`
    changes only when every language built cleanly. The languages build at the same time, each in
    its own process: much of a Sphinx build runs on one core."""
    languages = languages or site_languages(confdir)
    staging = staging_dir(out)
    if len(languages) == 1:
        statuses = [build_language(source, staging / languages[0], confdir, jobs, languages[0], languages)]
    else:
        with ProcessPoolExecutor(len(languages), mp_context=multiprocessing.get_context("fork")) as pool:
            runs = [
                pool.submit(build_in_child, source, staging / language, confdir, jobs, language, languages)
                for language in languages
            ]
            statuses = [run.result() for run in runs]
    failed = [language for language, status in zip(languages, statuses) if status]
    if failed:
        print(f"The {', '.join(failed)} edition failed to build.", file=sys.stderr)
        return next(status for status in statuses if status)
    built = {language: staging / language / "html" for language in languages}
    publish(built, out, chooser=language_chooser(built))
    return 0


def publish(built: dict[str, Path], out: Path, chooser: str | None = None) -> None:
    """Copy each built folder to `out`/<name> (`out` itself for ""), then swap `out` in whole."""
    fresh = out.parent / f".{out.name}-new"
    shutil.rmtree(fresh, ignore_errors=True)
    for name, folder in built.items():
        shutil.copytree(folder, fresh / name if name else fresh)
    if chooser is not None:
        (fresh / "index.html").write_text(chooser, encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    fresh.rename(out)


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Build the site; any warning fails the build.")
    parser.add_argument("source", type=Path, help="the book's sources, e.g. book")
    parser.add_argument("out", type=Path, help="where the site goes, e.g. _build/html")
    parser.add_argument("--conf", type=Path, default=Path("."), help="the folder holding conf.py")
    parser.add_argument("--jobs", default="auto", help="parallel processes (default: one per core)")
    parser.add_argument(
        "--languages", help="comma-separated languages to build, e.g. en,fr (default: conf.py's cpch_languages)"
    )
    args = parser.parse_args(argv)
    languages = args.languages.split(",") if args.languages else None
    status = build_edition(args.source, args.out, args.conf, args.jobs, languages)
    if status:
        print(f"Build failed: fix the warnings above; {args.out} was left as it was.", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
