"""`cpch assign`: questions picked by bank, tag and count, written as SCORM modules, LMS banks and
selection.json; every mistake in the options is told plainly and writes nothing."""

import argparse
import json
import re
import shlex
import zipfile

import pytest
from lxml import etree

from conftest import BOOK, ROOT
from cpch.assignment.command import write_assignment
from cpch.assignment.selection import SelectionError, pick
from cpch.cli import main as cpch
from cpch.quiz.banks import bank_files, load_banks
from test_scorm_packages import official_schema

QUIZZES = load_banks(bank_files(ROOT / "quizzes"))


def assignment_args(site, tmp_path, **overrides):
    values = dict(
        title="SLTD drill",
        id=None,
        quiz=[],
        tag=["sltd"],
        count=4,
        seed=7,
        shuffle=True,
        pass_mark=80,
        out=tmp_path / "out",
        site=site,
        quizzes=ROOT / "quizzes",
        book=BOOK,
        language="en",
    )
    values.update(overrides)
    return argparse.Namespace(**values)


def written_by(args):
    return write_assignment(args, pick(QUIZZES, args.quiz, args.tag, args.count, args.seed, args.shuffle))


def test_selection_by_tag_and_count_is_fixed_by_the_seed():
    first = pick(QUIZZES, [], ["sltd"], 4, seed=7, shuffle=True)
    assert len(first) == 4 and all("sltd" in q.tags or q.difficulty == "sltd" for _, q in first)
    assert [q.id for _, q in pick(QUIZZES, [], ["sltd"], 4, seed=7, shuffle=True)] == [q.id for _, q in first]
    others = [[q.id for _, q in pick(QUIZZES, [], ["sltd"], 4, seed=s, shuffle=True)] for s in range(1, 6)]
    assert any(ids != [q.id for _, q in first] for ids in others)


def test_tags_match_without_regard_to_case():
    lower = pick(QUIZZES, [], ["sltd", "easy"], None, seed=1, shuffle=False)
    assert [q.id for _, q in pick(QUIZZES, [], ["SLTD", "Easy"], None, seed=1, shuffle=False)] == [
        q.id for _, q in lower
    ]


def test_selection_by_quiz_keeps_bank_order_without_shuffle():
    picked = pick(QUIZZES, ["wco-tools"], [], None, seed=1, shuffle=False)
    assert [q.id for _, q in picked] == [q.id for q in QUIZZES["wco-tools"].questions]


def test_an_unknown_tag_lists_the_known_tags_with_how_many_questions_carry_each():
    with pytest.raises(SelectionError) as error:
        pick(QUIZZES, ["wco-tools"], ["sltd", "nope"], None, seed=1, shuffle=False)
    message = str(error.value)
    assert message.startswith("--tag: no question in the banks named by --quiz has the tag sltd, nope;")
    questions = QUIZZES["wco-tools"].questions
    medium = sum(q.difficulty == "medium" or "medium" in q.tags for q in questions)
    assert f"medium ({medium})" in message
    tags = {tag for q in questions for tag in q.tags}
    assert all(re.search(rf"\b{re.escape(tag)} \(\d+\)", message) for tag in tags)


@pytest.mark.parametrize(
    "quiz, tag, count, message",
    [
        (["no-such-bank"], [], None, "--quiz: no question bank no-such-bank"),
        ([], ["no-such-tag"], None, "--tag: no question in the banks has the tag no-such-tag"),
        (["wco-tools"], [], 500, "--count: asked for 500 questions"),
    ],
)
def test_invalid_selections_are_rejected(quiz, tag, count, message):
    with pytest.raises(SelectionError, match=message):
        pick(QUIZZES, quiz, tag, count, seed=1, shuffle=False)


MISTAKES = [
    (["--title", ""], 2, "cpch assign: --title is empty: give the assignment a title"),
    (["--title", "   "], 2, "cpch assign: --title is empty"),
    ([], 2, "cpch assign: the following arguments are required: --title"),
    (["--title", "T", "--pass-mark", "101"], 2, "'101': give a percentage from 0 to 100, such as 80 or 80%"),
    (["--title", "T", "--pass-mark", "-1"], 2, "'-1': give a percentage from 0 to 100"),
    (["--title", "T", "--pass-mark", "eighty"], 2, "'eighty': give a percentage from 0 to 100"),
    (["--title", "T", "--count", "0"], 2, "argument --count: '0': give how many questions to pick, 1 or more"),
    (["--title", "T", "--count", "two"], 2, "argument --count: 'two' is not a whole number"),
    (["--title", "T", "--seed", "x"], 2, "argument --seed: 'x' is not a whole number"),
    (["--title", "T", "--tags", "sltd"], 2, "cpch assign: unrecognized arguments: --tags sltd"),
    (["--title", "T", "--id", "Not An Id"], 2, "cpch assign: --id 'Not An Id': use"),
    (["--title", "T", "--tag", "no-such-tag"], 1, "cpch assign: --tag: no question in the banks has the tag"),
    (["--title", "T", "--quiz", "nope"], 1, "cpch assign: --quiz: no question bank nope"),
    (["--title", "T", "--quiz", "wco-tools", "--count", "500"], 1, "cpch assign: --count: asked for 500"),
]


