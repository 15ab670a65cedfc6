"""The bilingual build against the English-only one: cold builds of the book in its sources' language
alone, then with French as well (`python -m cpch.build BOOK OUT --languages en,fr`).

The French build must be complete, so the project's copy gets a French entry for every message its
catalogues lack: the reviewed translations where they exist, else a pseudo-translation (the English
with a marker added, so Sphinx parses it as it parses a real translation; a glossary term keeps its
English, as references name it). The figure measures the engine, not the translators' progress.
"""

import re
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from bench.builds import cold_build
from bench.project import Project
from bench.timing import ratio, summary
from cpch.build import site_languages
from cpch.cli import main as cpch
from cpch.page_catalogues import main as i18n

GLOSSARY = re.compile(r"^(`{3,}|:{3,})\{glossary\}[^\n]*\n(.*?)^\1", re.M | re.S)
MARKER = " [fr]"


def glossary_terms(book: Path) -> set[str]:
    """Every glossary term of the book (the unindented lines of its {glossary} blocks)."""
    terms = set()
    for page in book.rglob("*.md"):
        for block in GLOSSARY.finditer(page.read_text(encoding="utf-8")):
            terms |= {line.strip() for line in block.group(2).splitlines() if line.strip() and not line[0].isspace()}
    return terms


def pseudo_translate(project: Project, language: str, templates: Path) -> int:
    """Fill every message of `language`'s catalogues (pages and banks) that lacks a reviewed
    translation; return how many."""
    args = ["--book", str(project.book), "--conf", str(project.root), "--templates", str(templates)]
    if i18n(["update", *args, "--language", language]):
        raise RuntimeError("cpch.page_catalogues update failed")
    banks = project.quizzes / "locales"
    extract = ["i18n", "extract", "--language", language, "--quizzes", str(project.quizzes), "--locales", str(banks)]
    if cpch([*extract, "--diagnostic", str(project.book / "diagnostic.yml")]):
        raise RuntimeError("cpch i18n extract failed")
    terms = glossary_terms(project.book)
    folders = [project.book / "locales" / language / "LC_MESSAGES", banks / language / "LC_MESSAGES"]
    return sum(fill(path, terms) for folder in folders for path in folder.rglob("*.po"))


def fill(path: Path, terms: set[str]) -> int:
    with path.open("rb") as file:
        catalogue = read_po(file)
    filled = 0
    for message in catalogue:
        if message.id and (message.fuzzy or not str(message.string).strip()):
            message.string = message.id if message.id in terms else f"{message.id}{MARKER}"
            message.flags.discard("fuzzy")
            filled += 1
    with path.open("wb") as file:
        write_po(file, catalogue)
    return filled


def measure(project: Project, work: Path, runs: int, language: str = "fr") -> dict:
    """`runs` cold builds in the sources' language alone, then `runs` with `language` too.
    `project` must be a copy: its catalogues are filled."""
    source = site_languages(project.root)[0]
    filled = pseudo_translate(project, language, work / "gettext")
    out = work / "html"
    alone = [cold_build(project, out, [source]) for _ in range(runs)]
    both = [cold_build(project, out, [source, language]) for _ in range(runs)]
    return {
        "languages": [source, language],
        "pseudo_translated": filled,
        "one_language": summary(alone),
        "two_languages": summary(both),
        "ratio": ratio(summary(both)["median"], summary(alone)["median"]),
    }
