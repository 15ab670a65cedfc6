"""The cartridge's own strings (activity titles, the note that replaces an embedded quiz), per language."""

from pathlib import Path

from cpch.core.messages import Catalogue

messages = Catalogue(Path(__file__).parent / "messages")
