"""The quiz's interface strings, per language (messages/<lang>.json)."""

from pathlib import Path

from cpch.core.messages import Catalogue

FOLDER = Path(__file__).parent / "messages"
messages = Catalogue(FOLDER)
languages = messages.languages


def plural(message: str | dict, count: int, language: str) -> str:
    """The form of `message` for `count`: a message may be {"one": ..., "other": ...} (CLDR plural
    categories, as the browser's Intl.PluralRules names them); a plain string is used as it is."""
    if isinstance(message, str):
        return message
    from babel import Locale  # Sphinx's own dependency

    return message.get(Locale.parse(language).plural_form(count), message["other"])
