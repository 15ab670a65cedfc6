"""`cpch assign`: a SCORM module (both versions) and LMS question banks for a selection of questions."""

import argparse
import re
import sys
from pathlib import Path

from markupsafe import Markup

from cpch.assignment.report import selection_json, summary
from cpch.assignment.selection import SelectionError, as_quiz, pick
from cpch.core.ids import ID_RULE, is_id
from cpch.core.messages import LANGUAGE
from cpch.core.problems import LocatedError, shown
from cpch.core.yaml_reader import character_problem
from cpch.exports import write_exports
from cpch.files import Staged, write_atomically
from cpch.i18n.localized import is_source, load_banks_in
from cpch.progress import Progress
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.html import Settings, render_quiz
from cpch.quiz.labels import book_labels
from cpch.quiz.messages import messages
from cpch.quiz.model import Question, Quiz
from cpch.scorm.content import page_from_html
from cpch.scorm.manifest import VERSIONS
from cpch.scorm.modules import Module
from cpch.scorm.package import package_pages

SELECTION_FILE = "selection.json"


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "assignment"


def write_assignment(args, picked: list[tuple[Quiz, Question]]) -> list[Path]:
    """Write the module (both SCORM versions), the LMS banks and selection.json for `picked`."""
    assignment_id = args.id or slug(args.title)
    # In another language, the files are <id>-<language>.*, as for the banks' exports and the modules.
    name = assignment_id if is_source(args.language) else f"{assignment_id}-{args.language}"
    quiz = as_quiz(assignment_id, args.title, args.pass_mark, picked)
    module = Module(assignment_id, args.title, 1, args.pass_mark, ("assignment",), (assignment_id,))
    settings = Settings(f"quiz-{assignment_id}", args.pass_mark, args.shuffle, messages(args.language), {})
    page = page_from_html(
        "assignment",
        0,
        args.title,
        str(Markup("<h1>{}</h1>{}").format(args.title, Markup(render_quiz(quiz, quiz.questions, settings)))),
    )
    staged, written = Staged(args.out or Path("_build/assignments") / assignment_id), []
    with staged as folder, Progress(f"Writing assignment '{assignment_id}'", len(VERSIONS) + 1) as bar:
        written.append(write_atomically(folder / SELECTION_FILE, selection_json(assignment_id, args, picked)))
        written += write_exports(
            args.title, picked, folder, name=name, pass_mark=args.pass_mark, language=args.language
        )
        bar.step("question banks")
        for version in VERSIONS:
            written.append(
                package_pages(module, version, [page], args.site, folder, Path("cpch assign"), args.language)
            )
            bar.step(f"SCORM {version}")
    return staged.final(written)


def picked_questions(args) -> list[tuple[Quiz, Question]]:
    """The questions picked, in --language (from the banks' catalogues when it is not English)."""
    paths, labels = bank_files(args.quizzes), book_labels(args.book)
    if is_source(args.language):
        quizzes = load_banks(paths, labels)
    else:
        quizzes = load_banks_in(paths, labels, args.language, args.locales or args.quizzes / "locales")
    return pick(quizzes, args.quiz, args.tag, args.count, args.seed, args.shuffle)


TITLE_LENGTH = 200


def argument_problems(args) -> list[str]:
    """What is wrong with the options that argparse cannot check: the title and id go into every output."""
    problems = []
    if args.id is not None and not is_id(args.id):
        problems.append(f"--id '{shown(args.id)}': use {ID_RULE}")
    title = args.title
    if not title.strip():
        problems.append("--title is empty: give the assignment a title, shown to learners and in the LMS")
    elif len(title) > TITLE_LENGTH or "\n" in title or "\r" in title:
        problems.append(f"--title: give a title of 1 to {TITLE_LENGTH} characters on one line")
    elif character_problem(title):
        problems.append(f"--title: {character_problem(title)}")
    if not LANGUAGE.fullmatch(args.language):
        problems.append(f"--language '{shown(args.language)}': use a language code such as en, fr or fr_CA")
    return problems