@pytest.mark.parametrize("options, status, message", MISTAKES, ids=[" ".join(m[0]) or "no title" for m in MISTAKES])
def test_each_mistake_is_told_plainly_with_a_non_zero_exit_and_writes_nothing(
    site, tmp_path, capsys, options, status, message
):
    out = tmp_path / "out"
    try:
        code = cpch(["assign", *options, "--site", str(site), "--out", str(out)])
    except SystemExit as exit:  # argparse's own refusals exit from within parse_args
        code = exit.code
    err = capsys.readouterr().err
    assert code == status and message in err
    assert "usage:" not in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_pass_mark_may_be_written_with_a_percent_sign(site, tmp_path, capsys):
    assert (
        cpch(
            [
                "assign",
                "--title",
                "T",
                "--quiz",
                "wco-tools",
                "--pass-mark",
                "80%",
                "--site",
                str(site),
                "--out",
                str(tmp_path),
            ]
        )
        == 0
    )
    assert json.loads((tmp_path / "selection.json").read_text())["pass_mark"] == 80


def test_assign_prints_each_picked_question_and_how_scenarios_count(site, tmp_path, capsys):
    options = ["--title", "Cases", "--tag", "SCENARIO", "--count", "2", "--seed", "3", "--quiz", "database-access"]
    assert cpch(["assign", *options, "--site", str(site), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    picked = pick(QUIZZES, ["database-access"], ["scenario"], 2, seed=3, shuffle=False)
    items = sum(len(q.scored_parts) for _, q in picked)
    assert f"'Cases' (cases): 2 question(s), {items} scored item(s)" in out
    for n, (quiz, question) in enumerate(picked, 1):
        line = next(line for line in out.splitlines() if line.strip().startswith(f"{n}. {quiz.id}/{question.id} "))
        parts = len(question.scored_parts)
        assert question.type in line and f"{parts} item" in line and question.prompt[:30] in line
    if any(q.type == "scenario" for _, q in picked):
        assert "A scenario counts as one question for --count, and scores one item per step" in out
    assert str(tmp_path / "selection.json") in out


def test_selection_json_lists_the_questions_and_the_command_that_picks_them_again(site, tmp_path, capsys):
    args = assignment_args(site, tmp_path)
    written_by(args)
    record = json.loads((tmp_path / "out" / "selection.json").read_text())
    picked = pick(QUIZZES, [], ["sltd"], 4, seed=7, shuffle=True)
    assert [(q["bank"], q["id"], q["items"]) for q in record["questions"]] == [
        (quiz.id, question.id, len(question.scored_parts)) for quiz, question in picked
    ]
    assert all(q["bank_version"] == QUIZZES[q["bank"]].version for q in record["questions"])
    words = shlex.split(record["command"])
    again = tmp_path / "again"
    assert cpch([*words[1:], "--site", str(site), "--out", str(again)]) == 0
    assert (again / "selection.json").read_bytes() == (tmp_path / "out" / "selection.json").read_bytes()


def test_assign_writes_scorm_modules_and_banks_for_the_selection(site, tmp_path):
    written = written_by(assignment_args(site, tmp_path))
    names = sorted(path.name for path in written)
    assert names == [
        "selection.json",
        "sltd-drill-scorm12.zip",
        "sltd-drill-scorm2004.zip",
        "sltd-drill.gift.txt",
        "sltd-drill.moodle.xml",
        "sltd-drill.qti21.zip",
    ]
    picked = pick(QUIZZES, [], ["sltd"], 4, seed=7, shuffle=True)
    for version in ("1.2", "2004"):
        with zipfile.ZipFile(tmp_path / "out" / f"sltd-drill-scorm{version.replace('.', '')}.zip") as archive:
            manifest = etree.fromstring(archive.read("imsmanifest.xml"))
            page = archive.read("index.html").decode()
        assert official_schema(version).validate(manifest)
        assert page.count('class="quiz-question"') == sum(len(q.scored_parts) for _, q in picked)
        assert 'data-pass-mark="80"' in page
    moodle = (tmp_path / "out" / "sltd-drill.moodle.xml").read_text()
    assert all(f"{quiz.id}/{q.id}" in moodle for quiz, q in picked)


def test_the_same_seed_and_inputs_give_byte_identical_files(site, tmp_path):
    first = written_by(assignment_args(site, tmp_path / "a", out=tmp_path / "a"))
    second = written_by(assignment_args(site, tmp_path / "b", out=tmp_path / "b"))
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_assignments_with_one_title_but_other_questions_are_other_modules(site, tmp_path):
    """Their manifest identifiers and saved states differ, so an LMS or a browser never mixes their answers."""
    picks = [[q.id for _, q in pick(QUIZZES, [], ["sltd"], 4, seed=seed, shuffle=True)] for seed in (7, 8)]
    assert picks[0] != picks[1]
    identities = []
    for seed in (7, 8):
        written_by(assignment_args(site, tmp_path, out=tmp_path / str(seed), seed=seed))
        with zipfile.ZipFile(tmp_path / str(seed) / "sltd-drill-scorm12.zip") as archive:
            manifest = etree.fromstring(archive.read("imsmanifest.xml")).get("identifier")
            page = archive.read("index.html").decode()
        question_set = re.search(r'data-question-set="([0-9a-f]{12})"', page).group(1)
        assert manifest == f"cpch-sltd-drill-v1-{question_set}"
        identities.append(question_set)
    assert identities[0] != identities[1]
