"""Interface strings per language: a folder of <lang>.json catalogues, English the fallback."""

import json
import re
from functools import cache
from pathlib import Path

DEFAULT = "en"
LANGUAGE = re.compile(r"[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*")  # en, fr, fr_CA, zh-Hant-TW


class Catalogue:
    """The message catalogues in one folder. `catalogue("fr_CA")` is the French one."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def languages(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.json"))

    def __call__(self, language: str | None) -> dict[str, str]:
        """The catalogue for `language` ("fr", "fr_CA", "fr-CA"...), falling back to English."""
        base = (language or DEFAULT).split("_")[0].split("-")[0]
        if not LANGUAGE.fullmatch(base):
            base = DEFAULT
        path = self.folder / f"{base}.json"
        return _read(path if path.exists() else self.folder / f"{DEFAULT}.json")


@cache
def _read(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8"))
