"""Every question bank `make exports` writes, imported by Moodle's own importers and marked by its question engine."""

import functools
from pathlib import Path

import pytest

from cpch.exports.common import number
from cpch.exports.writer import export_banks, export_multilang
from cpch.i18n.localized import load_quiz_in
from cpch.quiz import Quiz, load_quiz
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.labels import book_labels

from .moodle_site import ROOT

pytestmark = pytest.mark.lms
TESTS = ROOT / "tests"
BANKS = bank_files(ROOT / "quizzes")
# Beside the real banks: every question type, and text written to break exporters.
EXTRA = [TESTS / "banks" / "good" / "every-type.yml", TESTS / "banks" / "good" / "hostile.yml"]
FORMATS = {"moodle": (".moodle.xml", "xml"), "gift": (".gift.txt", "gift")}
# A bank in French (from the fixture catalogue), in each format, and English with French in one Moodle XML bank.
LOCALES = TESTS / "i18n" / "locales"
FRENCH = "every-type-fr"
MULTILANG = "every-type-en-fr"
FILES = [p.stem + suffix for p in BANKS + EXTRA for suffix, _ in FORMATS.values()]
FILES += [FRENCH + suffix for suffix, _ in FORMATS.values()] + [MULTILANG + ".moodle.xml"]
MOODLE_TYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true-false": "truefalse",
    "short-text": "shortanswer",
    "numeric": "numerical",
    "matching": "match",
    "ordering": "ordering",
}
GIFT_TYPES = {**MOODLE_TYPES, "ordering": "match"}  # GIFT has no ordering type: items are matched with positions


@functools.cache
def quizzes() -> dict[str, Quiz]:
    banks = load_banks(BANKS, book_labels(ROOT / "book"))
    banks.update({q.id: q for q in map(load_quiz, EXTRA)})
    banks[FRENCH] = load_quiz_in(EXTRA[0], "fr", LOCALES)
    banks[MULTILANG] = banks["every-type"]  # its questions, answers and ids are the English bank's
    return banks


@pytest.fixture(scope="session")
def bank_exports(tmp_path_factory) -> Path:
    """The Moodle XML and GIFT files of every bank, written as `make exports` writes them."""
    out = tmp_path_factory.mktemp("exports")
    banks = quizzes()
    export_banks([q for key, q in banks.items() if key not in (FRENCH, MULTILANG)], out, FORMATS)
    export_banks([banks[FRENCH]], out, FORMATS, language="fr")
    export_multilang([banks["every-type"]], [banks[FRENCH]], "fr", out)
    return out


@pytest.fixture(scope="session")
def imported(moodle, bank_exports) -> dict[str, dict]:
    """Each file imported into a course of its own, as a trainer does it on the import page."""
    banks = [
        {"file": str(bank_exports / name), "format": fmt}
        for name in FILES
        for suffix, fmt in FORMATS.values()
        if name.endswith(suffix)
    ]
    return {Path(result["file"]).name: result for result in moodle.php_json("import_banks.php", stdin=banks)}


def split(name: str) -> tuple[Quiz, str]:
    stem, suffix = name.split(".", 1)
    return quizzes()[stem], "gift" if suffix == "gift.txt" else "moodle"


def expected_questions(quiz: Quiz, fmt: str) -> list[tuple[str, str]]:
    """(id number, Moodle question type) of every question the file holds, in order."""
    types = GIFT_TYPES if fmt == "gift" else MOODLE_TYPES
    found = []
    for q in quiz.questions:
        if q.type == "scenario":
            found.append((f"{quiz.id}/{q.id}", "description"))
            found += [(f"{quiz.id}/{step.id}", types[step.type]) for step in q.steps]
        else:
            found.append((f"{quiz.id}/{q.id}", types[q.type]))
    return found


@pytest.mark.parametrize("name", FILES)
def test_every_question_is_saved_with_no_error_or_warning(imported, name):
    result = imported[name]
    quiz, fmt = split(name)
    assert result["problems"] == [] and result["ok"], f"{name}: Moodle reported {result['problems']}"
    saved = [(q["idnumber"], q["qtype"]) for q in result["questions"]]
    assert saved == expected_questions(quiz, fmt)


def rotated(n: int) -> list[int]:
    return [(i + 1) % n for i in range(n)]


def matched(rights: list[str], given: list[int]) -> float:
    """Moodle's mark for a matching answer: the share of stems given a choice with the right text."""
    return sum(rights[j] == rights[i] for i, j in enumerate(given)) / len(rights)


