"""`cpch i18n`: extract the banks', diagnostic's and modules' texts into catalogues, and check them."""

import sys
from pathlib import Path

from cpch.core.messages import LANGUAGE
from cpch.core.problems import LocatedError, Problem
from cpch.i18n.catalogues import extract, read, template
from cpch.i18n.check import check_catalogue
from cpch.i18n.sources import Source, all_sources, chosen


def _sources(args) -> list[Source] | None:
    if not LANGUAGE.fullmatch(args.language) or args.language == "en":
        print(f"--language '{args.language}': give a language to translate into, such as fr", file=sys.stderr)
        return None
    sources, unknown = chosen(all_sources(args.quizzes, args.diagnostic), args.names)
    for name in unknown:
        known = ", ".join(s.name for s in all_sources(args.quizzes, args.diagnostic))
        print(f"{name}: no bank, diagnostic or modules file of that name (known: {known})", file=sys.stderr)
    return None if unknown else sources


def run_extract(args) -> int:
    sources = _sources(args)
    if sources is None:
        return 1
    failed = 0
    for source in sources:
        try:
            path, what = extract(source, args.locales, args.language)
        except LocatedError as error:
            print(error, file=sys.stderr)
            failed += 1
            continue
        print(f"{path}: {what}")
    return 1 if failed else 0


def problems_of(source: Source, locales: Path, language: str) -> list[Problem]:
    path = source.catalogue(locales, language)
    recorder = template(source)
    if not path.is_file():
        return [Problem(path, 1, 1, f"no catalogue for {source.path}: run `cpch i18n extract --language {language}`")]
    return check_catalogue(recorder.entries, recorder.groups, read(path), path, source.path)


def run_check(args) -> int:
    sources = _sources(args)
    if sources is None:
        return 1
    problems: list[Problem] = []
    for source in sources:
        try:
            problems.extend(problems_of(source, args.locales, args.language))
        except LocatedError as error:
            problems.extend(error.problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"{len(sources)} catalogue(s) in '{args.language}': complete, no problems found")
    return 0


def add_command(commands) -> None:
    i18n = commands.add_parser(
        "i18n", help="translate question banks, the diagnostic and module titles (gettext catalogues)"
    ).add_subparsers(title="i18n commands", required=True, metavar="ACTION")
    for name, run, summary in (
        ("extract", run_extract, "create or update the catalogues of a language (changed English: marked fuzzy)"),
        ("check", run_check, "report missing, fuzzy and broken entries as file:line: message (exit status 1)"),
    ):
        parser = i18n.add_parser(name, help=summary, description=summary)
        parser.add_argument(
            "names",
            nargs="*",
            metavar="NAME",
            help="bank ids (or files), 'diagnostic', 'modules' (default: all of them)",
        )
        parser.add_argument("--language", required=True, help="the language of the catalogues, such as fr")
        parser.add_argument("--quizzes", type=Path, default=Path("quizzes"), help="folder of the banks and modules.yml")
        parser.add_argument("--diagnostic", type=Path, default=Path("book/diagnostic.yml"), help="the diagnostic file")
        parser.add_argument(
            "--locales",
            type=Path,
            default=Path("quizzes/locales"),
            help="where catalogues go: LOCALES/<language>/LC_MESSAGES/<name>.po (default: quizzes/locales)",
        )
        parser.set_defaults(run=run)
