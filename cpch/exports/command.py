"""`cpch export`: every bank (or the ones named) to Moodle XML, GIFT and QTI 2.1 files."""

import sys
from pathlib import Path

from cpch.core.messages import LANGUAGE
from cpch.core.problems import LocatedError, shown
from cpch.exports.common import ExportError
from cpch.exports.writer import FORMATS, export_banks, export_multilang
from cpch.files import Staged
from cpch.i18n.localized import is_source, load_banks_in
from cpch.progress import Progress
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.labels import book_labels


def add_command(commands) -> None:
    """Add `export` to an argparse subparsers object."""
    export = commands.add_parser(
        "export",
        help="export question banks for an LMS (Moodle XML, GIFT, QTI 2.1)",
        description="Write <quiz-id>.moodle.xml, <quiz-id>.gift.txt and <quiz-id>.qti21.zip for each bank. "
        "Nothing is written if any question cannot be expressed; exit status 1 then.",
    )
    export.add_argument("files", nargs="*", type=Path, help="bank files (default: every bank in --quizzes)")
    export.add_argument("--quizzes", type=Path, default=Path("quizzes"), help="folder of banks (default: quizzes)")
    export.add_argument(
        "--book",
        type=Path,
        default=Path("book"),
        help="the book whose section labels 'source' may name (default: book)",
    )
    export.add_argument(
        "--out", type=Path, default=Path("_build/exports"), help="output folder (default: _build/exports)"
    )
    export.add_argument("--format", choices=[*FORMATS, "all"], default="all", help="which format (default: all)")
    export.add_argument(
        "--language",
        default="en",
        help="the banks' language (default: en); another one writes <quiz-id>-<language>.* from the "
        "catalogues in --locales, and fails on any missing or fuzzy entry",
    )
    export.add_argument(
        "--locales", type=Path, help="the banks' catalogues (default: the folder 'locales' beside the banks)"
    )
    export.add_argument(
        "--multilang",
        action="store_true",
        help="also write <quiz-id>-en-<language>.moodle.xml: each question in English and --language, "
        "for Moodle's multi-language content filter",
    )
    export.set_defaults(run=run)


def run(args) -> int:
    paths = args.files or bank_files(args.quizzes)
    if not paths:
        print(f"no question banks found in {args.quizzes}", file=sys.stderr)
        return 1
    formats = list(FORMATS) if args.format == "all" else [args.format]
    problem = language_problem(args.language, args.multilang)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    locales = args.locales or Path(paths[0]).parent / "locales"
    try:
        labels = book_labels(args.book)
        english = load_banks(paths, labels)
        quizzes = english if is_source(args.language) else load_banks_in(paths, labels, args.language, locales)
        with Staged(args.out) as folder, Progress("Exporting question banks", len(quizzes)) as bar:
            written = export_banks(quizzes.values(), folder, formats, on_bank=bar.step, language=args.language)
            if args.multilang:
                written += export_multilang(list(english.values()), list(quizzes.values()), args.language, folder)
    except ExportError as error:
        return _fail(error, "question(s) cannot be exported; nothing was written")
    except LocatedError as error:
        return _fail(error, "problem(s) found in the banks; nothing was written")
    except OSError as error:
        print(f"cannot write the exports: {error}", file=sys.stderr)
        return 1
    print(f"{len(written)} file(s) written to {args.out}")
    return 0


def language_problem(language: str, multilang: bool) -> str:
    if not LANGUAGE.fullmatch(language):
        return f"--language '{shown(language)}': use a language code such as en, fr or fr_CA"
    if multilang and is_source(language):
        return "--multilang needs --language: the language to carry beside English, such as fr"
    return ""


def _fail(error: LocatedError, summary: str) -> int:
    print(error, file=sys.stderr)
    print(f"{len(error.problems)} {summary}", file=sys.stderr)
    return 1
