"""Module definitions (quizzes/modules.yml), checked against the book's pages and the question banks."""

from dataclasses import dataclass, field
from pathlib import Path

from cpch.core.ids import ID_RULE, is_id
from cpch.core.problems import LocatedError, shown
from cpch.core.yaml_reader import Marked, MarkedReader, read_marked

KEYS = {"id", "title", "version", "pass_mark", "chapters", "quizzes", "description", "completion", "scorm"}
COMPLETIONS = ("quizzes", "report")  # complete once every quiz is checked, or once a report is produced
VERSIONS = ("1.2", "2004")


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    version: int
    pass_mark: int
    chapters: tuple[str, ...]
    quizzes: tuple[str, ...]
    description: str = ""
    completion: str = "quizzes"
    versions: tuple[str, ...] = VERSIONS
    where: dict = field(default_factory=dict, compare=False, hash=False, repr=False)  # {"title": line, ...}

    @property
    def scored(self) -> bool:
        return self.completion == "quizzes"


class _Reader(MarkedReader):
    """Turns modules.yml into Module objects, collecting every problem on the way."""

    def __init__(self, path: Path, pages: set[str] | None, quiz_ids: set[str] | None):
        super().__init__(path)
        self.pages, self.quiz_ids = pages, quiz_ids

    def modules(self, data) -> dict[str, Module]:
        entries = data.get("modules") if isinstance(data, Marked) else None
        if not isinstance(entries, list) or not entries:
            self.problem(
                data.where("modules") if isinstance(data, Marked) else (1, 1), "'modules' must be a non-empty list"
            )
            return {}
        if isinstance(data, Marked):
            self.unknown_keys(data, {"modules"}, "modules.yml")
        modules: dict[str, Module] = {}
        for entry in entries:
            module = self.module(entry, data.where("modules"))
            if module and module.id in modules:
                self.problem(entry.where("id"), f"duplicate module id '{module.id}'")
            if module:
                modules[module.id] = module
        return modules

    def whole(self, data: Marked, key: str, default: int, low: int, high: int, what: str) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.problem(data.where(key), f"'{key}' must be {what}")
            return default
        return value

    def module(self, entry, where) -> Module | None:
        if not isinstance(entry, Marked):
            self.problem(where, "each module must be a mapping")
            return None
        self.unknown_keys(entry, KEYS, "a module")
        module_id = entry.get("id")
        if not is_id(module_id):
            self.problem(entry.where("id"), f"a module needs an 'id' of {ID_RULE}")
        title = entry.get("title")
        if isinstance(title, str) and title.strip():
            title = self.line(entry, "title")
        else:
            self.problem(entry.where("title"), "a module needs a 'title'")
            title = ""
        version = self.whole(entry, "version", 1, 1, 10**9, "a whole number of 1 or more")
        pass_mark = self.whole(entry, "pass_mark", 70, 0, 100, "a percentage from 0 to 100")
        chapters = self.names(entry, "chapters", self.pages, "chapter", "no page of the book has that name")
        quizzes = self.names(entry, "quizzes", self.quiz_ids, "quiz", "no question bank has that id")
        completion = entry.get("completion", "quizzes")
        if completion not in COMPLETIONS:
            self.problem(entry.where("completion"), f"'completion' must be one of: {', '.join(COMPLETIONS)}")
            completion = "quizzes"
        versions = entry.get("scorm", list(VERSIONS))
        if (
            not isinstance(versions, list)
            or not versions
            or any(not isinstance(v, (str, int, float)) or str(v) not in VERSIONS for v in versions)
        ):
            self.problem(
                entry.where("scorm"),
                f"'scorm' must list SCORM versions among: {', '.join(VERSIONS)} (quote them: \"1.2\")",
            )
            versions = list(VERSIONS)
        return Module(
            str(module_id),
            title,
            version,
            pass_mark,
            chapters,
            quizzes,
            self.text(entry, "description", required=False),
            completion,
            tuple(str(v) for v in versions),
            {key: entry.where(key)[0] for key in ("title", "description") if key in entry},
        )

    def names(self, entry: Marked, key: str, known: set[str] | None, what: str, why: str) -> tuple[str, ...]:
        values = entry.get(key, [] if key == "quizzes" else None)
        if (
            not isinstance(values, list)
            or not all(isinstance(v, str) for v in values)
            or (key == "chapters" and not values)
        ):
            self.problem(entry.where(key), f"'{key}' must be a list of names")
            return ()
        for value in values:
            if known is not None and value not in known:
                self.problem(entry.where(key), f"unknown {what} '{shown(value)}': {why}")
        if len(set(values)) != len(values):
            self.problem(entry.where(key), f"'{key}' lists the same {what} twice")
        return tuple(values)


def load_modules(path: Path, pages: set[str] | None, quiz_ids: set[str] | None) -> dict[str, Module]:
    """Read every module; fail with file:line:column for any unknown page or quiz (unless `pages` or
    `quiz_ids` is None: not checked), or bad field."""
    path = Path(path)
    data = read_marked(path)
    reader = _Reader(path, pages, quiz_ids)
    modules = reader.modules(data)
    if reader.problems:
        raise LocatedError(reader.problems)
    return modules
