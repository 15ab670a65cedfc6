"""Interface strings, per language: a folder of <lang>.json catalogues (the quiz's by default)."""

import json
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent / "messages"
DEFAULT = "en"


def languages(folder: Path = FOLDER) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.json"))


@cache
def messages(language: str | None, folder: Path = FOLDER) -> dict[str, str]:
    """The catalogue in `folder` for `language` ("fr", "fr_CA"...), falling back to English."""
    base = (language or DEFAULT).split("_")[0].split("-")[0]
    path = folder / f"{base}.json"
    return json.loads((path if path.exists() else folder / f"{DEFAULT}.json").read_text(encoding="utf-8"))


def plural(message: str | dict, count: int, language: str) -> str:
    """The form of `message` for `count`: a message may be {"one": ..., "other": ...} (CLDR plural
    categories, as the browser's Intl.PluralRules names them); a plain string is used as it is."""
    if isinstance(message, str):
        return message
    from babel import Locale  # Sphinx's own dependency

    return message.get(Locale.parse(language).plural_form(count), message["other"])
