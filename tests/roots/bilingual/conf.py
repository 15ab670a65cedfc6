# A small book in English with complete French catalogues, for the bilingual site's tests.
project = "Bilingual test book"
html_title = "Bilingual test book"
html_short_title = "BTB"
language = "en"
cpch_languages = ["en", "fr"]
locale_dirs = ["locales"]
gettext_compact = False
exclude_patterns = ["locales"]
extensions = ["myst_parser", "sphinx_external_toc", "cpch.sphinxext"]
external_toc_path = "_toc.yml"
html_theme = "cpch-book"
nitpicky = True
myst_enable_extensions = ["colon_fence"]
