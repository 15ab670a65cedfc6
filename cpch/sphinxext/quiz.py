"""The `quiz` directive: embeds a question bank, or part of one, as HTML built at build time.

The directive only records what to embed; the HTML is made after references are resolved,
because each question links to the book section named by its `source`.
"""

from collections.abc import Callable
from functools import cache
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cpch.core.problems import LocatedError
from cpch.i18n.localized import SOURCE_LANGUAGE, catalogue_file, is_source, load_quiz_in
from cpch.quiz.html import Settings, render_quiz
from cpch.quiz.messages import messages
from cpch.quiz.quality import check_quality
from cpch.sphinxext.links import section_links

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
RAW_CLASS = "cpch-quiz"


class quiz_node(nodes.General, nodes.Element):
    """Placeholder for a quiz until its sources can be resolved."""


def percentage(argument: str) -> int:
    value = directives.nonnegative_int(argument)
    if value > 100:
        raise ValueError("must be a percentage from 0 to 100")
    return value


@cache
def _load(path: str, mtime: float, language: str | None, locales: str, catalogue_mtime: float, draft: bool):
    return load_quiz_in(Path(path), language, Path(locales), draft=draft)


def bank_locales(app: Sphinx) -> Path:
    """Where the banks' (and the diagnostic's) catalogues are: `cpch_quiz_locales`, by default the
    banks' folder's `locales`."""
    return Path(app.confdir, app.config.cpch_quiz_locales or Path(app.config.cpch_quiz_dir, "locales")).resolve()


def banks_language(app: Sphinx) -> str:
    """The language the banks are written in: `cpch_quiz_language`, else the site's first language
    (`cpch_languages`, when the site declares its languages), else English."""
    declared = getattr(app.config, "cpch_languages", None) if "cpch_languages" in app.config else None
    return app.config.cpch_quiz_language or (declared[0] if declared else SOURCE_LANGUAGE)


def target_language(app: Sphinx) -> str | None:
    """The language to translate the banks into; None when the build is in the banks' own language."""
    language = app.config.language
    return None if is_source(language, banks_language(app)) else language


def translation_of(app: Sphinx, path: Path) -> Path | None:
    """The catalogue that translates `path` into the build's language; None in the banks' own language."""
    language = target_language(app)
    return None if language is None else catalogue_file(bank_locales(app), language, path.stem)


def load_in_language(path: Path, app: Sphinx, load: Callable):
    """`load`'s reading of `path` in the build's language; `load` is cached on its arguments, which
    include the file's and its catalogue's times, so an edit to either is read again."""
    catalogue = translation_of(app, path)
    catalogue_mtime = catalogue.stat().st_mtime if catalogue and catalogue.is_file() else 0.0
    return load(
        str(path),
        path.stat().st_mtime,
        target_language(app),
        str(bank_locales(app)),
        catalogue_mtime,
        app.config.cpch_quiz_draft_translations,
    )


def load_bank(path: Path, app: Sphinx):
    """The bank at `path` in the build's language (LocatedError when its translation is incomplete)."""
    return load_in_language(path, app, _load)


def bank_path(app: Sphinx, quiz_id: str) -> Path:
    return Path(app.confdir, app.config.cpch_quiz_dir, f"{quiz_id}.yml").resolve()


def read_bank(directive: SphinxDirective, what: str):
    """The bank `directive` names, made a dependency of its page; None, after located warnings, when
    it cannot be read. `what` names the directive in the warning."""
    path = bank_path(directive.env.app, directive.arguments[0])
    if not path.is_file():
        logger.warning(
            f"{what} '{directive.arguments[0]}': no question bank at {path}", location=directive.get_location()
        )
        return None
    directive.env.note_dependency(str(path))
    catalogue = translation_of(directive.env.app, path)
    if catalogue is not None:
        directive.env.note_dependency(str(catalogue))
    try:
        return load_bank(path, directive.env.app)
    except LocatedError as error:
        for problem in error.problems:
            logger.warning(str(problem), location=directive.get_location())
        return None


class QuizDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {
        "tags": directives.unchanged,
        "count": directives.positive_int,
        "shuffle": directives.flag,
        "pass-mark": percentage,
    }

    def run(self) -> list[nodes.Node]:
        quiz = read_bank(self, "quiz")
        if quiz is None:
            return []
        if self.config.cpch_quiz_quality:
            for problem in check_quality(quiz):
                logger.warning(str(problem), location=self.get_location())
        tags = tuple(t.strip() for t in self.options.get("tags", "").split(",") if t.strip())
        if not quiz.select(tags, self.options.get("count")):
            logger.warning(
                f"quiz '{quiz.id}': no question has the tags {', '.join(tags)}", location=self.get_location()
            )
            return []
        node = quiz_node(
            path=quiz.path,
            tags=tags,
            count=self.options.get("count"),
            shuffle="shuffle" in self.options,
            pass_mark=self.options.get("pass-mark", quiz.pass_mark),
        )
        self.set_source_info(node)
        return [node]


def render_quizzes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for serial, node in enumerate(list(doctree.findall(quiz_node)), 1):
        quiz = load_bank(Path(node["path"]), app)
        questions = quiz.select(node["tags"], node["count"])
        if app.builder.format != "html":
            node.replace_self(nodes.paragraph(text=f"{quiz.title}: {len(questions)} questions."))
            continue
        settings = Settings(
            dom_id=f"quiz-{quiz.id}-{serial}",
            pass_mark=node["pass_mark"],
            shuffle=node["shuffle"],
            messages=messages(app.config.language),
            sources=section_links(
                app, docname, node, [(p.source, p.line) for q in questions for p in q.scored_parts], quiz.path, "source"
            ),
        )
        node.replace_self(nodes.raw("", render_quiz(quiz, questions, settings), format="html", classes=[RAW_CLASS]))


SHARED_SCRIPT = "cpch-shared.js"
RUNTIMES = ("cpch-quiz.js", "cpch-diagnostic.js")


def add_static_path(app: Sphinx) -> None:
    """The runtimes' files, each script with the shared one in front of it: one request per page,
    and one block around both, so the shared code is not a global."""
    out = Path(app.doctreedir) / "cpch-static"
    out.mkdir(parents=True, exist_ok=True)
    shared = (STATIC / SHARED_SCRIPT).read_text(encoding="utf-8")
    for source in STATIC.iterdir():
        if source.name in (SHARED_SCRIPT, "cpch-search-scorer.js"):  # built into other files
            continue
        text = source.read_text(encoding="utf-8")
        if source.name in RUNTIMES:
            text = f"{{\n{shared}\n{text}}}\n"
        target = out / source.name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    app.config.html_static_path.append(str(out))


def add_quiz_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if doctree is not None and any(RAW_CLASS in n["classes"] for n in doctree.findall(nodes.raw)):
        app.add_css_file("cpch-quiz.css")
        app.add_js_file("cpch-quiz.js", defer="defer")
