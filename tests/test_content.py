"""The book's text: original wording, every acronym explained, dated facts kept, figures described."""

import re
import subprocess
import sys

import pytest

from conftest import BOOK, ROOT
from cpch.serve import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.content
ORIGINALITY = ROOT.parent / "shared" / "tools" / "originality.py"
# Tokens with two or more capitals (WCO, CENcomm, iARMS, WoA), read outside code.
ACRONYM = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b")
ROMAN_NUMERAL = re.compile(r"^[IVX]+$")


def prose(markdown: str) -> str:
    """Markdown without code blocks, inline code, labels, roles' targets and link targets."""
    text = re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)
    text = re.sub(r"`[^`]*<[^`>]*>`", "", text)  # {term}`shown text <TARGET>`: keep neither
    text = re.sub(r"``[^`]*``|`[^`]*`", "", text)
    text = re.sub(r"^\(.*\)=$", "", text, flags=re.M)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"^:[a-z-]+:.*$", "", text, flags=re.M)


def glossary_terms() -> set[str]:
    text = (BOOK / "reference" / "glossary.md").read_text()
    body = text.split(":::{glossary}", 1)[1].split("\n:::", 1)[0]
    return {line.strip() for line in body.splitlines() if line and not line.startswith((" ", ":"))}


def book_pages():
    return sorted(BOOK.rglob("*.md"))


@pytest.mark.skipif(not ORIGINALITY.exists(), reason="../shared/tools/originality.py is not beside the project")
def test_no_passage_repeats_the_sources():
    result = subprocess.run([sys.executable, str(ORIGINALITY), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().startswith("0 passage")


def test_every_acronym_is_in_the_glossary():
    terms = glossary_terms()
    words = {part for term in terms for part in re.split(r"[\s/-]+", term)}
    missing = {}
    for page in book_pages():
        if page.name == "glossary.md":  # its definitions spell the acronyms out
            continue
        for token in ACRONYM.findall(prose(page.read_text())):
            singular = token[:-1] if token.endswith("s") and token[:-1] in words else token
            if singular not in words and not ROMAN_NUMERAL.match(token):
                missing.setdefault(token, page.relative_to(BOOK).as_posix())
    assert missing == {}, f"acronyms not in the glossary (first page using each): {missing}"


def test_the_acronym_check_finds_an_unexplained_acronym():
    assert ACRONYM.findall(prose("The QZX and CENcomm, not `CODE` or ```\nXYZ\n```")) == ["QZX", "CENcomm"]


@pytest.mark.parametrize("svg", sorted((BOOK / "figures").glob("*.svg")), ids=lambda p: p.name)
def test_every_figure_is_a_described_scalable_image(svg):
    text = svg.read_text()
    assert 'role="img"' in text and "<title" in text and "<desc" in text
    assert "viewBox" in text
    assert not re.search(r"<script|href=\"http|xlink:href=\"http", text)
    name = source_figure(svg).name
    used_by = [p for p in book_pages() if name in p.read_text()]
    assert used_by, f"{svg.name} is not used by any page"
    for page in used_by:
        block = page.read_text().split(name, 1)[1].split(":::", 1)[0]
        assert ":alt:" in block, f"{page.name}: {name} has no alt text"


def source_figure(svg):
    """The figure a page names: `name.fr.svg` is Sphinx's French stand-in for `name.svg`, used where it is."""
    translated = re.fullmatch(r"(.+)\.[a-z]{2}(?:_[A-Z]{2})?\.svg", svg.name)
    if translated and svg.with_name(translated[1] + ".svg").exists():
        return svg.with_name(translated[1] + ".svg")
    return svg


def test_a_translated_figure_stands_for_its_source_figure():
    figures = BOOK / "figures"
    assert source_figure(figures / "continuum.fr.svg") == figures / "continuum.svg"
    assert source_figure(figures / "continuum.svg") == figures / "continuum.svg"
    assert source_figure(figures / "no-such-figure.fr.svg").name == "no-such-figure.fr.svg"


def test_dated_database_figures_keep_their_dates():
    for page, figure, date in [
        ("interpol/nominal.md", "205,000", "January 2018"),
        ("interpol/sltd.md", "74.4 million", "January 2018"),
        ("interpol/fingerprints.md", "182,000", "December 2017"),
    ]:
        text = (BOOK / page).read_text()
        sentence = next(line for line in text.splitlines() if figure in line)
        assert date in sentence, f"{page}: '{figure}' is given without its date"


def test_the_hosting_guide_shows_the_policy_the_site_is_tested_under():
    guide = (BOOK / "reference" / "hosting.md").read_text()
    assert guide.count(CONTENT_SECURITY_POLICY) >= 3  # the policy itself, nginx and Apache


def test_the_markdown_keeps_one_sentence_per_line():
    crowded = []
    for page in book_pages():
        for number, line in enumerate(page.read_text().splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith(("|", "-", "*", ":", "#", "`", ">")) or not stripped:
                continue
            if re.search(r"\b[a-z][a-z)]*\. [A-Z]", stripped):  # "word. Next", not "Chr. Michelsen"
                crowded.append(f"{page.relative_to(BOOK)}:{number}")
    assert crowded == []


HANDBOOK_SECTION = re.compile(r"^Handbook sections?: (none|abstract|[IVX]+)\b")
NOT_CHAPTERS = {"index.md", "glossary.md", "references.md", "hosting.md"}


@pytest.mark.parametrize("page", [p for p in book_pages() if p.name not in NOT_CHAPTERS], ids=lambda p: p.stem)
def test_every_chapter_names_the_handbook_section_it_restates(page):
    """The first line of text under the H1 (directives aside) maps the chapter to the printed handbook."""
    lines = page.read_text().splitlines()
    after_title = lines[next(i for i, line in enumerate(lines) if line.startswith("# ")) + 1 :]
    in_fence = False
    for line in after_title:
        if line.startswith("```"):
            in_fence ^= not (len(line.strip()) > 3 and line.rstrip().endswith("```"))  # a one-line block closes itself
            continue
        if in_fence or not line.strip():
            continue
        assert HANDBOOK_SECTION.match(line), f"{page.relative_to(BOOK)}: first line under the title is {line!r}"
        return
    pytest.fail(f"{page.relative_to(BOOK)}: no text under the title")
