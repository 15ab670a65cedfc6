"""The quiz directive in a real Sphinx build: HTML made at build time, banks as dependencies, errors located."""

import re
import shutil
from pathlib import Path

import pytest

from cpch.build import build_site
from cpch.quiz.answer_key import decode_key

QUIZ_BOOK = Path(__file__).parent / "roots" / "quiz"
BANKS = Path(__file__).parent / "banks"


@pytest.fixture()
def book(tmp_path):
    """A private copy of the quiz test book and its banks, laid out as in the repository."""
    shutil.copytree(BANKS, tmp_path / "banks")
    shutil.copytree(QUIZ_BOOK, tmp_path / "roots" / "quiz")
    return tmp_path / "roots" / "quiz"


def build(book: Path, capsys):
    out = book.parent / "out" / "html"
    status = build_site(book, out, book, jobs="1")
    return status, out, capsys.readouterr().err


def test_quiz_is_real_html_without_javascript(book, capsys):
    status, out, err = build(book, capsys)
    assert status == 0, err
    page = (out / "index.html").read_text()
    assert page.count("<fieldset") == 9  # seven questions and two scenario steps
    assert page.count("<legend>") == 9
    assert re.search(r'<input type="radio" id="([^"]+)"[^>]*><label for="\1">', page)
    assert '<label for="quiz-every-type-1-type-it-text">Your answer</label>' in page
    assert 'src="_static/cpch-quiz.js' in page and "defer" in page
    assert 'href="#sec-a"' in page  # each question links to the section backing it


def test_answers_are_not_plain_text_in_the_page(book, capsys):
    status, out, _ = build(book, capsys)
    assert status == 0
    page = (out / "index.html").read_text()
    assert "data-correct" not in page
    assert "Paris" not in page  # the short-text answer
    assert "scatters blue light" not in page  # an explanation
    key = re.search(r'data-key="([^"]+)"', page).group(1)
    assert decode_key(key, "every-type", 2)["type-it"]["correct"] == ["Paris"]


def test_hostile_text_is_escaped(book, capsys):
    status, out, _ = build(book, capsys)
    assert status == 0
    page = (out / "hostile.html").read_text()
    quiz = page[page.index('<section class="quiz"') :]
    assert "<script>alert" not in quiz and "<img src=x" not in quiz and "<b onmouseover" not in quiz
    assert "&lt;script&gt;alert(&quot;prompt&quot;)&lt;/script&gt;" in quiz
    key = decode_key(re.search(r'data-key="([^"]+)"', quiz).group(1), "hostile", 1)["inject"]
    assert "<script>" not in key["feedback"][0]
    assert "<img" not in key["explanation"] and 'href="javascript:' not in key["explanation"]


def test_editing_a_bank_rebuilds_the_page(book, capsys):
    status, out, _ = build(book, capsys)
    assert status == 0
    bank = book.parent.parent / "banks" / "good" / "every-type.yml"
    bank.write_text(bank.read_text().replace("Which colour is the *sky*", "Which colour is the *sea*"))

    status, out, err = build(book, capsys)

    assert status == 0, err
    assert "Which colour is the <em>sea</em>" in (out / "index.html").read_text()


def test_a_bad_bank_fails_the_build_with_its_location(book, capsys):
    bank = book.parent.parent / "banks" / "good" / "every-type.yml"
    bank.write_text(bank.read_text().replace("type: numeric", "type: essay"))

    status, out, err = build(book, capsys)

    assert status != 0
    assert re.search(r"index\.md:\d+: WARNING: .*every-type\.yml:\d+:11: unknown question type 'essay'", err), err
    assert not out.exists()


def test_an_unknown_source_label_fails_the_build(book, capsys):
    bank = book.parent.parent / "banks" / "good" / "every-type.yml"
    bank.write_text(bank.read_text().replace("source: sec-b", "source: sec-z", 1))

    status, _, err = build(book, capsys)

    assert status != 0
    assert re.search(r"every-type\.yml:\d+:1: unknown source label 'sec-z'", err), err


def test_selection_by_tag_and_count_in_a_page(book, capsys):
    page = book / "index.md"
    page.write_text(
        page.read_text().replace(
            "```{quiz} every-type\n", "```{quiz} every-type\n:tags: numbers\n:count: 1\n:pass-mark: 50\n"
        )
    )

    status, out, err = build(book, capsys)

    assert status == 0, err
    html = (out / "index.html").read_text()
    assert html.count("<fieldset") == 1 and 'data-question="pick-many"' in html
    assert 'data-pass-mark="50"' in html


def test_an_unknown_quiz_fails_the_build(book, capsys):
    page = book / "index.md"
    page.write_text(page.read_text().replace("{quiz} every-type", "{quiz} no-such-quiz"))

    status, _, err = build(book, capsys)

    assert status != 0
    assert re.search(r"index\.md:\d+: WARNING: quiz 'no-such-quiz': no question bank at", err), err


UNREADABLE = [
    "alias-bomb",
    "non-scalar-key",
    "deep-nesting",
    "huge-integer",
    "huge-number",
    "control-character",
    "lone-surrogate",
    "not-utf8",
    "recursive-alias",
    "invalid-date",
]


def test_banks_the_reader_refuses_give_located_warnings_not_a_crash(book, capsys):
    good = book.parent.parent / "banks" / "good"
    page = book / "index.md"
    for name in UNREADABLE:
        shutil.copyfile(BANKS / "bad" / f"{name}.yml", good / f"{name}.yml")
        page.write_text(page.read_text() + f"\n```{{quiz}} {name}\n```\n")

    status, out, err = build(book, capsys)

    assert status != 0 and not out.exists()
    assert "Exception occurred" not in err and "Traceback" not in err
    for name in UNREADABLE:
        expected = (BANKS / "bad" / f"{name}.yml").read_bytes().split(b"\n")[0].decode().removeprefix("# expect: ")
        assert re.search(rf"index\.md:\d+: WARNING: \S*{name}\.yml:{re.escape(expected)}", err), (name, err)


def test_objectives_open_the_chapter_from_the_bank(book, capsys):
    shutil.copyfile(BANKS / "quality" / "quality.yml", book.parent.parent / "banks" / "good" / "quality.yml")
    page = book / "index.md"
    page.write_text(page.read_text().replace("# Section A\n", "# Section A\n\n```{objectives} quality\n```\n", 1))

    status, out, err = build(book, capsys)

    assert status == 0, err
    box = re.search(r'<div class="objectives admonition">.*?</div>', (out / "index.html").read_text(), re.S).group(0)
    assert "Learning objectives" in box and "After this chapter you can:" in box
    texts = re.findall(r'<li id="objective-quality-(\w+)"><p>(.*?)</p>', box)
    assert texts == [
        ("colours", "After this you can name the colours of things."),
        ("sounds", "After this you can match animals with their sounds."),
    ]


def test_the_build_applies_the_quality_rules_when_asked(book, capsys):
    conf = book / "conf.py"
    conf.write_text(conf.read_text().replace("cpch_quiz_quality = False", "cpch_quiz_quality = True"))

    status, out, err = build(book, capsys)

    assert status != 0
    assert re.search(r"index\.md:\d+: WARNING: .*every-type\.yml:\d+:\d+: question '\S+' needs a 'level'", err), err
    assert not out.exists()
