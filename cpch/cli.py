"""The `cpch` command line."""

import argparse
import sys
from pathlib import Path

from cpch.assignment import command as assign_command
from cpch.cartridge import command as cartridge_command
from cpch.core.problems import LocatedError
from cpch.exports.command import add_command as add_export_command
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.labels import book_labels
from cpch.quiz.quality import check_quality, format_stats
from cpch.scorm import command as scorm_command
from cpch.trainer import command as trainer_command


def quiz_check(args) -> int:
    paths = args.files or bank_files(args.quizzes)
    if not paths:
        print(f"no question banks found in {args.quizzes}", file=sys.stderr)
        return 1
    try:
        quizzes = load_banks(paths, book_labels(args.book))
        problems = [problem for quiz in quizzes.values() for problem in check_quality(quiz)]
        if problems:
            raise LocatedError(problems)
    except LocatedError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found", file=sys.stderr)
        return 1
    if args.stats:
        print("\n\n".join(format_stats(quiz) for quiz in quizzes.values()), end="\n\n")
    questions = sum(len(q.questions) for q in quizzes.values())
    print(f"{len(quizzes)} question bank(s), {questions} questions: no problems found")
    return 0


class PlainErrors(argparse.ArgumentParser):
    """A mistake in the options is told in one plain line, with where to read more, not the usage text."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message}\nRun '{self.prog} --help' for the options.\n")


def parser() -> argparse.ArgumentParser:
    main = PlainErrors(prog="cpch", description="Build and check the handbook's quizzes and learning packages.")
    commands = main.add_subparsers(title="commands", required=True, metavar="COMMAND", parser_class=PlainErrors)
    quiz = commands.add_parser("quiz", help="work with question banks").add_subparsers(
        title="quiz commands", required=True, metavar="ACTION"
    )
    check = quiz.add_parser(
        "check",
        help="check question banks; print file:line:column for each problem",
        description="Check question banks. Exit status 1 when any problem is found.",
    )
    check.add_argument("files", nargs="*", type=Path, help="bank files (default: every bank in --quizzes)")
    check.add_argument("--quizzes", type=Path, default=Path("quizzes"), help="folder of banks (default: quizzes)")
    check.add_argument(
        "--book",
        type=Path,
        default=Path("book"),
        help="the book whose section labels 'source' may name (default: book)",
    )
    check.add_argument(
        "--stats",
        action="store_true",
        help="print a summary of each bank: items, types, levels, option counts, answer positions",
    )
    check.set_defaults(run=quiz_check, parser=check)
    scorm_command.add_command(commands)
    add_export_command(commands)
    trainer_command.add_command(commands)
    assign_command.add_command(commands)
    cartridge_command.add_command(commands)
    for command in commands.choices.values():
        if command.get_default("parser") is None:
            command.set_defaults(parser=command)
    return main


def main(argv=None) -> int:
    command_line = parser()
    args, unknown = command_line.parse_known_args(argv)
    if unknown:  # told by the command's own parser, which names the command and its --help
        getattr(args, "parser", command_line).error(f"unrecognized arguments: {' '.join(unknown)}")
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
