# A small book holding a diagnostic, for the diagnostic engine's tests.
project = "Diagnostic test book"
language = "en"
extensions = ["myst_parser", "sphinx_external_toc", "cpch.sphinxext"]
external_toc_path = "_toc.yml"
html_theme = "cpch-book"
nitpicky = True
