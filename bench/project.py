"""A project to benchmark (conf.py, the book's sources, the question banks), copied before it is edited."""

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

QUIZ_DIRECTIVE = re.compile(r"^(`{3,}|:{3,})\{quiz\}\s+([a-z0-9][a-z0-9-]*)", re.M)
PROMPT_LINE = re.compile(r"^(\s*(?:- )?prompt:[ \t]*)(\S.*)$", re.M)


@dataclass(frozen=True)
class Project:
    root: Path  # the folder holding conf.py
    book: Path
    quizzes: Path

    def page(self, name: str) -> Path:
        return self.book / f"{name}.md"

    def bank(self, quiz_id: str) -> Path:
        return self.quizzes / f"{quiz_id}.yml"

    def embedded_quizzes(self, page: str) -> list[str]:
        """The ids of the quizzes a page embeds, in page order."""
        return [match.group(2) for match in QUIZ_DIRECTIVE.finditer(self.page(page).read_text(encoding="utf-8"))]


def copy_project(project: Project, dest: Path) -> Project:
    """Copy conf.py, _static/, the book and the banks to `dest`, keeping their places relative to conf.py."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(project.root / "conf.py", dest / "conf.py")
    if (project.root / "_static").is_dir():
        shutil.copytree(project.root / "_static", dest / "_static")
    copied = []
    for folder in (project.book, project.quizzes):
        target = dest / folder.resolve().relative_to(project.root.resolve())
        shutil.copytree(folder, target, ignore=shutil.ignore_patterns("_build", "__pycache__"))
        copied.append(target)
    return Project(dest, *copied)


def append_sentence(page: Path, serial: int) -> str:
    """Edit a chapter as a writer would: add a sentence at its end. Return the sentence."""
    sentence = f"Benchmark edit number {serial} adds this sentence."
    text = page.read_text(encoding="utf-8")
    page.write_text(f"{text.rstrip()}\n\n{sentence}\n", encoding="utf-8")
    return sentence


def change_prompt(bank: Path, serial: int) -> str:
    """Edit a bank: add words to the first one-line prompt, whatever its quoting. Return the new prompt."""
    text = bank.read_text(encoding="utf-8")
    for match in PROMPT_LINE.finditer(text):
        if match.group(2).startswith(("|", ">")):
            continue
        prompt = f"{yaml.safe_load(match.group(2))} (benchmark edit {serial})"
        start, end = match.span(2)
        bank.write_text(text[:start] + json.dumps(prompt, ensure_ascii=False) + text[end:], encoding="utf-8")
        return prompt
    raise ValueError(f"{bank}: no one-line prompt to edit")
