"""The bank quality rules: each fires on its bad fixture at file:line:column; the handbook keeps them all."""

from pathlib import Path

import pytest

from conftest import BOOK, ROOT
from cpch.cli import main as cpch
from cpch.quiz import load_quiz
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.labels import book_labels
from cpch.quiz.quality import bank_stats, check_quality, scored_items

BANKS = Path(__file__).parent / "banks"
BAD = sorted((BANKS / "bad" / "quality").glob("*.yml"))
GOOD = BANKS / "quality" / "quality.yml"  # a bank's id is its file name
HANDBOOK = load_banks(bank_files(ROOT / "quizzes"), book_labels(BOOK))


def expected_message(path: Path) -> str:
    first = path.read_text().splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} must say what it expects"
    return f"{path}:{first.removeprefix('# expect: ')}"


def test_the_good_fixture_keeps_every_rule():
    assert check_quality(load_quiz(GOOD)) == []


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_each_rule_fires_on_its_bad_fixture_and_nothing_else(path):
    problems = [str(p) for p in check_quality(load_quiz(path))]
    assert problems == [expected_message(path)]


def test_the_cli_reports_quality_problems_and_fails(capsys, tmp_path):
    (tmp_path / "page.md").write_text("(sec-a)=\n# A\n\n(sec-b)=\n## B\n")
    path = BANKS / "bad" / "quality" / "two-option-single.yml"
    status = cpch(["quiz", "check", "--book", str(tmp_path), str(path)])
    assert status == 1
    assert expected_message(path) in capsys.readouterr().err


def test_stats_summarise_items_levels_options_and_key_positions(capsys):
    assert cpch(["quiz", "check", "--stats", "--book", str(BOOK), "--quizzes", str(ROOT / "quizzes")]) == 0
    out = capsys.readouterr().out
    for quiz in HANDBOOK.values():
        stats = bank_stats(quiz)
        assert f"{quiz.path}: {quiz.id} (version {quiz.version})" in out
        assert f"items: {stats.items} scored" in out and f"apply share {stats.apply_share:.0%}" in out
    good = bank_stats(load_quiz(GOOD))
    assert (good.items, good.levels["apply"], good.single_keys[2], good.multiple_wrong[2]) == (4, 2, 1, 1)


def test_every_objective_is_checked_and_every_question_names_one():
    for quiz in HANDBOOK.values():
        declared = {o.id for o in quiz.objectives}
        named = {item.objective for item in scored_items(quiz)}
        assert 2 <= len(declared) <= 5, quiz.id
        assert named == declared, quiz.id


def test_at_least_two_fifths_of_each_banks_items_apply_knowledge():
    for quiz in HANDBOOK.values():
        assert bank_stats(quiz).apply_share >= 0.4, quiz.id


def test_every_chapter_with_a_bank_opens_with_its_objectives():
    for page in BOOK.rglob("*.md"):
        lines = page.read_text().splitlines()
        quizzes = [line.split()[-1] for line in lines if line.startswith("```{quiz}")]
        if quizzes:
            heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
            assert lines[heading + 1 : heading + 3] == ["", f"```{{objectives}} {quizzes[0]}"], page


def test_objectives_levels_and_positions_are_read_from_the_bank():
    quiz = load_quiz(GOOD)
    assert [(o.id, o.where) for o in quiz.objectives] == [("colours", (6, 12)), ("sounds", (7, 11))]
    sky = quiz.questions[0]
    assert (sky.level, sky.objective, sky.at(), sky.at("options")) == ("apply", "colours", (9, 5), (15, 5))
    assert sky.options[1].where == (17, 9)
