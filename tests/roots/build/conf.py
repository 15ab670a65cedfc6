# A small book of three pages and a glossary, for the build's own tests (strictness, incremental builds).
project = "Build test book"
language = "en"
extensions = ["myst_parser", "sphinx_external_toc", "cpch.sphinxext"]
external_toc_path = "_toc.yml"
external_toc_exclude_missing = False
html_theme = "cpch-book"
nitpicky = True
