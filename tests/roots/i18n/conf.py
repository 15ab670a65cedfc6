# A one-page French book holding a quiz and a diagnostic, translated by the fixture catalogues in
# tests/i18n/locales, for the translation engine's tests.
project = "Livre de test"
language = "fr"
extensions = ["myst_parser", "sphinx_external_toc", "cpch.sphinxext"]
external_toc_path = "_toc.yml"
html_theme = "cpch-book"
cpch_quiz_dir = "../../banks/good"
cpch_quiz_locales = "../../i18n/locales"
nitpicky = True
cpch_quiz_quality = False  # its banks test the engine, not the authoring rules
