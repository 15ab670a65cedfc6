"""Check a source's catalogue against the source: complete, up to date, and safe to apply.

A problem is reported at the catalogue's line (or the source's, when the entry is missing), so
`cpch i18n check` and a build that publishes the language say exactly which entry to fix.
"""

import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from cpch.core.problems import Problem
from cpch.core.yaml_reader import character_problem
from cpch.i18n.catalogues import FUZZY, Entry

# What a translation must carry over unchanged: link targets, code spans, MyST roles with their
# targets, and placeholders such as {count} or %s. The words around them are the translator's.
KEPT = {
    "link target": re.compile(r"\]\(([^)\s]*)"),
    "code span": re.compile(r"(`+)(.+?)\1"),
    "role": re.compile(r"(\{[a-z:-]+\})`[^`]*`"),
    "placeholder": re.compile(r"(?<![{\w])\{\w*\}(?!`)|%(?:\([^)]*\))?[sdfr]"),
}
EMPHASIS = re.compile(r"\*\*|__|(?<![*\w])\*(?=\S)|(?<=\S)\*(?![*\w])")


def kept(text: str, what: str) -> list[str]:
    return sorted(m.group(0) if what != "link target" else m.group(1) for m in KEPT[what].finditer(text))


def markup_problems(english: str, french: str) -> list[str]:
    problems = []
    for what in KEPT:
        want, got = kept(english, what), kept(french, what)
        if want != got:
            missing = [x for x in want if x not in got] or ["…"]
            extra = [x for x in got if x not in want]
            detail = f"keep {', '.join(missing)}" + (f"; remove {', '.join(extra)}" if extra else "")
            problems.append(f"the translation must keep each {what} of the English ({detail})")
    if len(EMPHASIS.findall(english)) != len(EMPHASIS.findall(french)):
        problems.append("the translation must keep the English's **bold** and *emphasis* marks")
    return problems


def translation_problems(entry: Entry, french: str) -> list[str]:
    """What is wrong with `french` as the translation of `entry`, whatever the catalogue says."""
    problems = [problem for problem in [character_problem(french)] if problem]
    if not french.strip():
        problems.append("the translation is empty")
    if entry.lines:
        answers = [a.strip() for a in french.split("\n")]
        if any(not a for a in answers):
            problems.append("write one accepted answer per line, with no empty line")
        if len(set(answers)) != len(answers):
            problems.append("an accepted answer is listed twice")
        return problems
    if (entry.one_line or "\n" not in entry.text) and "\n" in french.strip():
        problems.append("the English fits on one line: so must the translation")
    return problems + markup_problems(entry.text, french)


def check_catalogue(
    entries: list[Entry], groups: list[tuple[tuple[str, ...], str]], catalogue: Catalog, path: Path, source: Path
) -> list[Problem]:
    """Every problem of `catalogue` (read from `path`) as the translation of `source`'s `entries`."""
    problems: list[Problem] = []
    by_context: dict[str, Message] = {}
    for message in catalogue:
        if not message.id:
            continue
        if message.context in by_context or not message.context:
            problems.append(Problem(path, message.lineno or 1, 1, f"entry '{message.context}' is not a known text"))
        by_context[message.context or ""] = message
    known = {e.context for e in entries}
    for context, message in by_context.items():
        if context not in known:
            problems.append(
                Problem(path, message.lineno or 1, 1, f"'{context}' is not a text of {source}: run `cpch i18n extract`")
            )
    if (catalogue.locale_identifier or "") == "":
        problems.append(Problem(path, 1, 1, "the header has no 'Language'"))
    for entry in entries:
        message = by_context.get(entry.context)
        if message is None:
            problems.append(
                Problem(source, entry.line, 1, f"'{entry.context}' has no entry in {path}: run `cpch i18n extract`")
            )
            continue
        line = message.lineno or 1
        if message.id != entry.text:
            problems.append(
                Problem(path, line, 1, f"'{entry.context}': the English has changed: run `cpch i18n extract`")
            )
        elif not message.string:
            problems.append(Problem(path, line, 1, f"'{entry.context}' is not translated"))
        elif FUZZY in message.flags:
            problems.append(
                Problem(path, line, 1, f"'{entry.context}' is fuzzy: check the translation, then remove the fuzzy flag")
            )
        else:
            problems.extend(
                Problem(path, line, 1, f"'{entry.context}': {p}") for p in translation_problems(entry, message.string)
            )
    problems.extend(_duplicates(groups, by_context, path))
    return problems


def _duplicates(groups, by_context: dict[str, Message], path: Path) -> list[Problem]:
    """Options, items and pairs must stay different from each other once translated."""
    problems = []
    for contexts, what in groups:
        seen: dict[str, str] = {}
        for context in contexts:
            message = by_context.get(context)
            if message is None or not message.string:
                continue
            text = message.string.strip()
            if text in seen:
                problems.append(
                    Problem(
                        path,
                        message.lineno or 1,
                        1,
                        f"'{context}' is translated like '{seen[text]}': two {what} cannot read the same",
                    )
                )
            seen.setdefault(text, context)
    return problems
