"""`cpch trainer`: the catalogue and answer keys (HTML and PDF) in _build/trainer/."""

import shutil
import sys
from pathlib import Path

from cpch.core.problems import LocatedError
from cpch.files import Staged, write_atomically
from cpch.progress import Progress
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.labels import book_labels
from cpch.scorm.command import site_pages
from cpch.scorm.modules import load_modules
from cpch.trainer.links import site_inventory
from cpch.trainer.notes import book_order, load_notes, notes_body
from cpch.trainer.pages import all_answer_keys, answer_key, catalogue, page
from cpch.trainer.pdf import print_pdf

STATIC = Path(__file__).parent / "static"
SITE_ASSETS = ["basic.css", "book.css", "favicon.svg"]


def write_trainer_pages(
    site: Path, quizzes_dir: Path, book: Path, out: Path, notes_dir: Path | None = None
) -> list[Path]:
    quizzes = load_banks(bank_files(quizzes_dir), book_labels(book))
    modules = load_modules(quizzes_dir / "modules.yml", site_pages(site), set(quizzes))
    inventory = site_inventory(site)
    labels, docs = inventory["std:label"], inventory["std:doc"]
    notes = load_notes(notes_dir, set(docs), book_order(book)) if notes_dir and notes_dir.is_dir() else []
    notes_html = notes_body(notes, docs)
    (out / "assets").mkdir(parents=True, exist_ok=True)
    for name in SITE_ASSETS:
        shutil.copyfile(site / "_static" / name, out / "assets" / name)
    shutil.copyfile(STATIC / "trainer.css", out / "assets" / "trainer.css")
    written = [write_atomically(out / "index.html", catalogue(quizzes, modules, inventory, bool(notes)).encode())]
    if notes:
        written.append(
            write_atomically(out / "notes.html", page("Trainer notes", notes_html, "../html/index.html").encode())
        )
    with Progress("Writing answer keys", len(quizzes) + 1) as bar:
        for quiz in quizzes.values():
            written.append(write_atomically(out / f"key-{quiz.id}.html", answer_key(quiz, labels).encode()))
            bar.step(quiz.id)
        every_key = write_atomically(out / "answer-keys.html", all_answer_keys(quizzes, labels, notes_html).encode())
        written += [every_key, print_pdf(every_key, out / "answer-keys.pdf")]
        bar.step("answer-keys.pdf")
    return written


def run(args) -> int:
    if not (args.site / "objects.inv").is_file():
        print(f"{args.site}: no built site; run `make html` first", file=sys.stderr)
        return 1
    staged = Staged(args.out)
    try:
        with staged as folder:
            written = staged.final(write_trainer_pages(args.site, args.quizzes, args.book, folder, args.notes))
    except LocatedError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot write the trainer pages: {error}", file=sys.stderr)
        return 1
    print(f"{len(written)} file(s) written to {args.out}")
    return 0


def add_command(commands) -> None:
    parser = commands.add_parser(
        "trainer",
        help="write the trainer pages: catalogue and answer keys (HTML and PDF)",
        description="Write a catalogue of quizzes and modules and an answer key per quiz, outside the learner site.",
    )
    parser.add_argument("--site", type=Path, default=Path("_build/html"), help="the built site (default: _build/html)")
    parser.add_argument("--quizzes", type=Path, default=Path("quizzes"), help="folder of banks and modules.yml")
    parser.add_argument("--book", type=Path, default=Path("book"), help="the book's sources, for section labels")
    parser.add_argument(
        "--notes",
        type=Path,
        default=Path("trainer-notes"),
        help="folder of trainer notes, one Markdown file per chapter (default: trainer-notes)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("_build/trainer"), help="where the pages go (default: _build/trainer)"
    )
    parser.set_defaults(run=run)
