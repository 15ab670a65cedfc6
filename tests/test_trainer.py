"""Trainer pages: catalogue and answer keys, in HTML and as a printable PDF; and `cpch assign`."""

import argparse
import re
import zipfile
from html import escape

import pytest
from lxml import etree
from pypdf import PdfReader

from browser import axe_violations
from conftest import BOOK, ROOT, run_trainer
from cpch.assignment.command import write_assignment
from cpch.assignment.selection import SelectionError, pick
from cpch.cli import main as cpch
from cpch.quiz.banks import bank_files, load_banks
from test_scorm_packages import official_schema

QUIZZES = load_banks(bank_files(ROOT / "quizzes"))
NOTES = ROOT / "trainer-notes"


def note_phrases() -> list[str]:
    """Two headings from each notes file that appear nowhere in the book: its title and its exercise."""
    phrases = []
    for path in sorted(NOTES.rglob("*.md")):
        headings = [line.lstrip("# ").strip() for line in path.read_text().splitlines() if line.startswith("#")]
        phrases += [headings[0], next(h for h in headings if "exercise" in h.lower())]
    return phrases


@pytest.fixture(scope="module")
def trainer(site, tmp_path_factory):
    """The trainer pages as `cpch trainer` writes them (in its own process: it drives Chromium itself)."""
    out = tmp_path_factory.mktemp("trainer")
    result = run_trainer(site, out, NOTES)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def pdf(trainer):
    """The answer keys' PDF: (page count, its text with spaces collapsed, as titles may wrap).
    Read once: pypdf takes seconds to extract a hundred pages."""
    reader = PdfReader(trainer / "answer-keys.pdf")
    return len(reader.pages), " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_pdf_has_a_page_per_quiz_or_more(pdf):
    pages, text = pdf
    assert pages >= len(QUIZZES)
    assert all(f"Answer key: {quiz.title}" in text for quiz in QUIZZES.values())


def test_an_answer_key_shows_answers_explanations_and_sources(browser, trainer):
    page = browser.new_page()
    page.goto((trainer / "key-partnership-levels.html").as_uri())
    quiz = QUIZZES["partnership-levels"]
    ordering = next(q for q in quiz.questions if q.type == "ordering")
    steps = page.locator(".key-question").filter(has_text=ordering.prompt).locator("ol li").all_inner_texts()
    assert steps == list(ordering.items)
    single = next(q for q in quiz.questions if q.type == "single")
    right = next(o.text for o in single.options if o.correct)
    block = page.locator(".key-question").filter(has_text=single.prompt)
    assert right in block.locator("li").filter(has_text="✓ right").inner_text()
    source = block.locator(".key-source a")
    assert source.get_attribute("href").startswith("../html/cooperation/partnership-levels.html#")
    assert axe_violations(page) == []
    page.close()


def test_the_catalogue_lists_every_quiz_and_module(trainer):
    html = (trainer / "index.html").read_text()
    assert all(f'href="key-{quiz_id}.html"' in html for quiz_id in QUIZZES)
    assert 'href="../scorm/whole-handbook-scorm2004.zip"' in html


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


def test_selection_by_tag_and_count_is_fixed_by_the_seed():
    first = pick(QUIZZES, [], ["sltd"], 4, seed=7, shuffle=True)
    assert len(first) == 4 and all("sltd" in q.tags or q.difficulty == "sltd" for _, q in first)
    assert [q.id for _, q in pick(QUIZZES, [], ["sltd"], 4, seed=7, shuffle=True)] == [q.id for _, q in first]
    others = [[q.id for _, q in pick(QUIZZES, [], ["sltd"], 4, seed=s, shuffle=True)] for s in range(1, 6)]
    assert any(ids != [q.id for _, q in first] for ids in others)


def test_selection_by_quiz_keeps_bank_order_without_shuffle():
    picked = pick(QUIZZES, ["wco-tools"], [], None, seed=1, shuffle=False)
    assert [q.id for _, q in picked] == [q.id for q in QUIZZES["wco-tools"].questions]


