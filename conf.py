"""Sphinx configuration for the handbook site.

Sources live in book/ (built with `sphinx-build -c . book _build/html`); this file, _static/ and the
engine in cpch/ stay outside the content.
"""

project = "Customs–Police Cooperation Handbook"
author = "cpch contributors"
copyright = "2026, cpch contributors; content restated from the WCO–INTERPOL handbook"
language = "en"

# --- Languages (see book/reference/hosting.md) ----------------------------------------------------
# The languages the site is built in, the sources' own (English) first: `make html` builds each into
# _build/html/<language>/. Every other language is translated by its catalogues in book/locales/
# (`make i18n-update`, `make i18n-stats`) and must be complete: a missing or fuzzy entry fails the build.
cpch_languages = ["en", "fr"]
locale_dirs = ["locales"]  # relative to book/: book/locales/<language>/LC_MESSAGES/<page>.po
exclude_patterns = ["locales"]
gettext_compact = False  # one catalogue per page
figure_language_filename = "{root}.{language}{ext}"  # `name.fr.svg` replaces `name.svg`; alt text is in the catalogue

extensions = [
    "myst_parser",
    "sphinx_external_toc",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "cpch.sphinxext",
]

# The works the book cites (book/references.bib), listed on reference/references.md.
bibtex_bibfiles = ["book/references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

external_toc_path = "_toc.yml"
external_toc_exclude_missing = False

myst_enable_extensions = ["colon_fence", "deflist", "attrs_block"]

# Every warning fails the build (see the Makefile's -W); nitpicky also reports unresolved references.
nitpicky = True

html_theme = "cpch-book"
html_title = "Customs–Police Cooperation Handbook"
html_short_title = "CPCH"
html_static_path = ["_static"]
html_copy_source = False
html_show_sourcelink = False
html_use_index = False
html_domain_indices = False
html_permalinks_icon = "#"
