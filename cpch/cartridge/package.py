"""Build one module's cartridge: its chapters as pages, each followed by its quiz, grouped by part of the book."""

from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po
from sphinx_external_toc.parsing import parse_toc_yaml

from cpch.cartridge import assessment
from cpch.cartridge.manifest import ASSESSMENT, WEBCONTENT, Activity, Resource, Section, render_manifest
from cpch.cartridge.messages import messages
from cpch.cartridge.pages import chapter
from cpch.core.problems import LocatedError, Problem
from cpch.exports.common import ExportError
from cpch.exports.writer import bank_selection
from cpch.files import zip_bytes
from cpch.i18n.localized import catalogue_file, is_source
from cpch.quiz.model import Question, Quiz
from cpch.scorm.manifest import manifest_identifier
from cpch.scorm.modules import Module

SUFFIX = ".imscc"


@dataclass(frozen=True)
class Cartridge:
    name: str  # file name
    data: bytes
    pages: int
    quizzes: int
    questions: int  # carried into the assessments
    left_out: tuple[tuple[str, Question, str], ...]  # (quiz id, question or step, why)


def parts_of_book(book: Path, language: str = "en") -> dict[str, str]:
    """docname -> caption of the part of the table of contents it belongs to (the root page has none),
    in `language` as the site shows it: translated by the root page's catalogue, if it has one."""
    site_map = parse_toc_yaml(book / "_toc.yml")
    translated = _captions(book, site_map.root.docname, language)
    parts: dict[str, str] = {}

    def walk(docname: str, caption: str) -> None:
        parts[docname] = caption
        for subtree in site_map[docname].subtrees:
            for child in subtree.items:
                if isinstance(child, str):
                    walk(child, caption)

    for subtree in site_map[site_map.root.docname].subtrees:
        for child in subtree.items:
            if isinstance(child, str):
                walk(child, translated(subtree.caption or ""))
    return parts


def _captions(book: Path, root: str, language: str):
    """English caption -> the one the site in `language` shows (Sphinx skips fuzzy and empty entries too)."""
    if is_source(language):
        return lambda caption: caption
    path = catalogue_file(book / "locales", language, root)  # conf.py's locale_dirs, one catalogue per page
    if not path.is_file():
        return lambda caption: caption
    with path.open("rb") as file:
        catalogue = read_po(file)

    def translated(caption: str) -> str:
        message = catalogue.get(caption) if caption else None
        found = message.string if message and not message.fuzzy else ""
        return found if isinstance(found, str) and found else caption  # a plural entry's string is a tuple

    return translated


@dataclass
class _Contents:
    """What a cartridge gathers, chapter by chapter: its files, the course outline, and what went wrong or was left out."""

    files: dict[str, bytes] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    embedded: list[str] = field(default_factory=list)  # quiz ids, in the order the chapters embed them
    quizzes: int = 0
    questions: int = 0
    left_out: list[tuple[str, Question, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def add(self, section_title: str, activity: Activity) -> None:
        if not self.sections or self.sections[-1].title != section_title:
            self.sections.append(Section(section_title))
        self.sections[-1].activities.append(activity)


def build_cartridge(
    module: Module, quizzes: dict[str, Quiz], site: Path, parts: dict[str, str], source: Path, language: str = "en"
) -> Cartridge:
    """The cartridge of `module`, or LocatedError (questions that cannot be written, quizzes not embedded).
    In another language than English, `module`, `quizzes` and `site` are already in it."""
    text = messages(language)
    titles = {quiz_id: text["quiz_title"].format(title=quizzes[quiz_id].title) for quiz_id in module.quizzes}
    contents = _Contents()
    for number, docname in enumerate(module.chapters, 1):
        page = chapter(site, docname, titles, text, language)
        section_title = parts.get(docname) or page.title
        stem = f"pages/{number:02d}-{docname.replace('/', '-')}"
        images = [f"pages/images/{Path(image).name}" for image in page.images]
        contents.files[f"{stem}.html"] = page.html
        contents.files.update({path: (site / image).read_bytes() for path, image in zip(images, page.images)})
        contents.add(
            section_title, Activity(page.title, Resource(f"page-{number:02d}", WEBCONTENT, (f"{stem}.html", *images)))
        )
        for quiz_id in [q for q in page.quizzes if q not in contents.embedded]:
            contents.embedded.append(quiz_id)
            _add_quiz(contents, quizzes[quiz_id], titles[quiz_id], section_title, text, language)
    contents.problems += [
        Problem(source, 1, 1, f"module '{module.id}': quiz '{q}' is not embedded in any of its chapters")
        for q in module.quizzes
        if q not in contents.embedded
    ]
    if contents.problems:
        raise LocatedError(contents.problems)
    identifier = manifest_identifier(module, "", language) + "-cartridge"
    contents.files["imsmanifest.xml"] = render_manifest(
        identifier, module.title, module.description, language, contents.sections
    )
    return Cartridge(
        cartridge_name(module, language),
        zip_bytes(contents.files),
        len(module.chapters),
        contents.quizzes,
        contents.questions,
        tuple(contents.left_out),
    )


def cartridge_name(module: Module, language: str = "en") -> str:
    """<module>.imscc, or <module>-<language>.imscc in another language than English."""
    return (module.id if is_source(language) else f"{module.id}-{language}") + SUFFIX


def _add_quiz(
    contents: _Contents, quiz: Quiz, title: str, section_title: str, text: dict[str, str], language: str
) -> None:
    """The quiz as an assessment after its chapter; a quiz the profile can carry nothing of is left out whole."""
    selection = bank_selection(quiz)
    carried, dropped = assessment.parts(selection)
    contents.left_out += [(quiz.id, question, why) for _, question, why in dropped]
    if not carried:
        return
    path = f"quiz-{quiz.id}/assessment.xml"
    try:
        contents.files[path] = assessment.render(selection, title, text, language)
    except ExportError as error:
        contents.problems += error.problems
    contents.quizzes += 1
    contents.questions += len(carried)
    contents.add(section_title, Activity(title, Resource(f"quiz-{quiz.id}", ASSESSMENT, (path,))))
