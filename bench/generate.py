"""Generated projects for the benchmark: a tiny book whose one chapter embeds a bank of n questions.

Every question type is used in turn, so a generated bank costs what a real one of that size costs.
Nothing generated is ever written inside the repository.
"""

from pathlib import Path

import yaml

from bench.project import Project

BANK_ID = "generated"
CHAPTER = "chapter"
SECTION_LABEL = "bench-section"

CONF = """\
# A generated book for the benchmark (bench.generate).
project = "Generated book"
language = "en"
extensions = ["myst_parser", "sphinx_external_toc", "cpch.sphinxext"]
external_toc_path = "_toc.yml"
html_theme = "cpch-book"
cpch_quiz_dir = "quizzes"
nitpicky = True
"""

TOC = f"format: jb-book\nroot: index\nchapters:\n  - file: {CHAPTER}\n"
INDEX = "# Generated book\n\nA book generated to measure the engine. Its one chapter holds a quiz.\n"
CHAPTER_TEXT = f"""\
({SECTION_LABEL})=
# A generated chapter

This chapter holds a paragraph of text and a generated quiz.
Each question links back to this section.

## Quiz

```{{quiz}} {BANK_ID}
```
"""


# Real banks declare objectives and give each scored item a level (the build checks both), so the
# generated bank does too: half its items recall, half apply.
OBJECTIVES = {
    "recall": "After this chapter you can name the facts the text gives.",
    "apply": "After this chapter you can use those facts in a case.",
}


def _aim(n: int) -> dict:
    level = ("recall", "apply")[n % 2]
    return {"level": level, "objective": level}


def _options(n: int, count: int, correct: set[int]) -> list[dict]:
    return [
        {"text": f"Option {letter} of question {n}", "correct": True}
        if i in correct
        else {"text": f"Option {letter} of question {n}", "feedback": f"Option {letter} is not right for question {n}."}
        for i, letter in enumerate("ABCDEFGH"[:count])
    ]


def question(n: int) -> dict:
    """Question number `n` (from 1); its type cycles through all eight."""
    base = {
        "id": f"q{n:05d}",
        "prompt": f"Generated question {n}: which answer does the text give?",
        "source": SECTION_LABEL,
        "explanation": f"The chapter explains the answer to question {n}.",
        "difficulty": ("easy", "medium", "hard")[n % 3],
        "tags": [f"group-{n % 10}"],
        **_aim(n),
    }
    kind = n % 8
    if kind == 0:
        return {**base, "type": "single", "hint": "Read the first paragraph.", "options": _options(n, 4, {n % 4})}
    if kind == 1:
        return {**base, "type": "multiple", "options": _options(n, 4, {0, 2})}
    if kind == 2:
        return {
            **base,
            "type": "true-false",
            "answer": n % 2 == 0,
            "feedback": {"correct": "Right.", "incorrect": f"Look again at question {n}."},
        }
    if kind == 3:
        return {**base, "type": "ordering", "items": [f"Step {i} of question {n}" for i in range(1, 5)]}
    if kind == 4:
        return {
            **base,
            "type": "matching",
            "pairs": [{"left": f"Term {i} of {n}", "right": f"Meaning {i} of {n}"} for i in range(1, 4)],
        }
    if kind == 5:
        return {**base, "type": "short-text", "accept": [f"answer {n}", f"answer-{n}"]}
    if kind == 6:
        return {**base, "type": "numeric", "answer": n, "tolerance": 0.5, "unit": "days"}
    steps = [
        {
            "id": f"q{n:05d}-s1",
            "type": "single",
            "prompt": "What comes first?",
            "source": SECTION_LABEL,
            "options": _options(n, 3, {1}),
            **_aim(n),
        },
        {
            "id": f"q{n:05d}-s2",
            "type": "true-false",
            "prompt": "The second step follows the first.",
            "source": SECTION_LABEL,
            "answer": True,
            **_aim(n + 1),
        },
    ]
    return {
        "id": base["id"],
        "type": "scenario",
        "prompt": f"Case {n}.\nSomething happens in the story.",
        "steps": steps,
    }


def bank(questions: int, bank_id: str = BANK_ID) -> str:
    data = {
        "id": bank_id,
        "title": f"A generated bank of {questions} questions",
        "version": 1,
        "pass_mark": 70,
        "objectives": OBJECTIVES,
        "questions": [question(n) for n in range(1, questions + 1)],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def modules(bank_id: str = BANK_ID) -> str:
    data = {
        "modules": [
            {
                "id": "generated",
                "title": "Generated module",
                "version": 1,
                "pass_mark": 70,
                "chapters": [CHAPTER],
                "quizzes": [bank_id],
            }
        ]
    }
    return yaml.safe_dump(data, sort_keys=False)


def generate_project(dest: Path, questions: int) -> Project:
    """Write a book of two pages (index, chapter) and a bank of `questions` questions under `dest`."""
    project = Project(root=Path(dest), book=Path(dest) / "book", quizzes=Path(dest) / "quizzes")
    project.book.mkdir(parents=True, exist_ok=True)
    project.quizzes.mkdir(parents=True, exist_ok=True)
    (project.root / "conf.py").write_text(CONF)
    (project.book / "_toc.yml").write_text(TOC)
    (project.book / "index.md").write_text(INDEX)
    (project.book / f"{CHAPTER}.md").write_text(CHAPTER_TEXT)
    (project.quizzes / f"{BANK_ID}.yml").write_text(bank(questions), encoding="utf-8")
    (project.quizzes / "modules.yml").write_text(modules())
    return project
