"""The whole handbook's Common Cartridge, restored by Moodle into a new course and a quiz of it taken by a learner."""

import re

import pytest
from bs4 import BeautifulSoup

from cpch.cartridge.assessment import left_out
from cpch.cartridge.messages import messages
from cpch.cartridge.package import build_cartridge, parts_of_book
from cpch.exports.common import number
from cpch.i18n.localized import load_banks_in, load_modules_in
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.labels import book_labels
from cpch.scorm.command import site_pages

from .moodle_site import ROOT

pytestmark = pytest.mark.lms
MODULE = "whole-handbook"
FRENCH_MODULE = "foundations"  # a small module: one French restore checks the language, not the whole book again
# What Moodle's Common Cartridge converter makes of each type the cartridge carries.
MOODLE_TYPES = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true-false": "truefalse",
    "short-text": "shortanswer",
    "numeric": "shortanswer",
}


@pytest.fixture(scope="session")
def quizzes():
    return load_banks(bank_files(ROOT / "quizzes"), book_labels(ROOT / "book"))


@pytest.fixture(scope="session")
def restored(moodle, cartridge_files) -> dict:
    return moodle.php_json("restore_cartridge.php", stdin={"file": cartridge_files[MODULE]})


@pytest.fixture(scope="session")
def cartridge_files(site, modules, quizzes, tmp_path_factory) -> dict[str, str]:
    """Every module's cartridge, as `cpch cartridge` writes them."""
    out, parts = tmp_path_factory.mktemp("cartridges"), parts_of_book(ROOT / "book")
    found = {}
    for module in [m for m in modules.values() if m.quizzes]:
        cartridge = build_cartridge(module, quizzes, site, parts, ROOT / "quizzes" / "modules.yml")
        (out / cartridge.name).write_bytes(cartridge.data)
        found[module.id] = str(out / cartridge.name)
    return found


def activities(restored: dict) -> list[dict]:
    return [activity for section in restored["sections"] for activity in section["activities"]]


def carried(quiz) -> list:
    """The questions (and scenario steps) of a bank that the cartridge's profile can carry."""
    return [p for q in quiz.questions for p in q.scored_parts if p.type in MOODLE_TYPES and not left_out(p)]


def test_the_cartridge_restores_into_a_new_course_without_error(restored):
    assert restored["course"] and restored["problems"] == []


def test_the_course_has_one_page_per_chapter_then_its_quiz_in_book_order(restored, modules, quizzes, site):
    module = modules[MODULE]
    expected = []
    for docname in module.chapters:
        heading = BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser").h1
        for link in heading.select("a.headerlink"):
            link.decompose()
        expected.append(("page", heading.get_text(" ", strip=True)))
        embedded = re.findall(r'data-quiz="([^"]+)"', (site / f"{docname}.html").read_text(encoding="utf-8"))
        expected += [("quiz", f"Quiz: {quizzes[q].title}") for q in embedded if q in module.quizzes]
    assert [(a["modname"], a["name"]) for a in activities(restored)] == expected
    assert len([a for a in activities(restored) if a["modname"] == "quiz"]) == len(module.quizzes)


def test_every_modules_cartridge_restores_with_its_chapters_and_quizzes(moodle, modules, cartridge_files):
    for module_id, path in cartridge_files.items():
        if module_id == MODULE:
            continue  # restored above
        course = moodle.php_json("restore_cartridge.php", stdin={"file": path})
        kinds = [a["modname"] for a in activities(course)]
        assert course["problems"] == [], module_id
        assert (kinds.count("page"), kinds.count("quiz")) == (
            len(modules[module_id].chapters),
            len(modules[module_id].quizzes),
        )


def test_each_page_holds_its_chapter_and_its_images(restored):
    pages = [a for a in activities(restored) if a["modname"] == "page"]
    assert all(a["name"] in a["content"] for a in pages)
    images = [src for a in pages for src in re.findall(r'<img[^>]*src="([^"]+)"', a["content"])]
    assert images and all("@@PLUGINFILE@@/" in src for src in images), images


def test_each_quiz_holds_every_question_of_its_bank_that_the_profile_carries(restored, modules, quizzes):
    by_title = {f"Quiz: {quizzes[q].title}": quizzes[q] for q in modules[MODULE].quizzes}
    for activity in [a for a in activities(restored) if a["modname"] == "quiz"]:
        quiz = by_title[activity["name"]]
        expected = [(f"{quiz.id}/{p.id}", MOODLE_TYPES[p.type]) for p in carried(quiz)]
        assert [(q["name"], q["qtype"]) for q in activity["questions"]] == expected


