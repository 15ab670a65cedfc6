# A tiny book written in Arabic, a right-to-left language, for the site's right-to-left tests.
project = "كتاب تجريبي"
html_title = "كتاب تجريبي"
html_short_title = "كتاب"
language = "ar"
cpch_languages = ["ar"]
extensions = ["myst_parser", "sphinx_external_toc", "cpch.sphinxext"]
external_toc_path = "_toc.yml"
html_theme = "cpch-book"
cpch_quiz_dir = "quizzes"
cpch_quiz_quality = False  # a two-question bank for the layout, not a lesson
nitpicky = True
