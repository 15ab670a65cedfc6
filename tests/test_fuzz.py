"""Property-based tests of every reader and of the exports of whatever the bank reader accepts.

Any bytes given to a reader (question banks, the diagnostic, modules.yml, `cpch assign`'s arguments)
end in a model or in file:line:column errors: never another exception, never a hang. Any bank the
reader accepts exports to Moodle XML, GIFT and QTI 2.1 that independent parsers and the official
schemas read back question for question (see export_checks.py).

`make test` runs a fixed, bounded set of examples (the "ci" profile); `make fuzz` runs many more
(CPCH_FUZZ_EXAMPLES, the "fuzz" profile, a new random seed each run, printed on failure).
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import BOOK, ROOT
from cpch.assignment.command import argument_problems, slug
from cpch.assignment.selection import SelectionError, pick
from cpch.cartridge import assessment as cartridge
from cpch.cartridge.messages import messages as cartridge_messages
from cpch.cli import parser as cli_parser
from cpch.core.problems import LocatedError
from cpch.diagnostic import load_diagnostic
from cpch.exports import ExportError, bank_selection, render, selection
from cpch.quiz import load_quiz
from cpch.quiz.banks import bank_files
from cpch.quiz.model import LEVELS, TYPES, Option, Question, Quiz
from cpch.scorm.modules import load_modules
from export_checks import GiftPegjs, check_gift, check_moodle, check_qti, qti_schemas

TESTS = Path(__file__).parent
settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=timedelta(seconds=20),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("CPCH_FUZZ_EXAMPLES", "2000")),
    database=None,
    deadline=timedelta(seconds=20),
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("fuzz" if os.environ.get("CPCH_FUZZ_EXAMPLES") else "ci")

BANK_SEEDS = [
    *bank_files(ROOT / "quizzes"),
    TESTS / "banks" / "good" / "every-type.yml",
    TESTS / "banks" / "good" / "hostile.yml",
]
DIAGNOSTIC_SEEDS = [BOOK / "diagnostic.yml", TESTS / "diagnostic" / "good" / "small.yml"]
MODULE_SEEDS = [ROOT / "quizzes" / "modules.yml", TESTS / "modules" / "good" / "modules.yml"]
LABELS = {"sec-a", "sec-b"}
ASSIGN_BANKS = {path.stem: load_quiz(path) for path in BANK_SEEDS[-2:]}
PAGES, QUIZ_IDS = {"part/a", "part/b", "foundations/why-cooperate"}, {"quiz-a", "why-cooperate"}
LOCATED = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<message>\S.*)$")

# What often breaks a reader or an output: YAML syntax, anchors and aliases, escapes for control characters and
# surrogates, big numbers, deep nesting, GIFT's and XML's special characters, Markdown and HTML.
FRAGMENTS = [
    "&a ",
    "*a",
    "&b [x, *b]",
    "[",
    "]",
    "{",
    "}",
    "? [a, b]\n: c\n",
    ": ",
    "\n  ",
    "\n- ",
    "- ",
    "'",
    '"',
    "#",
    "|\n  ",
    '"\\x07"',
    '"\\ud800"',
    '"\\x00"',
    '"\\u2028"',
    "9" * 5000,
    "1.0e+400",
    "-.inf",
    ".nan",
    "2020-99-99",
    "0x" + "f" * 50,
    "!!binary ZZZ",
    "!!python/object:os.system",
    "!!set {a}",
    "<<: {a: b}",
    "<<: *a",
    "\t",
    "~",
    "null",
    "yes",
    "1:2:3",
    "[" * 300,
    "{a: " * 200,
    "\xff",
    "\x00",
    "\r",
    "\ufeff",
    "// [id:x]",
    "::x::",
    "{=a ~b}",
    "\\n",
    "$CATEGORY: x",
    "]]>",
    "<![CDATA[",
    "&amp;",
    "<script>",
    "![i](x.png)",
    "*",
    "%50%",
    "->",
    "####",
    "\u0085",
    "\ud7ff\ue000",
]


def located(error: LocatedError, path: Path) -> None:
    """Every problem names the file, a line and a column from 1, and a one-line message."""
    assert error.problems
    for problem in error.problems:
        found = LOCATED.match(str(problem))
        assert found and found["path"] == str(path) and int(found["line"]) >= 1 and int(found["column"]) >= 1, str(
            problem
        )
        assert "\n" not in problem.message


def edits():
    """A list of (where, how, what) edits to apply to a file's bytes."""
    payload = st.one_of(
        st.sampled_from(FRAGMENTS).map(lambda f: f.encode("utf-8", "surrogatepass")),
        st.binary(max_size=12),
        st.text(max_size=12).map(str.encode),
    )
    return st.lists(
        st.tuples(
            st.floats(0, 1), st.sampled_from(["insert", "replace", "delete", "repeat"]), payload, st.integers(1, 40)
        ),
        min_size=1,
        max_size=6,
    )


