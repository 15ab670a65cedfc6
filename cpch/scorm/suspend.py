"""The longest suspend data a module can need, so that SCORM 1.2's 4096 characters are checked when
the package is built, and a form's free text is sized to fit. This is the one description of the
format's size; the format itself is the module runtime's `encodeState` (cpch-module.js):

    {"v":2,"h":"<question set>","t":"<time>","p":<page>,"s":"<seen pages>","c":"<checked quizzes>",
     "r":"<results>","a":[<one compact string or null per question>]}

and, in a module with a form, `,"f":{"a":{<item>:<answer>},"n":{<item>:<notes>},"m":[<item>]},"d":<0|1>`.
The node tests (tests/js/module-core.test.js) hold the runtime's worst case to this bound.
"""

from dataclasses import dataclass

from cpch.quiz.html import TEXT_LIMITS

SUSPEND_LIMITS = {"1.2": 4096, "2004": 64000}
SCORM12_SUSPEND_LIMIT = SUSPEND_LIMITS["1.2"]
FRAME = '{"v":2,"h":"","t":"","p":,"s":"","c":"","r":"","a":[]}'
FORM_FRAME = ',"f":{"a":{},"n":{},"m":[]},"d":1'
TIME = 7  # seconds since 1970 in base 36, until the year 2100


@dataclass(frozen=True)
class ScoredQuestion:
    key: str  # "<quiz>.<question>", the interaction id
    type: str
    choices: int  # options, items or pairs; 0 for text answers
    quiz_version: int = 1

    @property
    def quiz(self) -> str:
        return self.key.split(".", 1)[0]

    def longest(self) -> int:
        """Characters of the longest answer as the runtime encodes it, before JSON quoting."""
        if self.type in TEXT_LIMITS:
            return TEXT_LIMITS[self.type]
        if self.type in ("single", "true-false"):
            return 1
        return self.choices


@dataclass(frozen=True)
class FormField:
    item: str
    kind: str  # "choice" (a value), "mark" (a checkbox) or "text" (free text of the form's limit)
    longest: int = 0  # the longest value of a choice


def longest_answer(question: ScoredQuestion) -> int:
    """Characters of the longest JSON entry for one answer, with its comma."""
    if question.type in TEXT_LIMITS:
        return 2 * question.longest() + 3  # every character could need a backslash
    return max(question.longest() + 3, len("null,"))


def longest_form(fields: list[FormField], text_limit: int) -> int:
    """Characters of a form's part of the suspend data, each text `text_limit` long."""
    size = len(FORM_FRAME)
    for field in fields:
        if field.kind == "choice":
            size += len(field.item) + field.longest + 6  # "item":"value",
        elif field.kind == "mark":
            size += len(field.item) + 3  # "item",
        else:
            size += len(field.item) + 6 + 2 * text_limit  # "item":"text", every character escaped
    return size


def longest_suspend_data(
    questions: list[ScoredQuestion],
    pages: int,
    quizzes: int,
    identity: str = "",
    form: list[FormField] | None = None,
    text_limit: int = 0,
) -> int:
    size = len(FRAME) + len(identity) + TIME + len(str(max(pages - 1, 0))) + pages + quizzes + len(questions)
    size += sum(longest_answer(q) for q in questions)
    return size + (longest_form(form, text_limit) if form else 0)