def right_answer(question) -> dict:
    if question.type in ("single", "multiple"):
        return {"choose": [i for i, option in enumerate(question.options) if option.correct]}
    if question.type == "true-false":
        return {"value": question.answer}
    if question.type == "numeric":
        return {"text": f"{number(question.answer)} {question.unit}".strip()}
    return {"text": question.accept[-1]}


def wrong_answer(question) -> dict:
    if question.type in ("single", "multiple"):
        return {"choose": [i for i, option in enumerate(question.options) if not option.correct][:1]}
    if question.type == "true-false":
        return {"value": not question.answer}
    return {"text": "no such answer"}


def every_option_ticked(question) -> dict:
    return {"choose": list(range(len(question.options)))} if question.type == "multiple" else right_answer(question)


def test_moodle_sets_every_restored_quiz_to_a_total_of_4_marks_whatever_it_holds(restored):
    # Moodle's converter writes SUMGRADES 4 for every quiz (backup/cc/sheets/course_modules_mod_quiz.xml); the
    # README tells trainers how to make Moodle add the marks up again. If this fails, Moodle fixed it: update the README.
    quizzes = [a for a in activities(restored) if a["modname"] == "quiz"]
    assert {a["sumgrades"] for a in quizzes} == {4.0}
    assert all(len(a["questions"]) > 4 for a in quizzes)


def test_a_learners_right_answers_get_full_marks_and_wrong_ones_none(moodle, restored, quizzes):
    # The quiz whose carried questions show the most types: every type the cartridge carries, if one has them all.
    quiz = max(quizzes.values(), key=lambda q: (len({p.type for p in carried(q)}), len(carried(q))))
    activity = next(a for a in activities(restored) if a["name"] == f"Quiz: {quiz.title}")
    total = moodle.php_json("quiz_fix_total.php", stdin={"quiz": activity["instance"]})
    assert total == {"before": 4.0, "after": float(len(carried(quiz)))}
    for answer, fraction in (
        (right_answer, 1.0),
        (wrong_answer, 0.0),
        # Moodle gives a multiple-response question's wrong options no penalty: ticking every box earns full marks.
        (every_option_ticked, 1.0),
    ):
        attempt = moodle.php_json(
            "attempt_quiz.php",
            stdin={
                "course": restored["course"],
                "quiz": activity["instance"],
                "answers": {f"{quiz.id}/{p.id}": answer(p) for p in carried(quiz)},
            },
        )
        marks = {s["name"]: s["fraction"] for s in attempt["slots"]}
        assert list(marks) == [f"{quiz.id}/{p.id}" for p in carried(quiz)]
        assert all(abs(mark - fraction) < 1e-6 for mark in marks.values()), (answer.__name__, marks)
        assert attempt["maxsumgrades"] == len(marks)
        assert attempt["sumgrades"] == pytest.approx(fraction * len(marks), abs=1e-4)
        assert attempt["gradebook"] == pytest.approx(fraction * attempt["grademax"], abs=1e-2)


def test_a_french_cartridge_restores_with_french_titles_and_the_same_questions(moodle, edition, tmp_path):
    files, locales, site = bank_files(ROOT / "quizzes"), ROOT / "quizzes" / "locales", edition / "fr"
    french = load_banks_in(files, book_labels(ROOT / "book"), "fr", locales)
    modules = load_modules_in(ROOT / "quizzes" / "modules.yml", site_pages(site), set(french), "fr", locales)
    module = modules[FRENCH_MODULE]
    cartridge = build_cartridge(
        module, french, site, parts_of_book(ROOT / "book", "fr"), ROOT / "quizzes" / "modules.yml", "fr"
    )
    (tmp_path / cartridge.name).write_bytes(cartridge.data)
    course = moodle.php_json("restore_cartridge.php", stdin={"file": str(tmp_path / cartridge.name)})
    assert course["problems"] == []
    restored = [a for a in activities(course) if a["modname"] == "quiz"]
    title = messages("fr")["quiz_title"]
    assert [a["name"] for a in restored] == [title.format(title=french[q].title) for q in module.quizzes]
    for activity, quiz in zip(restored, [french[q] for q in module.quizzes]):
        expected = [(f"{quiz.id}/{p.id}", MOODLE_TYPES[p.type]) for p in carried(quiz)]
        assert [(q["name"], q["qtype"]) for q in activity["questions"]] == expected
    quiz = french[module.quizzes[0]]
    moodle.php_json("quiz_fix_total.php", stdin={"quiz": restored[0]["instance"]})
    attempt = moodle.php_json(
        "attempt_quiz.php",
        stdin={
            "course": course["course"],
            "quiz": restored[0]["instance"],
            "answers": {f"{quiz.id}/{p.id}": right_answer(p) for p in carried(quiz)},
        },
    )
    assert attempt["sumgrades"] == pytest.approx(len(carried(quiz)), abs=1e-4)
