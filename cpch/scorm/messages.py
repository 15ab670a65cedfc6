"""The SCORM module's interface strings, per language (messages/<lang>.json)."""

from pathlib import Path

from cpch.core.messages import Catalogue

FOLDER = Path(__file__).parent / "messages"
messages = Catalogue(FOLDER)
languages = messages.languages
