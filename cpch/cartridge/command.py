"""`cpch cartridge`: one IMS Common Cartridge 1.1 per scored module of quizzes/modules.yml, from the built site."""

import sys
from pathlib import Path

from cpch.cartridge.package import build_cartridge, parts_of_book
from cpch.core.messages import LANGUAGE
from cpch.core.problems import LocatedError, shown
from cpch.files import Staged, write_atomically
from cpch.i18n.localized import load_banks_in, load_modules_in
from cpch.progress import Progress
from cpch.quiz.banks import bank_files
from cpch.quiz.labels import book_labels
from cpch.scorm.command import site_pages


def add_command(commands) -> None:
    parser = commands.add_parser(
        "cartridge",
        help="write an IMS Common Cartridge 1.1 of each scored module (chapters and quizzes in one file)",
        description="Write <module-id>.imscc for each module of modules.yml that has quizzes: its chapters as web "
        "pages and each chapter's quiz as a QTI 1.2 assessment, grouped by the parts of the book. Nothing is "
        "written if any question cannot be written; exit status 1 then.",
    )
    parser.add_argument("--module", help="only this module id (default: every module with quizzes)")
    parser.add_argument(
        "--site",
        type=Path,
        default=Path("_build/html/en"),
        help="the built site in one language (default: _build/html/en)",
    )
    parser.add_argument("--quizzes", type=Path, default=Path("quizzes"), help="folder with modules.yml and the banks")
    parser.add_argument("--book", type=Path, default=Path("book"), help="the book, for its parts and labels")
    parser.add_argument(
        "--out", type=Path, default=Path("_build/cartridge"), help="output folder (default: _build/cartridge)"
    )
    parser.add_argument(
        "--language",
        default="en",
        help="the cartridge's language (default: en): its own words, and the quizzes and module titles from the "
        "catalogues in --locales; give the site built in that language with --site. Another language than "
        "English writes <module-id>-<language>.imscc",
    )
    parser.add_argument(
        "--locales", type=Path, help="the catalogues of the banks and modules.yml (default: 'locales' in --quizzes)"
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site; run `make html` first", file=sys.stderr)
        return 1
    if not LANGUAGE.fullmatch(args.language):
        print(f"--language '{shown(args.language)}': use a language code such as en, fr or fr_CA", file=sys.stderr)
        return 1
    modules_file = args.quizzes / "modules.yml"
    locales = args.locales or args.quizzes / "locales"
    try:
        quizzes = load_banks_in(bank_files(args.quizzes), book_labels(args.book), args.language, locales)
        modules = load_modules_in(modules_file, site_pages(args.site), set(quizzes), args.language, locales)
        if args.module and args.module not in modules:
            print(f"{modules_file}: no module '{args.module}' (known: {', '.join(modules)})", file=sys.stderr)
            return 1
        if args.module and not modules[args.module].quizzes:
            print(
                f"module '{args.module}' has no quizzes: it has no cartridge (use its SCORM package)", file=sys.stderr
            )
            return 1
        chosen = [m for m in modules.values() if m.quizzes and args.module in (None, m.id)]
        parts = parts_of_book(args.book, args.language)
        with Staged(args.out) as folder, Progress("Writing cartridges", len(chosen)) as bar:
            built = []
            for module in chosen:
                built.append(build_cartridge(module, quizzes, args.site, parts, modules_file, args.language))
                write_atomically(folder / built[-1].name, built[-1].data)
                bar.step(built[-1].name)
    except LocatedError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found; nothing was written", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot write the cartridges: {error}", file=sys.stderr)
        return 1
    for cartridge in built:
        print(
            f"{cartridge.name}: {cartridge.pages} pages, {cartridge.quizzes} quizzes, {cartridge.questions} questions"
        )
    _report_left_out(built)
    return 0


def _report_left_out(built) -> None:
    seen = {}
    for cartridge in built:
        for quiz_id, question, why in cartridge.left_out:
            seen[f"{quiz_id}/{question.id}"] = (question.type, why)
    if seen:
        print(f"{len(seen)} question(s) left out of the quizzes (the LMS question banks carry them):")
        for name, (kind, why) in seen.items():
            print(f"  {name} ({kind}): {why}")