def run(args) -> int:
    """Exit 2 for a malformed option, 1 for a selection that cannot be made or written; nothing is written then."""
    problems = argument_problems(args)
    if problems:
        print("\n".join(f"cpch assign: {problem}" for problem in problems), file=sys.stderr)
        return 2
    if not (args.site / "_static").is_dir():
        print(f"{args.site}: no built site (its style sheets are needed); run `make html` first", file=sys.stderr)
        return 1
    try:
        picked = picked_questions(args)
        written = write_assignment(args, picked)
    except (LocatedError, SelectionError) as error:
        print(f"cpch assign: {error}" if isinstance(error, SelectionError) else error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot write the assignment: {error}", file=sys.stderr)
        return 1
    print(summary(args.id or slug(args.title), args, picked))
    print("Written:\n" + "\n".join(f"  {path}" for path in written))
    return 0


def whole(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{shown(text)}' is not a whole number") from None


def count(text: str) -> int:
    value = whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{shown(text)}': give how many questions to pick, 1 or more")
    return value


def percentage(text: str) -> int:
    """A pass mark from 0 to 100, written with or without '%'."""
    try:
        value = int(text.strip().removesuffix("%").strip())
    except ValueError:
        value = -1
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"'{shown(text)}': give a percentage from 0 to 100, such as 80 or 80%")
    return value


def add_command(commands) -> None:
    parser = commands.add_parser(
        "assign",
        help="pick questions and write a SCORM module and LMS question banks for them",
        description=(
            "Pick questions by quiz, tag and count (the same --seed picks the same questions) and write "
            "a SCORM 1.2 and 2004 module, Moodle XML, GIFT and QTI 2.1 banks, and selection.json (the "
            "questions picked and the command that picks them again) for them. A scenario counts as one "
            "question and scores one item per step. Exit status 2 for a malformed option, 1 for a "
            "selection that cannot be made; nothing is written then."
        ),
    )
    parser.add_argument("--title", required=True, help="the assignment's title, shown to learners and in the LMS")
    parser.add_argument("--id", help="stable id for the LMS (default: made from the title)")
    parser.add_argument(
        "--quiz", action="append", default=[], metavar="ID", help="pick from this bank (repeat; default: all)"
    )
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only questions with this tag or difficulty, in any case (repeat: any of them)",
    )
    parser.add_argument(
        "--count",
        type=count,
        help="how many questions to pick, 1 or more (default: all that match); a scenario is one question",
    )
    parser.add_argument(
        "--seed", type=whole, default=1, help="random seed: the same seed gives the same selection (default: 1)"
    )
    parser.add_argument(
        "--shuffle", action="store_true", help="mix the questions' order (and, in the module, the options)"
    )
    parser.add_argument(
        "--pass-mark",
        type=percentage,
        default=70,
        metavar="PERCENT",
        help="percentage of the scored items needed to pass, 0 to 100, with or without %% (default: 70)",
    )
    parser.add_argument("--out", type=Path, help="output folder (default: _build/assignments/<id>)")
    parser.add_argument(
        "--site", type=Path, default=Path("_build/html/en"), help="the built site in one language, for its style sheets"
    )
    parser.add_argument("--quizzes", type=Path, default=Path("quizzes"), help="folder of question banks")
    parser.add_argument("--book", type=Path, default=Path("book"), help="the book's sources, for section labels")
    parser.add_argument(
        "--language",
        default="en",
        help="the questions' and controls' language (default: en); another one reads the banks' catalogues "
        "(--locales) and writes <id>-<language>.* and <id>-<language>-scorm12.zip...",
    )
    parser.add_argument(
        "--locales", type=Path, help="the banks' catalogues (default: the folder 'locales' in --quizzes)"
    )
    parser.set_defaults(run=run)
