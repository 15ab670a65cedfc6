"""`cpch export`: every bank (or the ones named) to Moodle XML, GIFT and QTI 2.1 files."""

import sys
from pathlib import Path

from cpch.core.problems import LocatedError
from cpch.exports.common import ExportError
from cpch.exports.writer import FORMATS, export_banks
from cpch.files import Staged
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
    export.set_defaults(run=run)


def run(args) -> int:
    paths = args.files or bank_files(args.quizzes)
    if not paths:
        print(f"no question banks found in {args.quizzes}", file=sys.stderr)
        return 1
    formats = list(FORMATS) if args.format == "all" else [args.format]
    try:
        quizzes = load_banks(paths, book_labels(args.book))
        with Staged(args.out) as folder, Progress("Exporting question banks", len(quizzes)) as bar:
            written = export_banks(quizzes.values(), folder, formats, on_bank=bar.step)
    except ExportError as error:
        return _fail(error, "question(s) cannot be exported; nothing was written")
    except LocatedError as error:
        return _fail(error, "problem(s) found in the banks; nothing was written")
    except OSError as error:
        print(f"cannot write the exports: {error}", file=sys.stderr)
        return 1
    print(f"{len(written)} file(s) written to {args.out}")
    return 0


def _fail(error: LocatedError, summary: str) -> int:
    print(error, file=sys.stderr)
    print(f"{len(error.problems)} {summary}", file=sys.stderr)
    return 1
