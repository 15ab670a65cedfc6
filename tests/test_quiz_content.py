"""The handbook's question banks cover what trainers were promised."""

import json
from collections import Counter

import pytest

from conftest import BOOK, ROOT
from cpch.core.messages import Catalogue
from cpch.quiz.banks import bank_files, load_banks
from cpch.quiz.html import Settings, render_quiz
from cpch.quiz.labels import book_labels
from cpch.quiz.messages import FOLDER, messages
from cpch.quiz.model import TYPES
from cpch.scorm.messages import FOLDER as MODULE_MESSAGES

pytestmark = pytest.mark.content
QUIZZES = load_banks(bank_files(ROOT / "quizzes"), book_labels(BOOK))
MINIMUM = {"roles-and-mandates": 10, "partnership-levels": 10, "database-access": 12}


def all_parts():
    return [part for quiz in QUIZZES.values() for q in quiz.questions for part in (q, *q.steps)]


def test_enough_questions_in_every_bank_and_overall():
    for quiz_id, quiz in QUIZZES.items():
        assert len(quiz.questions) >= MINIMUM.get(quiz_id, 5), quiz_id
    assert sum(len(quiz.questions) for quiz in QUIZZES.values()) >= 80


def test_every_question_type_is_used():
    assert set(Counter(part.type for part in all_parts())) == set(TYPES)


def test_partnership_levels_asks_for_the_order_of_the_five_levels():
    orderings = [q.items for q in QUIZZES["partnership-levels"].questions if q.type == "ordering"]
    assert ("Coexistence", "Communication", "Cooperation", "Coordination", "Collaboration") in orderings


def test_database_access_has_scenarios():
    assert sum(q.type == "scenario" for q in QUIZZES["database-access"].questions) >= 2


def test_every_answer_names_the_section_backing_it():
    assert all(part.source for part in all_parts() if part.type != "scenario")


def test_every_chapter_with_a_bank_embeds_it():
    embedded = {
        line.split()[-1]
        for page in BOOK.rglob("*.md")
        for line in page.read_text().splitlines()
        if line.startswith("```{quiz}")
    }
    assert embedded == set(QUIZZES)


@pytest.mark.parametrize("folder", [FOLDER, MODULE_MESSAGES], ids=["quiz", "module"])
def test_catalogues_have_the_same_messages(folder):
    catalogue = Catalogue(folder)
    english = set(catalogue("en"))
    assert catalogue.languages() == ["en", "fr"]
    for language in catalogue.languages():
        assert set(json.loads((folder / f"{language}.json").read_text())) == english, language


def test_a_french_book_gets_french_quizzes():
    quiz = QUIZZES["partnership-levels"]
    html = render_quiz(quiz, quiz.questions[:1], Settings("q", 70, False, messages("fr_FR"), {}))
    assert "Vérifier les réponses" in html and "Check answers" not in html
