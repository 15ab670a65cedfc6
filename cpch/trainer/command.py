"""`cpch trainer`: the trainer pack, a folder (default _build/trainer-pack/) and a zip of it beside it."""

import shutil
import sys
from dataclasses import replace
from pathlib import Path

from cpch.core.messages import LANGUAGE
from cpch.core.problems import LocatedError, shown
from cpch.files import write_atomically
from cpch.i18n.localized import is_source, load_banks_in, load_modules_in
from cpch.progress import Progress
from cpch.quiz.banks import bank_files
from cpch.quiz.labels import book_labels
from cpch.quiz.model import Quiz
from cpch.scorm.command import site_pages
from cpch.trainer.links import on_site, quiz_order, site_inventory, site_url_problem
from cpch.trainer.messages import messages
from cpch.trainer.note_catalogues import translated
from cpch.trainer.notes import book_order, load_notes, notes_body
from cpch.trainer.pack import NewFolder, copy_built_files, write_zip
from cpch.trainer.pages import answer_key, answer_key_body, catalogue, page
from cpch.trainer.pdf import print_pdf
from cpch.trainer.printable import Section, document_body, head_style, sections

STATIC = Path(__file__).parent / "static"
SITE_ASSETS = ["basic.css", "book.css", "favicon.svg"]
# Where the handbook is published, for the pack's links to it; set it with --site-url (make SITE_URL=...).
DEFAULT_SITE_URL = "https://cpch.example.org/"


def in_book_order(quizzes: dict[str, Quiz], site: Path, docs: dict, order: list[str]) -> dict[str, Quiz]:
    """The quizzes in the order the book embeds them (any the book does not embed come last, by id)."""
    ranked = {quiz_id: n for n, quiz_id in enumerate(quiz_order(site, docs, order))}
    return dict(sorted(quizzes.items(), key=lambda item: (ranked.get(item[0], len(ranked)), item[0])))


def write_printable(
    out: Path, found: list[Section], notes_html: str, keys_html: str, handbook, m: dict, lang: str
) -> list[Path]:
    """answer-keys.html (contents, notes, keys) and the PDF printed from it."""
    html_path = out / "answer-keys.html"

    def write_document(pages: dict[str, int]) -> Path:
        body = document_body(found, pages, notes_html, keys_html, m)
        document = page(m["printable_title"], body, handbook, m, lang, head_style(found, m))
        return write_atomically(html_path, document.encode())

    return [html_path, print_pdf(write_document, found, out / "answer-keys.pdf", str(m["contents"]))]


def read_notes(args, docs: dict, order: list[str]):
    """The trainer notes, in the pack's language (cpch.trainer.note_catalogues: a missing or fuzzy
    paragraph fails, naming the catalogue and entry); none without a notes folder."""
    if not args.notes or not args.notes.is_dir():
        return []
    notes = load_notes(args.notes, set(docs), order)
    if is_source(args.language):
        return notes
    return [translated(note, args.notes, args.language) for note in notes]


def write_trainer_pack(args, out: Path) -> tuple[list[Path], list[Path]]:
    """Write the pack into `out`; return the files written and the built files it could not find."""
    order = book_order(args.book)
    language, locales = args.language, args.locales or args.quizzes / "locales"
    m = messages(language)
    quizzes = load_banks_in(bank_files(args.quizzes), book_labels(args.book), language, locales)
    modules = load_modules_in(args.quizzes / "modules.yml", site_pages(args.site), set(quizzes), language, locales)
    inventory = site_inventory(args.site)
    labels, docs = inventory["std:label"], inventory["std:doc"]
    quizzes = in_book_order(quizzes, args.site, docs, order)
    notes = read_notes(args, docs, order)
    handbook = on_site(args.site_url)
    notes_html = notes_body(notes, docs, handbook, m)

    (out / "assets").mkdir(parents=True)
    for name in SITE_ASSETS:
        shutil.copyfile(args.site / "_static" / name, out / "assets" / name)
    shutil.copyfile(STATIC / "trainer.css", out / "assets" / "trainer.css")
    copied = copy_built_files(modules, quizzes, args.scorm, args.exports, out, m, language)
    files = replace(copied.files, notes=bool(notes))
    index = catalogue(quizzes, modules, inventory, files, handbook, m, language)
    written = [*copied.written, write_atomically(out / "index.html", index.encode())]
    if notes:
        notes_page = page(m["notes_title"], notes_html, handbook, m, language)
        written.append(write_atomically(out / "notes.html", notes_page.encode()))
    with Progress("Writing answer keys", len(quizzes) + 1) as bar:
        for quiz in quizzes.values():
            key = answer_key(quiz, labels, handbook, m, language)
            written.append(write_atomically(out / f"key-{quiz.id}.html", key.encode()))
            bar.step(quiz.id)
        keys_html = "".join(answer_key_body(quiz, labels, handbook, m) for quiz in quizzes.values())
        found = sections(notes, docs, quizzes.values(), m)
        written += write_printable(out, found, notes_html, keys_html, handbook, m, language)
        bar.step("answer-keys.pdf")
    return written, copied.missing


