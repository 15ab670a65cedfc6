"""`cpch assign`: a SCORM module (both versions) and LMS question banks for a selection of questions."""

import re
import sys
from pathlib import Path

from markupsafe import Markup

from cpch.assignment.selection import SelectionError, as_quiz, pick
from cpch.core.ids import ID_RULE, is_id
from cpch.core.messages import LANGUAGE
from cpch.core.problems import LocatedError, shown
from cpch.core.yaml_reader import character_problem
from cpch.exports import write_exports
from cpch.files import Staged
from cpch.i18n.localized import is_source, load_banks_in
from cpch.progress import Progress
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.html import Settings, render_quiz
from cpch.quiz.labels import book_labels
from cpch.quiz.messages import messages
from cpch.scorm.content import page_from_html
from cpch.scorm.manifest import VERSIONS
from cpch.scorm.modules import Module
from cpch.scorm.package import package_pages


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "assignment"


def write_assignment(args) -> list[Path]:
    paths, labels = bank_files(args.quizzes), book_labels(args.book)
    locales = args.locales or args.quizzes / "locales"
    quizzes = (
        load_banks(paths, labels) if is_source(args.language) else load_banks_in(paths, labels, args.language, locales)
    )
    picked = pick(quizzes, args.quiz, args.tag, args.count, args.seed, args.shuffle)
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


TITLE_LENGTH = 200


def argument_problems(args) -> list[str]:
    """What is wrong with the options that argparse cannot check: the title and id go into every output."""
    problems = []
    if args.id is not None and not is_id(args.id):
        problems.append(f"--id '{shown(args.id)}': use {ID_RULE}")
    title = args.title
    if not title.strip() or len(title) > TITLE_LENGTH or "\n" in title or "\r" in title:
        problems.append(f"--title: give a title of 1 to {TITLE_LENGTH} characters on one line")
    elif character_problem(title):
        problems.append(f"--title: {character_problem(title)}")
    if not LANGUAGE.fullmatch(args.language):
        problems.append(f"--language '{shown(args.language)}': use a language code such as en, fr or fr_CA")
    return problems


def run(args) -> int:
    problems = argument_problems(args)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    if not (args.site / "_static").is_dir():
        print(f"{args.site}: no built site (its style sheets are needed); run `make html` first", file=sys.stderr)
        return 1
    try:
        written = write_assignment(args)
    except (LocatedError, SelectionError) as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot write the assignment: {error}", file=sys.stderr)
        return 1
    print("\n".join(str(path) for path in written))
    return 0


def percentage(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 100:
        raise ValueError(text)
    return value


def add_command(commands) -> None:
    parser = commands.add_parser(
        "assign",
        help="pick questions and write a SCORM module and LMS question banks for them",
        description=(
            "Pick questions by quiz, tag and count (the same --seed picks the same questions) and write "
            "a SCORM 1.2 and 2004 module and Moodle XML, GIFT and QTI 2.1 banks for them."
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
        help="only questions with this tag or difficulty (repeat: any of them)",
    )
    parser.add_argument("--count", type=int, help="how many questions to pick (default: all that match)")
    parser.add_argument(
        "--seed", type=int, default=1, help="random seed: the same seed gives the same selection (default: 1)"
    )
    parser.add_argument(
        "--shuffle", action="store_true", help="mix the questions' order (and, in the module, the options)"
    )
    parser.add_argument(
        "--pass-mark", type=percentage, default=70, metavar="PERCENT", help="percentage needed to pass (default: 70)"
    )
    parser.add_argument("--out", type=Path, help="output folder (default: _build/assignments/<id>)")
    parser.add_argument("--site", type=Path, default=Path("_build/html"), help="the built site, for its style sheets")
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
