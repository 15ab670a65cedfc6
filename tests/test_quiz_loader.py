"""The question-bank loader: good banks become model objects; each bad bank fails with its message."""

import re
from pathlib import Path

import pytest

from conftest import BOOK, ROOT
from cpch.cli import main as cpch
from cpch.quiz import QuizError, load_quiz
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.labels import book_labels

BANKS = Path(__file__).parent / "banks"
LABELS = {"sec-a", "sec-b"}
BAD = sorted((BANKS / "bad").glob("*.yml"))


def expected_message(path: Path) -> str:
    first = path.read_bytes().split(b"\n")[0].decode()  # some bad files are not UTF-8 past this line
    assert first.startswith("# expect: "), f"{path.name} must say what it expects"
    return f"{path}:{first.removeprefix('# expect: ')}"


def test_a_good_bank_loads_every_type():
    quiz = load_quiz(BANKS / "good" / "every-type.yml", LABELS)
    types = [q.type for q in quiz.questions]
    assert types == ["single", "multiple", "true-false", "ordering", "matching", "short-text", "numeric", "scenario"]
    assert (quiz.id, quiz.version, quiz.pass_mark) == ("every-type", 2, 60)
    single = quiz.questions[0]
    assert [o.correct for o in single.options] == [True, False, False]
    assert single.options[1].feedback == "Green is the grass."
    assert single.tags == ("colours", "basics") and single.difficulty == "easy"
    assert quiz.questions[3].items == ("One", "Two", "Three", "Four")
    assert quiz.questions[4].pairs[1] == ("Dog", "Woof")
    assert quiz.questions[6].answer == 7.0 and quiz.questions[6].unit == "days"
    assert [s.id for s in quiz.questions[7].steps] == ["a-case-first", "a-case-then"]
    assert quiz.points == 9  # seven questions and a scenario of two steps


def test_selection_by_tag_and_count():
    quiz = load_quiz(BANKS / "good" / "every-type.yml", LABELS)
    assert [q.id for q in quiz.select(tags=("numbers",))] == ["pick-many", "put-in-order"]
    assert [q.id for q in quiz.select(tags=("hard", "colours"))] == ["pick-one", "count-it"]
    assert [q.id for q in quiz.select(count=2)] == ["pick-one", "pick-many"]


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_a_bad_bank_fails_with_its_message(path):
    with pytest.raises(QuizError) as error:
        load_quiz(path, LABELS)
    assert expected_message(path) in str(error.value)


def test_without_labels_the_source_is_not_checked():
    assert load_quiz(BANKS / "bad" / "unknown-source.yml").questions[0].source == "no-such-section"


def test_problems_of_every_file_are_reported_together():
    with pytest.raises(QuizError) as error:
        load_banks(BAD, LABELS)
    reported = {problem.path for problem in error.value.problems}
    assert reported == set(BAD)


def test_the_cli_check_prints_located_errors_and_fails(capsys):
    status = cpch(["quiz", "check", "--book", str(BOOK), str(BANKS / "bad" / "unknown-type.yml")])
    err = capsys.readouterr().err
    assert status == 1
    assert re.search(r"unknown-type\.yml:8:11: unknown question type 'essay'", err)


@pytest.mark.content
def test_every_bank_of_the_handbook_is_valid(capsys):
    assert bank_files(ROOT / "quizzes"), "the handbook has no question banks"
    status = cpch(["quiz", "check", "--quizzes", str(ROOT / "quizzes"), "--book", str(BOOK)])
    assert status == 0, capsys.readouterr().err


def test_book_labels_are_read_from_myst_targets():
    labels = book_labels(BOOK)
    assert {"coop-levels", "interpol-sltd-hit", "ref-glossary"} <= labels


@pytest.mark.parametrize("command", [["quiz", "check"], ["export", "--out", "{out}"]], ids=["check", "export"])
def test_commands_print_located_errors_for_unreadable_banks_and_write_nothing(command, tmp_path, capsys):
    unreadable = [
        BANKS / "bad" / f"{name}.yml" for name in ("alias-bomb", "non-scalar-key", "deep-nesting", "not-utf8")
    ]
    argv = [part.format(out=tmp_path / "out") for part in command]
    status = cpch([*argv, "--book", str(BOOK), *map(str, unreadable)])
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err and not (tmp_path / "out").exists()
    for path in unreadable:
        assert expected_message(path) in err
