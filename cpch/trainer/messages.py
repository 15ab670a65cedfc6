"""The trainer pack's own words, per language (messages/<lang>.json, English the fallback).

Messages are the project's own text, so they may hold HTML; `Markup.format` escapes what fills
their {placeholders}."""

from pathlib import Path

from markupsafe import Markup

from cpch.core.messages import Catalogue

FOLDER = Path(__file__).parent / "messages"
_catalogue = Catalogue(FOLDER)


def messages(language: str | None) -> dict[str, Markup]:
    return {key: Markup(text) for key, text in _catalogue(language).items()}