def mutate(data: bytes, changes) -> bytes:
    for where, how, what, size in changes:
        at = int(where * len(data))
        if how == "insert":
            data = data[:at] + what + data[at:]
        elif how == "replace":
            data = data[:at] + what + data[at + len(what) :]
        elif how == "delete":
            data = data[:at] + data[at + size :]
        else:
            data = data[:at] + data[at : at + size] * 3 + data[at:]
    return data


def any_bytes(seeds):
    """Mutations of real files (most examples), or arbitrary bytes."""
    mutated = st.tuples(st.sampled_from(seeds), edits()).map(
        lambda pair: (pair[0].name, mutate(pair[0].read_bytes(), pair[1]))
    )
    return st.one_of(
        mutated, mutated, mutated, st.tuples(st.sampled_from([s.name for s in seeds]), st.binary(max_size=300))
    )


@pytest.fixture(scope="session")
def pegjs():
    """gift-pegjs in one node process; the QTI schemas loaded before any example is timed."""
    qti_schemas()
    parser = GiftPegjs()
    yield parser
    parser.close()


def read(load, tmp_path: Path, name: str, data: bytes, *args):
    """The model `load` makes of `data` saved as `name`, or None after checking its errors are located."""
    path = tmp_path / name
    path.write_bytes(data)
    try:
        return load(path, *args)
    except LocatedError as error:
        located(error, path)
        event("refused with located errors")
        return None


def check_exports(quiz, pegjs: GiftPegjs) -> None:
    try:
        files = render(bank_selection(quiz))
    except ExportError as error:  # a question no format can hold (an image, say): named, nothing written
        located(error, Path(quiz.path))
        event("export refused with located errors")
        return
    event("exported")
    picked = [(quiz, q) for q in quiz.questions]
    check_moodle(files[f"{quiz.id}.moodle.xml"], picked)
    check_gift(files[f"{quiz.id}.gift.txt"], picked, pegjs)
    check_qti(files[f"{quiz.id}.qti21.zip"])
    check_cartridge(quiz)


def check_cartridge(quiz) -> None:
    """The Common Cartridge assessment holds every question its profile carries, in order, or names those it cannot."""
    try:
        xml = cartridge.render(bank_selection(quiz), quiz.title, cartridge_messages("en"))
    except ExportError as error:
        located(error, Path(quiz.path))
        return
    carried, _ = cartridge.parts(bank_selection(quiz))
    titles = [item.get("title") for item in etree.fromstring(xml).iter(f"{{{cartridge.NS}}}item")]
    assert titles == [part.item.ident(part.question) for part in carried]


# ---- Any bytes --------------------------------------------------------------------------------------------


@given(any_bytes(BANK_SEEDS))
def test_any_bytes_give_a_bank_or_located_errors_and_accepted_banks_export(tmp_path_factory, pegjs, example):
    name, data = example
    quiz = read(load_quiz, tmp_path_factory.mktemp("bank"), name, data)
    if quiz is not None:
        check_exports(quiz, pegjs)


@given(any_bytes(DIAGNOSTIC_SEEDS))
def test_any_bytes_give_a_diagnostic_or_located_errors(tmp_path_factory, example):
    name, data = example
    read(load_diagnostic, tmp_path_factory.mktemp("diagnostic"), name, data)


@given(any_bytes(MODULE_SEEDS))
def test_any_bytes_give_modules_or_located_errors(tmp_path_factory, example):
    name, data = example
    read(load_modules, tmp_path_factory.mktemp("modules"), name, data, PAGES, QUIZ_IDS)


# ---- Banks made up from scratch: every type, hostile texts --------------------------------------------------

NASTY = "~=#{}:\\[]<>&\"'*%/-|`_!()\n\t "
TEXT_ALPHABET = st.one_of(
    st.sampled_from(NASTY),
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Cn"]),
    st.sampled_from("abcxyz"),
)
texts = st.text(TEXT_ALPHABET, min_size=1, max_size=24).filter(str.strip)
lines = texts.map(lambda text: " ".join(text.split())).filter(bool)  # titles: one line
tags = lines.map(lambda text: "".join(c for c in text if c not in "[]<>`")[:50].strip()).filter(bool)


