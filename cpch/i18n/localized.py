"""Banks, the diagnostic and the modules in a language: the English read and checked, then each text
replaced by its translation from the language's catalogue.

A published language is complete: a missing catalogue, or any missing, fuzzy, out-of-date or broken
entry, fails with the catalogue's file and line (cpch.i18n.check). Only texts are replaced (see
cpch.i18n.fields), so answers, option counts, order and structure are the English ones.
"""

from pathlib import Path

from babel.messages.catalog import Message

from cpch.core.messages import DEFAULT, LANGUAGE
from cpch.core.problems import LocatedError, Problem
from cpch.diagnostic.loader import load_diagnostic
from cpch.diagnostic.model import Diagnostic
from cpch.i18n import fields
from cpch.i18n.catalogues import read, template
from cpch.i18n.check import check_catalogue
from cpch.i18n.sources import Source, catalogue_path
from cpch.quiz.banks import load_banks
from cpch.quiz.loader import load_quiz
from cpch.quiz.model import Quiz
from cpch.scorm.modules import load_modules

SOURCE_LANGUAGE = DEFAULT  # the banks are written in English


def is_source(language: str | None) -> bool:
    return not language or language.replace("-", "_").split("_")[0] == SOURCE_LANGUAGE


def catalogue_file(locales: Path, language: str, name: str) -> Path:
    """The catalogue for `language` ("fr_CA" falls back to "fr"); the most specific path if none exists."""
    language = language.replace("-", "_")
    candidates = [language, language.split("_")[0]]
    paths = [catalogue_path(locales, c, name) for c in dict.fromkeys(candidates)]
    return next((p for p in paths if p.is_file()), paths[-1])


class _Translations:
    """The `Texts` of a checked catalogue: each text's translation, by its context."""

    def __init__(self, messages: dict[str, Message]):
        self.messages = messages

    def text(self, context: str, english: str, line: int, one_line: bool = False) -> str:
        return self.messages[context].string.strip()

    def lines(self, context: str, english: tuple[str, ...], line: int) -> tuple[str, ...]:
        return tuple(answer.strip() for answer in self.messages[context].string.split("\n"))

    def group(self, contexts: tuple[str, ...], what: str) -> None:
        pass  # checked with the catalogue


def localize(source: Source, value, locales: Path, language: str | None):
    """`value` (the English object read from `source`) in `language`, or LocatedError."""
    if is_source(language):
        return value
    if not LANGUAGE.fullmatch(language or ""):
        raise LocatedError([Problem(source.path, 1, 1, f"'{language}' is not a language code such as fr")])
    path = catalogue_file(locales, language, source.name)
    if not path.is_file():
        raise LocatedError(
            [Problem(path, 1, 1, f"no catalogue for {source.path}: run `cpch i18n extract --language {language}`")]
        )
    recorder = template(source, value)
    catalogue = read(path)
    problems = check_catalogue(recorder.entries, recorder.groups, catalogue, path, source.path)
    if problems:
        raise LocatedError(problems)
    return source.walk(value, _Translations({m.context: m for m in catalogue if m.id}))


def load_quiz_in(path: Path, language: str | None, locales: Path, labels: set[str] | None = None) -> Quiz:
    return localize(Source(Path(path), "bank"), load_quiz(path, labels), locales, language)


def load_banks_in(paths: list[Path], labels: set[str] | None, language: str | None, locales: Path) -> dict[str, Quiz]:
    """Every bank in `language` (see cpch.quiz.banks.load_banks), every problem of every file gathered."""
    return load_banks(paths, labels, lambda path, known: load_quiz_in(path, language, locales, known))


def load_diagnostic_in(path: Path, language: str | None, locales: Path, labels: set[str] | None = None) -> Diagnostic:
    translated = localize(Source(Path(path), "diagnostic"), load_diagnostic(path, labels), locales, language)
    return fields.level_options(translated)


def load_modules_in(
    path: Path, pages: set[str] | None, quiz_ids: set[str] | None, language: str | None, locales: Path
) -> dict:
    return localize(Source(Path(path), "modules"), load_modules(path, pages, quiz_ids), locales, language)
