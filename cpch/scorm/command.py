"""`cpch scorm`: write SCORM packages for the modules in quizzes/modules.yml."""

import sys
from pathlib import Path

from cpch.core.messages import LANGUAGE
from cpch.core.problems import LocatedError, shown
from cpch.files import Staged
from cpch.i18n.localized import load_modules_in
from cpch.progress import Progress
from cpch.quiz.banks import bank_files
from cpch.scorm.manifest import VERSIONS
from cpch.scorm.package import build_package


def site_pages(site: Path) -> set[str]:
    return {p.relative_to(site).with_suffix("").as_posix() for p in site.rglob("*.html") if not p.name.startswith("_")}


def run(args) -> int:
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site; run `make html` first", file=sys.stderr)
        return 1
    if not LANGUAGE.fullmatch(args.language):
        print(f"--language '{shown(args.language)}': use a language code such as en, fr or fr_CA", file=sys.stderr)
        return 1
    quiz_ids = {path.stem for path in bank_files(args.quizzes)}
    modules_file = args.quizzes / "modules.yml"
    locales = args.locales or args.quizzes / "locales"
    try:
        modules = load_modules_in(modules_file, site_pages(args.site), quiz_ids, args.language, locales)
        if args.module and args.module not in modules:
            print(f"{modules_file}: no module '{args.module}' (known: {', '.join(modules)})", file=sys.stderr)
            return 1
        chosen = [modules[args.module]] if args.module else list(modules.values())
        versions = VERSIONS if args.version == "both" else (args.version,)
        jobs = [(module, version) for module in chosen for version in versions if version in module.versions]
        with Staged(args.out) as folder, Progress("Writing SCORM packages", len(jobs)) as bar:
            for module, version in jobs:
                path = build_package(module, version, args.site, folder, modules_file, args.language)
                bar.step(path.name)
    except LocatedError as error:
        print(error, file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot write the packages: {error}", file=sys.stderr)
        return 1
    return 0


def add_command(commands) -> None:
    parser = commands.add_parser(
        "scorm",
        help="write SCORM 1.2 and 2004 packages of the book's modules",
        description="Package modules (quizzes/modules.yml) from the built site, one zip per module and version.",
    )
    parser.add_argument("--module", help="only this module id (default: every module)")
    parser.add_argument("--version", choices=[*VERSIONS, "both"], default="both", help="SCORM version (default: both)")
    parser.add_argument(
        "--site",
        type=Path,
        default=Path("_build/html/en"),
        help="the built site in one language (default: _build/html/en)",
    )
    parser.add_argument("--quizzes", type=Path, default=Path("quizzes"), help="folder with modules.yml and the banks")
    parser.add_argument(
        "--out", type=Path, default=Path("_build/scorm"), help="where packages go (default: _build/scorm)"
    )
    parser.add_argument(
        "--language",
        default="en",
        help="the modules' language (default: en): their controls, and titles from the catalogues in --locales; "
        "give the site built in that language with --site. Another language than English writes "
        "<module>-<language>-scorm12.zip...",
    )
    parser.add_argument(
        "--locales", type=Path, help="the catalogues of modules.yml (default: the folder 'locales' in --quizzes)"
    )
    parser.set_defaults(run=run)