def question(kind: str, draw) -> dict:
    entry = {"id": "", "type": kind, "prompt": draw(texts), "source": "sec-a"}
    for key in ("explanation", "hint"):
        if draw(st.booleans()):
            entry[key] = draw(texts)
    if kind != "scenario" and draw(st.booleans()):
        entry["level"] = draw(st.sampled_from(LEVELS))
        entry["objective"] = draw(st.sampled_from(["recall-it", "apply-it"]))
    if draw(st.booleans()):
        entry["tags"] = draw(st.lists(tags, min_size=1, max_size=3, unique=True))
    if kind in ("single", "multiple"):
        options = draw(st.lists(texts, min_size=2, max_size=5, unique_by=str.strip))
        right = draw(st.integers(0, len(options) - 1))
        entry["options"] = [
            {"text": t, "correct": i == right or (kind == "multiple" and draw(st.booleans()))}
            | ({"feedback": draw(texts)} if draw(st.booleans()) else {})
            for i, t in enumerate(options)
        ]
    elif kind == "true-false":
        entry["answer"] = draw(st.booleans())
    elif kind == "ordering":
        entry["items"] = draw(st.lists(texts, min_size=2, max_size=4, unique_by=str.strip))
    elif kind == "matching":
        lefts = draw(st.lists(texts, min_size=2, max_size=4, unique_by=str.strip))
        rights = draw(st.lists(texts, min_size=len(lefts), max_size=len(lefts), unique_by=str.strip))
        entry["pairs"] = [{"left": a, "right": b} for a, b in zip(lefts, rights)]
    elif kind == "short-text":
        entry["accept"] = draw(st.lists(texts, min_size=1, max_size=3, unique_by=str.strip))
    elif kind == "numeric":
        entry["answer"] = draw(st.one_of(st.integers(-(10**12), 10**12), st.floats(-1e12, 1e12, allow_nan=False)))
        entry["tolerance"] = draw(st.floats(0, 100))
    elif kind == "scenario":
        entry.pop("source")
        entry["steps"] = [
            question(draw(st.sampled_from([t for t in TYPES if t != "scenario"])), draw)
            for _ in range(draw(st.integers(2, 3)))
        ]
    if kind not in ("single", "multiple", "scenario") and draw(st.booleans()):
        entry["feedback"] = {"correct": draw(texts), "incorrect": draw(texts)}
    return entry


@st.composite
def banks(draw):
    kinds = draw(st.lists(st.sampled_from(TYPES), min_size=1, max_size=4))
    questions = [question(k, draw) for k in kinds]
    for n, part in enumerate([p for q in questions for p in (q, *q.get("steps", []))], 1):
        part["id"] = f"q{n}-{draw(st.from_regex(r'[a-z0-9-]{0,8}', fullmatch=True))}"
    objectives = {"objectives": {"recall-it": draw(texts), "apply-it": draw(texts)}} if draw(st.booleans()) else {}
    return {"id": "made-up", "title": draw(lines), "version": 1, **objectives, "questions": questions}


@given(banks())
def test_every_made_up_bank_the_reader_accepts_exports_to_readable_files(tmp_path_factory, pegjs, bank):
    data = yaml.safe_dump(bank, allow_unicode=True, sort_keys=False).encode("utf-8")
    quiz = read(load_quiz, tmp_path_factory.mktemp("made-up"), "made-up.yml", data, LABELS)
    assume(quiz is not None)
    check_exports(quiz, pegjs)


# ---- `cpch assign` arguments ------------------------------------------------------------------------------

OPTIONS = ["--id", "--quiz", "--tag", "--count", "--seed", "--pass-mark", "--language"]
argument_values = st.one_of(
    st.text(max_size=20),
    st.text(max_size=20),
    st.text(TEXT_ALPHABET, max_size=20),
    st.sampled_from(FRAGMENTS),
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(["every-type", "hostile", "easy", "colours", "fr", "0", "100", "9" * 5000]),
)


@given(argument_values, st.lists(st.tuples(st.sampled_from(OPTIONS), argument_values), max_size=5), st.booleans())
def test_any_assign_arguments_are_refused_cleanly_or_give_files_every_parser_reads(pegjs, title, options, shuffle):
    argv = [
        "assign",
        "--title",
        title,
        *[part for option, value in options for part in (option, value)],
        *(["--shuffle"] if shuffle else []),
    ]
    try:
        args = cli_parser().parse_args(argv)
    except SystemExit as refused:  # argparse's own message and usage
        assert refused.code == 2
        event("refused by argparse")
        return
    problems = argument_problems(args)
    if problems:
        assert all("\n" not in p and p.startswith("--") for p in problems)
        event("refused by the argument checks")
        return
    try:
        picked = pick(ASSIGN_BANKS, args.quiz, args.tag, args.count, args.seed, args.shuffle)
    except SelectionError as error:
        assert str(error).startswith(("--quiz", "--tag", "--count"))
        event("refused: nothing to pick")
        return
    event("assignment written")
    chosen = selection(args.title, picked, name=args.id or slug(args.title), pass_mark=args.pass_mark)
    files = render(chosen)
    check_moodle(files[f"{chosen.name}.moodle.xml"], picked)
    check_gift(files[f"{chosen.name}.gift.txt"], picked, pegjs)
    check_qti(files[f"{chosen.name}.qti21.zip"])


def test_regressions_found_by_make_fuzz(pegjs):
    """Each bank here once failed a property above."""
    percent = Quiz(
        "percent", "T", 1, (Question("q", "single", "0", options=(Option("0", True), Option("%", False, "0"))),)
    )
    files = render(bank_selection(percent))
    check_gift(files["percent.gift.txt"], [(percent, q) for q in percent.questions], pegjs)
    tiny = Quiz("tiny", "T", 1, (Question("q", "numeric", "0", answer=-5.960464477539063e-08),))
    check_gift(render(bank_selection(tiny))["tiny.gift.txt"], [(tiny, q) for q in tiny.questions], pegjs)
    twice = pick(ASSIGN_BANKS, ["every-type", "every-type"], [], None, 1, False)
    assert len(twice) == len(ASSIGN_BANKS["every-type"].questions)
    check_qti(render(selection("T", twice))["t.qti21.zip"])