def run(args) -> int:
    problem = site_url_problem(args.site_url)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if not LANGUAGE.fullmatch(args.language):
        print(f"--language '{shown(args.language)}': use a language code such as en, fr or fr_CA", file=sys.stderr)
        return 2
    if not (args.site / "objects.inv").is_file():
        print(f"{args.site}: no built site; run `make html` first", file=sys.stderr)
        return 1
    try:
        with NewFolder(args.out) as folder:
            written, missing = write_trainer_pack(args, folder)
        archive = write_zip(args.out, args.out.with_name(args.out.name + ".zip"))
    except LocatedError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot write the trainer pack: {error}", file=sys.stderr)
        return 1
    for path in missing:
        print(f"left out of the pack (not built): {path}", file=sys.stderr)
    print(f"{len(written)} file(s) written to {args.out}/ and {archive}; handbook links go to {args.site_url}")
    return 0


def add_command(commands) -> None:
    parser = commands.add_parser(
        "trainer",
        help="write the trainer pack: catalogue, answer keys, notes, PDF, SCORM packages and question banks",
        description=(
            "Write the trainer pack: a folder and a zip of it that work on any machine. It holds a catalogue "
            "of quizzes and modules, an answer key per quiz, the trainer notes, a printable PDF of notes and "
            "keys, and the SCORM packages and question banks already built (those not built are left out)."
        ),
    )
    parser.add_argument(
        "--site",
        type=Path,
        default=Path("_build/html/en"),
        help="the built site in one language (default: _build/html/en)",
    )
    parser.add_argument(
        "--site-url",
        default=DEFAULT_SITE_URL,
        help=f"where the site given by --site is published; the pack links there (default: {DEFAULT_SITE_URL})",
    )
    parser.add_argument(
        "--scorm", type=Path, default=Path("_build/scorm"), help="built SCORM packages (default: _build/scorm)"
    )
    parser.add_argument(
        "--exports", type=Path, default=Path("_build/exports"), help="built question banks (default: _build/exports)"
    )
    parser.add_argument(
        "--language",
        default="en",
        help="the pack's language (default: en): its words, the banks and module titles from the catalogues in "
        "--locales, and the SCORM packages and banks built in that language (<module>-<language>-scorm12.zip, "
        "<quiz>-<language>.moodle.xml...); give the site built in that language with --site. Trainer notes are "
        "translated by the catalogues in <notes>/locales/<language>/LC_MESSAGES/",
    )
    parser.add_argument(
        "--locales", type=Path, help="the catalogues of the banks and modules.yml (default: 'locales' in --quizzes)"
    )
    parser.add_argument("--quizzes", type=Path, default=Path("quizzes"), help="folder of banks and modules.yml")
    parser.add_argument("--book", type=Path, default=Path("book"), help="the book's sources, for section labels")
    parser.add_argument(
        "--notes",
        type=Path,
        default=Path("trainer-notes"),
        help="folder of trainer notes, one Markdown file per chapter (default: trainer-notes)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("_build/trainer-pack"),
        help="the pack's folder; its zip goes beside it as <folder>.zip (default: _build/trainer-pack)",
    )
    parser.set_defaults(run=run)
