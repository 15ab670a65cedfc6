"""Build one module's cartridge: its chapters as pages, each followed by its quiz, grouped by part of the book."""

from dataclasses import dataclass
from pathlib import Path

from sphinx_external_toc.parsing import parse_toc_yaml

from cpch.cartridge import assessment
from cpch.cartridge.manifest import ASSESSMENT, WEBCONTENT, Activity, Resource, Section, render_manifest
from cpch.cartridge.messages import messages
from cpch.cartridge.pages import chapter
from cpch.core.problems import LocatedError, Problem
from cpch.exports.common import ExportError
from cpch.exports.writer import bank_selection
from cpch.files import zip_bytes
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


def parts_of_book(book: Path) -> dict[str, str]:
    """docname -> caption of the part of the table of contents it belongs to (the root page has none)."""
    site_map = parse_toc_yaml(book / "_toc.yml")
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
                walk(child, subtree.caption or "")
    return parts


def build_cartridge(
    module: Module, quizzes: dict[str, Quiz], site: Path, parts: dict[str, str], source: Path, language: str = "en"
) -> Cartridge:
    """The cartridge of `module`, or LocatedError (questions that cannot be written, quizzes not embedded)."""
    text = messages(language)
    titles = {quiz_id: text["quiz_title"].format(title=quizzes[quiz_id].title) for quiz_id in module.quizzes}
    files: dict[str, bytes] = {}
    sections: list[Section] = []
    embedded: list[str] = []
    problems: list[Problem] = []
    placed = 0
    left_out: list[tuple[str, Question, str]] = []
    questions = 0
    for number, docname in enumerate(module.chapters, 1):
        page = chapter(site, docname, titles, text, language)
        section_title = parts.get(docname) or page.title
        if not sections or sections[-1].title != section_title:
            sections.append(Section(section_title))
        stem = f"pages/{number:02d}-{docname.replace('/', '-')}"
        images = [f"pages/images/{Path(image).name}" for image in page.images]
        files[f"{stem}.html"] = page.html
        files.update({path: (site / image).read_bytes() for path, image in zip(images, page.images)})
        sections[-1].activities.append(
            Activity(page.title, Resource(f"page-{number:02d}", WEBCONTENT, (f"{stem}.html", *images)))
        )
        for quiz_id in page.quizzes:
            if quiz_id in embedded:
                continue
            embedded.append(quiz_id)
            selection = bank_selection(quizzes[quiz_id])
            carried, dropped = assessment.parts(selection)
            left_out += [(quiz_id, question, why) for _, question, why in dropped]
            if not carried:
                continue
            path = f"quiz-{quiz_id}/assessment.xml"
            try:
                files[path] = assessment.render(selection, titles[quiz_id], text)
            except ExportError as error:
                problems += error.problems
            questions += len(carried)
            placed += 1
            sections[-1].activities.append(Activity(titles[quiz_id], Resource(f"quiz-{quiz_id}", ASSESSMENT, (path,))))
    problems += [
        Problem(source, 1, 1, f"module '{module.id}': quiz '{q}' is not embedded in any of its chapters")
        for q in module.quizzes
        if q not in embedded
    ]
    if problems:
        raise LocatedError(problems)
    identifier = manifest_identifier(module, "") + "-cartridge"
    files["imsmanifest.xml"] = render_manifest(identifier, module.title, module.description, language, sections)
    pages = sum(1 for name in files if name.endswith(".html"))
    return Cartridge(module.id + SUFFIX, zip_bytes(files), pages, placed, questions, tuple(left_out))
