"""Sphinx extension: the book theme, page metadata and embedded quizzes.

Hooks are registered in the order Sphinx emits the events they use.
"""

from pathlib import Path

from sphinx.application import Sphinx

from cpch import __version__
from cpch.sphinxext.assets import add_search_scripts, defer_scripts, drop_unused_assets
from cpch.sphinxext.completeness import CatalogueCompleteness
from cpch.sphinxext.diagnostic import DiagnosticDirective, add_diagnostic_assets, render_diagnostics
from cpch.sphinxext.languages import add_language_links, apostrophes, setup_languages
from cpch.sphinxext.metadata import add_description
from cpch.sphinxext.myst_speed import speed_up_myst
from cpch.sphinxext.objectives import ObjectivesDirective
from cpch.sphinxext.offline import add_page_script, write_worker
from cpch.sphinxext.quiz import QuizDirective, add_quiz_assets, add_static_path, quiz_node, render_quizzes
from cpch.sphinxext.search import improve_search_index, translations_without_eval, use_scorer
from cpch.sphinxext.tables import label_page_tables
from cpch.sphinxext.toctree_captions import TranslateInsertedToctrees

THEME_DIR = Path(__file__).resolve().parent.parent / "theme" / "cpch-book"


def declare_parallel_safe(app: Sphinx, name: str) -> None:
    """Mark an extension we depend on as safe for parallel reading.

    sphinx-external-toc loads sphinx_multitoc_numbering, which keeps no per-document state (it
    replaces the section-numbering step at builder-inited) but does not say so, and Sphinx then
    falls back to a serial read with a warning, which -W turns into a failure.
    """
    extension = app.extensions.get(name)
    if extension is not None:
        extension.parallel_read_safe = True


def setup(app: Sphinx) -> dict:
    declare_parallel_safe(app, "sphinx_multitoc_numbering")
    speed_up_myst()
    app.add_html_theme("cpch-book", str(THEME_DIR))
    app.add_config_value("cpch_quiz_dir", "quizzes", "env")
    app.add_config_value("cpch_quiz_locales", "", "env")  # the banks' catalogues; "" for <cpch_quiz_dir>/locales
    # The language the banks are written in; "" for the site's first language (cpch_languages), else English.
    app.add_config_value("cpch_quiz_language", "", "env")
    # True only to preview a language still being translated: a bank (or the diagnostic) whose translation
    # is missing or incomplete is then shown in English instead of failing the build.
    app.add_config_value("cpch_quiz_draft_translations", False, "env")
    app.add_config_value("cpch_quiz_quality", True, "env")  # apply cpch.quiz.quality's rules to embedded banks
    # The site's languages, the sources' own first; each other one must have complete catalogues.
    app.add_config_value("cpch_languages", [], "html", types=[list])
    app.connect("config-inited", setup_languages)
    app.add_transform(CatalogueCompleteness)
    app.add_transform(TranslateInsertedToctrees)
    app.add_node(quiz_node)
    app.add_directive("quiz", QuizDirective)
    app.add_directive("objectives", ObjectivesDirective)
    app.add_directive("diagnostic", DiagnosticDirective)
    app.connect("builder-inited", add_static_path)
    app.connect("builder-inited", apostrophes)
    app.connect("builder-inited", use_scorer)
    app.connect("builder-inited", add_page_script)
    app.connect("doctree-resolved", render_quizzes)
    app.connect("doctree-resolved", render_diagnostics)
    app.connect("html-page-context", add_description)
    app.connect("html-page-context", add_language_links)
    app.connect("html-page-context", add_quiz_assets)
    app.connect("html-page-context", add_diagnostic_assets)
    app.connect("html-page-context", label_page_tables)
    app.connect("html-page-context", add_search_scripts)
    app.connect("html-page-context", drop_unused_assets)
    app.connect("html-page-context", defer_scripts)
    app.connect("build-finished", improve_search_index)
    app.connect("build-finished", translations_without_eval)
    app.connect("build-finished", write_worker)  # last: it lists every file, the search index included
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