@pytest.mark.parametrize(
    "quiz, tag, count, message",
    [
        (["no-such-bank"], [], None, "--quiz: no question bank no-such-bank"),
        ([], ["no-such-tag"], None, "--tag: no question has any of the tags no-such-tag"),
        (["wco-tools"], [], 500, "--count: asked for 500 questions"),
        (["wco-tools"], [], 0, "--count: asked for 0 questions"),
    ],
)
def test_invalid_selections_are_rejected(quiz, tag, count, message):
    with pytest.raises(SelectionError, match=message):
        pick(QUIZZES, quiz, tag, count, seed=1, shuffle=False)


def test_assign_writes_scorm_modules_and_banks_for_the_selection(site, tmp_path):
    written = write_assignment(assignment_args(site, tmp_path))
    names = sorted(path.name for path in written)
    assert names == [
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


def test_assign_is_deterministic(site, tmp_path):
    first = write_assignment(assignment_args(site, tmp_path / "a", out=tmp_path / "a"))
    second = write_assignment(assignment_args(site, tmp_path / "b", out=tmp_path / "b"))
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_assign_command_explains_a_bad_selection(site, capsys):
    status = cpch(["assign", "--title", "Nothing", "--tag", "no-such-tag", "--site", str(site)])
    assert status == 1 and "--tag: no question has any of the tags no-such-tag" in capsys.readouterr().err


def test_assignments_with_one_title_but_other_questions_are_other_modules(site, tmp_path):
    """Their manifest identifiers and saved states differ, so an LMS or a browser never mixes their answers."""
    picks = [[q.id for _, q in pick(QUIZZES, [], ["sltd"], 4, seed=seed, shuffle=True)] for seed in (7, 8)]
    assert picks[0] != picks[1]
    identities = []
    for seed in (7, 8):
        write_assignment(assignment_args(site, tmp_path, out=tmp_path / str(seed), seed=seed))
        with zipfile.ZipFile(tmp_path / str(seed) / "sltd-drill-scorm12.zip") as archive:
            manifest = etree.fromstring(archive.read("imsmanifest.xml")).get("identifier")
            question_set = re.search(r'data-question-set="([0-9a-f]{12})"', archive.read("index.html").decode()).group(
                1
            )
        assert manifest == f"cpch-sltd-drill-v1-{question_set}"
        identities.append(question_set)
    assert identities[0] != identities[1]


def test_the_trainer_notes_are_in_the_trainer_pages_and_pdf(trainer, pdf):
    html = (trainer / "notes.html").read_text()
    assert all(escape(phrase) in html for phrase in note_phrases())
    assert html.count('class="trainer-note"') == len(list(NOTES.rglob("*.md")))
    assert 'href="../html/diagnostic.html"' in html
    assert 'href="notes.html"' in (trainer / "index.html").read_text()
    assert "Trainer notes: Running the diagnostic as a team workshop" in pdf[1]


def test_the_trainer_notes_never_reach_the_learners_site_or_modules(site, packages):
    phrases = [phrase.lower() for phrase in note_phrases()]
    for page in site.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".js", ".json", ".txt"):
            text = page.read_text(errors="replace").lower()
            assert not [p for p in phrases if p in text], page
    for package in packages.values():
        with zipfile.ZipFile(package) as archive:
            for name in archive.namelist():
                text = archive.read(name).decode(errors="replace").lower()
                assert not [p for p in phrases if p in text], f"{package.name}:{name}"


def test_the_catalogue_lists_each_objective_with_the_questions_that_check_it(trainer):
    html = (trainer / "index.html").read_text()
    key = (trainer / "key-database-access.html").read_text()
    quiz = QUIZZES["database-access"]
    for objective in quiz.objectives:
        assert objective.text.replace("'", "&#x27;") in html
    checkers = [p for q in quiz.questions for p in q.scored_parts if p.objective == "sltd"]
    for part in checkers:
        anchor = f"key-database-access-{part.id}"
        assert f'href="key-database-access.html#{anchor}"' in html and f'id="{anchor}"' in key


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, {"width": 1366, "height": 768}])
def test_trainer_tables_keep_whole_words_on_every_screen(browser, trainer, viewport):
    from layout import BROKEN_WORDS, OVERFLOW

    page = browser.new_page(viewport=viewport)
    for html in sorted(trainer.glob("*.html")):
        page.goto(html.as_uri())
        assert page.evaluate(BROKEN_WORDS) == [], html.name
        assert page.evaluate(OVERFLOW) <= 0, html.name
    page.close()
