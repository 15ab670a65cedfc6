"""Module definitions (quizzes/modules.yml), checked against the book's pages and the question banks."""

import re
from dataclasses import dataclass
from pathlib import Path

from cpch.quiz.errors import Problem, QuizError
from cpch.quiz.yaml_marks import Marked, read_marked

ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
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

    @property
    def scored(self) -> bool:
        return self.completion == "quizzes"


def load_modules(path: Path, pages: set[str], quiz_ids: set[str]) -> dict[str, Module]:
    """Read every module; fail with file:line:column for any unknown page or quiz, or bad field."""
    path = Path(path)
    data = read_marked(path)
    problems: list[Problem] = []
    entries = data.get("modules") if isinstance(data, Marked) else None
    if not isinstance(entries, list) or not entries:
        raise QuizError([Problem(path, 1, 1, "'modules' must be a non-empty list")])
    modules = {}
    for entry in entries:
        module = _module(entry, path, pages, quiz_ids, problems)
        if module and module.id in modules:
            line, column = entry.where("id")
            problems.append(Problem(path, line, column, f"duplicate module id '{module.id}'"))
        if module:
            modules[module.id] = module
    if problems:
        raise QuizError(problems)
    return modules


def _module(entry, path: Path, pages: set[str], quiz_ids: set[str], problems: list[Problem]) -> Module | None:
    def problem(key, message):
        line, column = entry.where(key)
        problems.append(Problem(path, line, column, message))

    if not isinstance(entry, Marked):
        problems.append(Problem(path, 1, 1, "each module must be a mapping"))
        return None
    for key in entry:
        if key not in KEYS:
            problem(key, f"unknown key '{key}' in a module (allowed: {', '.join(sorted(KEYS))})")
    module_id, title = entry.get("id"), entry.get("title")
    if not isinstance(module_id, str) or not ID.match(module_id):
        problem("id", "a module needs an 'id' of lower-case letters, digits and hyphens")
    if not isinstance(title, str) or not title.strip():
        problem("title", "a module needs a 'title'")
    version, pass_mark = entry.get("version", 1), entry.get("pass_mark", 70)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problem("version", "'version' must be a whole number of 1 or more")
    if not isinstance(pass_mark, int) or isinstance(pass_mark, bool) or not 0 <= pass_mark <= 100:
        problem("pass_mark", "'pass_mark' must be a percentage from 0 to 100")
    chapters = _names(entry, "chapters", pages, "chapter", "no page of the book has that name", problem)
    quizzes = _names(entry, "quizzes", quiz_ids, "quiz", "no question bank has that id", problem)
    completion = entry.get("completion", "quizzes")
    if completion not in COMPLETIONS:
        problem("completion", f"'completion' must be one of: {', '.join(COMPLETIONS)}")
    versions = entry.get("scorm", list(VERSIONS))
    if not isinstance(versions, list) or not versions or any(str(v) not in VERSIONS for v in versions):
        problem("scorm", f"'scorm' must list SCORM versions among: {', '.join(VERSIONS)} (quote them: \"1.2\")")
        versions = list(VERSIONS)
    return Module(str(module_id), str(title or "").strip(), version if isinstance(version, int) else 1,
                  pass_mark if isinstance(pass_mark, int) else 70, chapters, quizzes,
                  str(entry.get("description", "") or ""), str(completion), tuple(str(v) for v in versions))


def _names(entry: Marked, key: str, known: set[str], what: str, why: str, problem) -> tuple[str, ...]:
    values = entry.get(key, [] if key == "quizzes" else None)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values) or (key == "chapters" and not values):
        problem(key, f"'{key}' must be a list of names")
        return ()
    for value in values:
        if value not in known:
            problem(key, f"unknown {what} '{value}': {why}")
    if len(set(values)) != len(values):
        problem(key, f"'{key}' lists the same {what} twice")
    return tuple(values)
