"""cpch: build a handbook site, quizzes and learning packages from Markdown and YAML."""

__version__ = "0.1.0"
