"""Interface strings of the diagnostic, per language (messages/<lang>.json)."""

import json
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent / "messages"
DEFAULT = "en"


def languages() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.json"))


@cache
def messages(language: str | None) -> dict[str, str]:
    """The catalogue for `language` ("fr", "fr_CA"...), falling back to English."""
    base = (language or DEFAULT).split("_")[0].split("-")[0]
    path = FOLDER / f"{base}.json"
    return json.loads((path if path.exists() else FOLDER / f"{DEFAULT}.json").read_text(encoding="utf-8"))
