"""The translatable sources (question banks, the diagnostic, the modules) and their catalogues.

Every source has one gettext catalogue per language, named after the source file:
`<locales>/<language>/LC_MESSAGES/<file name without .yml>.po`, so a bank's catalogue carries its id.
"""

from dataclasses import dataclass
from pathlib import Path

from cpch.diagnostic.loader import load_diagnostic
from cpch.i18n import fields
from cpch.quiz.banks import bank_files
from cpch.quiz.loader import load_quiz
from cpch.scorm.modules import load_modules

MODULES = "modules.yml"


@dataclass(frozen=True)
class Source:
    path: Path
    kind: str  # "bank", "diagnostic" or "modules"

    @property
    def name(self) -> str:
        return self.path.stem

    def catalogue(self, locales: Path, language: str) -> Path:
        return catalogue_path(locales, language, self.name)

    def load(self):
        """The English object, read and checked (section labels and pages are the build's business)."""
        if self.kind == "bank":
            return load_quiz(self.path)
        if self.kind == "diagnostic":
            return load_diagnostic(self.path)
        return load_modules(self.path, None, None)

    def walk(self, value, texts: fields.Texts):
        """`value` (what load() gave) with the texts that `texts` gives back."""
        return {"bank": fields.quiz, "diagnostic": fields.diagnostic, "modules": fields.modules}[self.kind](
            value, texts
        )


def catalogue_path(locales: Path, language: str, name: str) -> Path:
    return Path(locales) / language / "LC_MESSAGES" / f"{name}.po"


def all_sources(quizzes: Path, diagnostic: Path | None) -> list[Source]:
    found = [Source(path, "bank") for path in bank_files(quizzes)]
    if diagnostic is not None and Path(diagnostic).is_file():
        found.append(Source(Path(diagnostic), "diagnostic"))
    if (Path(quizzes) / MODULES).is_file():
        found.append(Source(Path(quizzes) / MODULES, "modules"))
    return found


def chosen(sources: list[Source], names: list[str]) -> tuple[list[Source], list[str]]:
    """The sources named (by catalogue name, such as `partnership-levels`, `diagnostic`, `modules`,
    or by file path), and the names that match none."""
    if not names:
        return sources, []
    by_name = {s.name: s for s in sources} | {s.path.as_posix(): s for s in sources}
    unknown = [n for n in names if Path(n).as_posix() not in by_name and Path(n).stem not in by_name]
    picked = [by_name.get(Path(n).as_posix()) or by_name[Path(n).stem] for n in names if n not in unknown]
    return list(dict.fromkeys(picked)), unknown
