"""Turn selections of questions into export files: every file is checked in memory before any is written."""

from collections.abc import Callable, Iterable
from pathlib import Path

from cpch.exports import gift, moodle_xml, multilang, qti
from cpch.exports.common import ExportError, Item, Selection, slug
from cpch.files import write_atomically
from cpch.i18n.localized import is_source
from cpch.quiz.model import Question, Quiz

FORMATS = {"moodle": moodle_xml, "gift": gift, "qti": qti}


def bank_selection(quiz: Quiz, questions: Iterable[Question] | None = None, language: str = "en") -> Selection:
    """A whole bank (or some of its questions) under the bank's own id and title; a bank in another
    language than English (`quiz` already translated) is named <id>-<language>, beside the English."""
    chosen = quiz.questions if questions is None else tuple(questions)
    name = quiz.id if is_source(language) else f"{quiz.id}-{language}"
    return Selection(name, quiz.title, tuple(Item(quiz, q) for q in chosen), quiz.description, quiz.pass_mark, language)


def selection(title: str, source, name: str | None = None, description: str = "", pass_mark: int = 70) -> Selection:
    """Questions from any banks under a new title.

    `source` is a Quiz, or an iterable of Quiz (all its questions) and (Quiz, Question) pairs.
    """
    return Selection(name or slug(title), title, _items(source), description, pass_mark)


def _items(source) -> tuple[Item, ...]:
    items: list[Item] = []
    for entry in [source] if isinstance(source, Quiz) else source:
        if isinstance(entry, Quiz):
            items.extend(Item(entry, q) for q in entry.questions)
        else:
            items.append(Item(*entry))
    return tuple(items)


def render(chosen: Selection, formats: Iterable[str] = FORMATS) -> dict[str, bytes]:
    """File name -> contents for each format, or ExportError naming every question none can hold."""
    files, problems = {}, []
    for key in formats:
        module = FORMATS[key]
        try:
            files[chosen.name + module.SUFFIX] = module.render(chosen)
        except ExportError as error:
            problems.extend(error.problems)
    if problems:
        raise ExportError(problems)
    return files


def write_files(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    return [write_atomically(Path(out_dir) / name, data) for name, data in sorted(files.items())]


def write_exports(title: str, source, out_dir: Path, formats: Iterable[str] = FORMATS, **options) -> list[Path]:
    """Export any questions under `title` (see `selection`); nothing is written unless all formats can hold them."""
    return write_files(render(selection(title, source, **options), formats), out_dir)


def export_banks(
    quizzes: Iterable[Quiz],
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    on_bank: Callable[[str], None] | None = None,
    language: str = "en",
) -> list[Path]:
    """<quiz-id>.moodle.xml, .gift.txt and .qti21.zip per bank (<quiz-id>-<language>.* for banks
    translated into `language`); nothing is written if any bank fails."""
    files, problems, formats = {}, [], list(formats)
    for quiz in quizzes:
        try:
            files.update(render(bank_selection(quiz, language=language), formats))
        except ExportError as error:
            problems.extend(error.problems)
        if on_bank:
            on_bank(quiz.id)
    if problems:
        raise ExportError(problems)
    return write_files(files, out_dir)


def export_multilang(english: list[Quiz], translated: list[Quiz], language: str, out_dir: Path) -> list[Path]:
    """<quiz-id>-en-<language>.moodle.xml per bank: each question in both languages (Moodle's multilang)."""
    files = {}
    for source, other in zip(english, translated, strict=True):
        pair = [bank_selection(source), bank_selection(other, language=language)]
        files[f"{source.id}-en-{language}{multilang.SUFFIX}"] = multilang.render(pair)
    return write_files(files, out_dir)
