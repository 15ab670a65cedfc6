# A one-page book holding a quiz with every question type, for the quiz engine's tests.
project = "Quiz test book"
language = "en"
extensions = ["myst_parser", "sphinx_external_toc", "cpch.sphinxext"]
external_toc_path = "_toc.yml"
html_theme = "cpch-book"
cpch_quiz_dir = "../../banks/good"
nitpicky = True
cpch_quiz_quality = False  # its banks test the engine, not the authoring rules