def cases(q, fmt: str) -> list[tuple[str, dict, float]]:
    """(what, response, expected mark) for one question: a right answer, wrong ones, partly right ones."""
    kind = q.type
    if kind in ("single", "multiple"):
        right = [i for i, o in enumerate(q.options) if o.correct]
        wrong = [i for i, o in enumerate(q.options) if not o.correct]
        found = [("right", {"choose": right[:1] if kind == "single" else right}, 1.0)]
        if wrong:
            found.append(("wrong", {"choose": wrong[:1]}, 0.0))
        if kind == "multiple" and len(right) > 1:  # each right option carries its share
            found.append(("one right option of several", {"choose": right[:1]}, 1 / len(right)))
        return found
    if kind == "true-false":
        return [("right", {"value": q.answer}, 1.0), ("wrong", {"value": not q.answer}, 0.0)]
    if kind == "short-text":
        return [("right", {"text": q.accept[0]}, 1.0), ("wrong", {"text": "no such answer"}, 0.0)]
    if kind == "numeric":
        found = [
            ("right", {"text": number(q.answer)}, 1.0),
            ("wrong", {"text": number(q.answer + q.tolerance + 1000)}, 0.0),
        ]
        if q.unit and fmt == "moodle":
            found.append(("right, with its unit", {"text": f"{number(q.answer)} {q.unit}"}, 1.0))
        return found
    if kind == "ordering" and fmt == "moodle":  # all or nothing
        n = len(q.items)
        return [("right", {"order": list(range(n))}, 1.0), ("wrong", {"order": rotated(n)}, 0.0)]
    rights = [right for _, right in q.pairs] if kind == "matching" else [str(n) for n in range(1, len(q.items) + 1)]
    n = len(rights)
    swapped = [1, 0, *range(2, n)]
    return [
        ("right", {"pairs": list(range(n))}, 1.0),
        ("wrong", {"pairs": rotated(n)}, matched(rights, rotated(n))),
        ("two swapped", {"pairs": swapped}, matched(rights, swapped)),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_right_answers_get_full_marks_and_wrong_ones_none_in_moodles_question_engine(moodle, imported, fmt):
    wanted, tried = [], set()
    for name, result in imported.items():
        quiz, file_format = split(name)
        if file_format != fmt:
            continue
        for q in quiz.questions:
            for part in q.scored_parts:
                for what, response, mark in cases(part, fmt):
                    wanted.append((result["course"], f"{quiz.id}/{part.id}", what, response, mark))
                    tried.add(part.type)
    assert tried == set(MOODLE_TYPES)
    marks = []
    for course in sorted({c for c, *_ in wanted}):
        mine = [w for w in wanted if w[0] == course]
        marks += moodle.php_json(
            "grade_questions.php",
            stdin={
                "course": course,
                "cases": [{"idnumber": idnumber, "response": response} for _, idnumber, _, response, _ in mine],
            },
        )
    wrong = [
        f"{idnumber} ({what}): expected {mark:.4g}, Moodle gave {got['fraction']} ({got['summary']})"
        for (_, idnumber, what, _, mark), got in zip(wanted, marks)
        if abs(got["fraction"] - mark) > 1e-6
    ]
    assert wrong == []


def test_the_bilingual_bank_shows_the_courses_language(moodle, imported):
    """With Moodle's multi-language filter on, a course in French shows the French of each text, and a
    course with no forced language the English (the site's and the learner's)."""
    course = imported[MULTILANG + ".moodle.xml"]["course"]
    chosen = ["every-type/pick-one", "every-type/match-them", "every-type/a-case-first"]
    shown = {}
    for lang in ("fr", ""):
        result = moodle.php_json("show_questions.php", stdin={"course": course, "lang": lang, "idnumbers": chosen})
        assert result["language"] == (lang or "en") and "fr" in result["installed"]
        shown[lang] = "\n".join(result["questions"].values())
    french, english = shown["fr"], shown[""]
    for words in ("De quelle couleur est le <em>ciel</em>", "Bleu", "Rouge", "Chat", "Miaou", "Elle ramasse la clé"):
        assert words in french and words not in english, words
    for words in ("Which colour is the <em>sky</em>", "Blue", "Red", "Cat", "Meow", "Pick up the key"):
        assert words in english and words not in french, words
    assert 'class="multilang"' not in french + english
