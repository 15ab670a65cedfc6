"""What `cpch assign` picked: a list for the terminal, and selection.json to rebuild or review it."""

import json
import shlex

from cpch.quiz.model import Question, Quiz

PROMPT_START = 60  # characters of each prompt shown in the list
SCENARIOS = (
    "A scenario counts as one question for --count, and scores one item per step "
    "(in the SCORM module and in the question banks alike); the pass mark applies to the items."
)


def prompt_start(question: Question, length: int = PROMPT_START) -> str:
    text = " ".join(question.prompt.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def items(picked: list[tuple[Quiz, Question]]) -> int:
    return sum(len(question.scored_parts) for _, question in picked)


def command_line(args) -> list[str]:
    """The options that decide the selection, as a `cpch assign` command line (no machine's paths)."""
    words = ["cpch", "assign", "--title", args.title]
    words += ["--id", args.id] if args.id else []
    words += [part for quiz in args.quiz for part in ("--quiz", quiz)]
    words += [part for tag in args.tag for part in ("--tag", tag)]
    words += ["--count", str(args.count)] if args.count is not None else []
    words += ["--seed", str(args.seed), "--pass-mark", str(args.pass_mark), "--language", args.language]
    return words + (["--shuffle"] if args.shuffle else [])


def summary(assignment_id: str, args, picked: list[tuple[Quiz, Question]]) -> str:
    """The picked questions, one a line: number, bank/id, type, start of the prompt, items it scores."""
    width = max(len(f"{quiz.id}/{question.id}") for quiz, question in picked)
    lines = [f"'{args.title}' ({assignment_id}): {len(picked)} question(s), {items(picked)} scored item(s)"]
    for n, (quiz, question) in enumerate(picked, 1):
        scored = len(question.scored_parts)
        name = f"{quiz.id}/{question.id}"
        lines.append(
            f"{n:>3}. {name:<{width}}  {question.type:<11} {scored} item{'s' if scored > 1 else ' '}  "
            f"{prompt_start(question)}"
        )
    if any(question.type == "scenario" for _, question in picked):
        lines.append(SCENARIOS)
    lines.append(f"Pass mark: {args.pass_mark}% of {items(picked)} item(s).")
    return "\n".join(lines)


def selection_json(assignment_id: str, args, picked: list[tuple[Quiz, Question]]) -> bytes:
    """The selection as JSON: the options, the command that rebuilds it, and each question with its
    bank's version (a new version of a bank may make the same command pick other questions)."""
    record = {
        "id": assignment_id,
        "title": args.title,
        "pass_mark": args.pass_mark,
        "options": {
            "quiz": args.quiz,
            "tag": args.tag,
            "count": args.count,
            "seed": args.seed,
            "shuffle": args.shuffle,
            "language": args.language,
        },
        "command": shlex.join(command_line(args)),
        "scored_items": items(picked),
        "scenarios": SCENARIOS,
        "questions": [
            {
                "bank": quiz.id,
                "bank_version": quiz.version,
                "id": question.id,
                "type": question.type,
                "prompt": question.prompt,
                "items": len(question.scored_parts),
            }
            for quiz, question in picked
        ],
    }
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
