"""Read a question bank and check it, reporting every problem as file:line:column."""

import math
from pathlib import Path

from cpch.core.ids import ID_RULE, is_id
from cpch.core.problems import LocatedError, shown
from cpch.core.yaml_reader import Marked, MarkedReader, read_marked
from cpch.quiz.model import DIFFICULTIES, LEVELS, TYPES, Objective, Option, Question, Quiz

QUIZ_KEYS = {"id", "title", "version", "pass_mark", "description", "objectives", "questions"}
COMMON_KEYS = {"id", "type", "prompt", "source", "explanation", "hint", "difficulty", "tags", "feedback"}
SCORED_KEYS = {"level", "objective"}  # on every question that earns a point (not on a scenario itself)
TYPE_KEYS = {
    "single": {"options"},
    "multiple": {"options"},
    "true-false": {"answer"},
    "ordering": {"items"},
    "matching": {"pairs"},
    "short-text": {"accept"},
    "numeric": {"answer", "tolerance", "unit"},
    "scenario": {"steps"},
}
OPTION_KEYS = {"text", "correct", "feedback"}
# Moodle keeps tags of at most 50 characters without < > ` and GIFT writes them as [tag:...] on a comment line.
TAG_LENGTH = 50
TAG_FORBIDDEN = "[]<>`"


class QuizError(LocatedError):
    """One or more problems in question banks; str() lists them one per line."""


class _Reader(MarkedReader):
    """Turns one file's YAML into model objects, collecting every problem on the way."""

    def texts(self, data: Marked, key: str, minimum: int, one_line: bool = False) -> tuple[str, ...]:
        values = data.get(key)
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            self.problem(data.where(key), f"'{key}' must be a list of texts")
            return ()
        if one_line and any("\n" in v.strip() or "\r" in v for v in values):
            self.problem(data.where(key), f"each of the '{key}' must fit on one line")
            return ()
        if len(values) < minimum:
            self.problem(data.where(key), f"'{key}' needs at least {minimum} entries, found {len(values)}")
        if len(set(values)) != len(values):
            self.problem(data.where(key), f"'{key}' lists the same entry twice")
        return tuple(v.strip() for v in values)

    def quiz(self, data) -> Quiz | None:
        if not isinstance(data, Marked):
            self.problem((1, 1), "a question bank must be a mapping with id, title, version and questions")
            return None
        self.unknown_keys(data, QUIZ_KEYS, "the quiz")
        quiz_id = self.identifier(data, "the quiz")
        if quiz_id and quiz_id != Path(self.path).stem:
            self.problem(
                data.where("id"),
                f"the quiz id '{quiz_id}' must be the file's name: rename the file "
                f"{quiz_id}.yml or change the id to '{Path(self.path).stem}'",
            )
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problem(data.where("version"), "'version' must be a whole number of 1 or more")
        pass_mark = data.get("pass_mark", 70)
        if not isinstance(pass_mark, int) or isinstance(pass_mark, bool) or not 0 <= pass_mark <= 100:
            self.problem(data.where("pass_mark"), "'pass_mark' must be a percentage from 0 to 100")
        questions = self.questions(data)
        return Quiz(
            id=quiz_id,
            title=self.line(data, "title"),
            version=version if isinstance(version, int) else 1,
            questions=questions,
            pass_mark=pass_mark if isinstance(pass_mark, int) else 70,
            description=self.text(data, "description", required=False),
            path=str(self.path),
            objectives=self.objectives(data),
            where=dict(data.positions),
        )

    def objectives(self, data: Marked) -> tuple[Objective, ...]:
        entries = data.get("objectives")
        if entries is None:
            return ()
        if not isinstance(entries, Marked) or not entries:
            self.problem(data.where("objectives"), "'objectives' must map objective ids to texts")
            return ()
        found = []
        for key in entries:
            if not is_id(key):
                self.problem(entries.where(key), f"objective id '{shown(key)}' must be {ID_RULE}")
                continue
            found.append(Objective(key, self.text(entries, key), entries.where(key)))
        return tuple(found)

    def identifier(self, data: Marked, what: str) -> str:
        value = data.get("id")
        if not is_id(value):
            self.problem(data.where("id") if "id" in data else data.where(), f"{what} needs an 'id' of {ID_RULE}")
            return ""
        return str(value)

    def questions(self, data: Marked) -> tuple[Question, ...]:
        entries = data.get("questions")
        if not isinstance(entries, list) or not entries:
            self.problem(data.where("questions"), "'questions' must be a non-empty list")
            return ()
        questions = tuple(q for q in (self.question(e, nested=False) for e in entries) if q)
        self.check_unique_ids(questions)
        return questions

    def check_unique_ids(self, questions) -> None:
        seen: dict[str, int] = {}
        for question in questions:
            for part in (question, *question.steps):
                if part.id in seen:
                    self.problem(
                        (part.line, 1), f"duplicate question id '{part.id}' (first used on line {seen[part.id]})"
                    )
                seen.setdefault(part.id, part.line)

    def question(self, data, nested: bool) -> Question | None:
        if not isinstance(data, Marked):
            self.problem((1, 1), "each question must be a mapping")
            return None
        kind = data.get("type")
        if kind not in TYPES or (nested and kind == "scenario"):
            allowed = [t for t in TYPES if not (nested and t == "scenario")]
            self.problem(
                data.where("type") if "type" in data else data.where(),
                f"unknown question type '{shown(kind)}' (use one of: {', '.join(allowed)})",
            )
            return None
        scored = SCORED_KEYS if kind != "scenario" else set()
        self.unknown_keys(data, COMMON_KEYS | scored | TYPE_KEYS[kind], f"a {kind} question")
        fields = dict(
            id=self.identifier(data, "a question"),
            type=kind,
            prompt=self.text(data, "prompt"),
            source=self.source(data, required=kind != "scenario"),
            explanation=self.text(data, "explanation", required=False),
            hint=self.text(data, "hint", required=False),
            difficulty=self.difficulty(data),
            tags=self.tags(data),
            line=data.where()[0],
            where={"": data.where(), **data.positions},
            level=self.level(data),
            objective=self.objective(data),
        )
        fields.update(self.feedback(data))
        fields.update(getattr(self, "answer_" + kind.replace("-", "_"))(data))
        return Question(**fields)

    def source(self, data: Marked, required: bool) -> str:
        label = self.text(data, "source", required=required)
        if label and self.labels is not None and label not in self.labels:
            self.problem(data.where("source"), f"unknown source label '{label}': no section of the book has it")
        return label

    def difficulty(self, data: Marked) -> str:
        value = data.get("difficulty", "medium")
        if value not in DIFFICULTIES:
            self.problem(data.where("difficulty"), f"'difficulty' must be one of: {', '.join(DIFFICULTIES)}")
            return "medium"
        return value

    def level(self, data: Marked) -> str:
        value = data.get("level", "")
        if value and value not in LEVELS:
            self.problem(data.where("level"), f"'level' must be one of: {', '.join(LEVELS)}")
            return ""
        return value

    def objective(self, data: Marked) -> str:
        """The objective a question checks, by id: it becomes an LMS tag, so it is an id."""
        value = self.text(data, "objective", required=False)
        if value and not is_id(value):
            self.problem(
                data.where("objective"), f"'objective' must name one of the bank's objectives by its id ({ID_RULE})"
            )
            return ""
        return value

    def tags(self, data: Marked) -> tuple[str, ...]:
        if "tags" not in data:
            return ()
        tags = self.texts(data, "tags", minimum=1, one_line=True)
        if any(len(tag) > TAG_LENGTH or any(c in TAG_FORBIDDEN for c in tag) for tag in tags):
            self.problem(
                data.where("tags"),
                f"a tag must be at most {TAG_LENGTH} characters, without any of: {' '.join(TAG_FORBIDDEN)}",
            )
            return ()
        return tags

    def feedback(self, data: Marked) -> dict:
        value = data.get("feedback")
        if value is None:
            return {}
        if data.get("type") in ("single", "multiple"):
            self.problem(data.where("feedback"), "give feedback on each option instead of the question")
            return {}
        if not isinstance(value, Marked) or set(value) - {"correct", "incorrect"}:
            self.problem(data.where("feedback"), "'feedback' must have 'correct' and/or 'incorrect' texts")
            return {}
        return {
            "feedback_correct": self.text(value, "correct", required=False),
            "feedback_incorrect": self.text(value, "incorrect", required=False),
        }

    def answer_single(self, data: Marked) -> dict:
        options = self.options(data)
        if options and sum(o.correct for o in options) != 1:
            self.problem(data.where("options"), "a single-choice question needs exactly one correct option")
        return {"options": options}

    def answer_multiple(self, data: Marked) -> dict:
        options = self.options(data)
        if options and not any(o.correct for o in options):
            self.problem(data.where("options"), "no option is marked correct: true")
        return {"options": options}

    def options(self, data: Marked) -> tuple[Option, ...]:
        entries = data.get("options")
        if not isinstance(entries, list) or len(entries) < 2:
            self.problem(
                data.where("options") if "options" in data else data.where(), "'options' must list at least two options"
            )
            return ()
        options = []
        for entry in entries:
            if not isinstance(entry, Marked):
                self.problem(data.where("options"), "each option must be a mapping with 'text'")
                continue
            self.unknown_keys(entry, OPTION_KEYS, "an option")
            correct = entry.get("correct", False)
            if not isinstance(correct, bool):
                self.problem(entry.where("correct"), "'correct' must be true or false")
            options.append(
                Option(
                    self.text(entry, "text"),
                    correct is True,
                    self.text(entry, "feedback", required=False),
                    where=entry.where(),
                )
            )
        if len({o.text for o in options}) != len(options):
            self.problem(data.where("options"), "two options have the same text")
        return tuple(options)

    def answer_true_false(self, data: Marked) -> dict:
        answer = data.get("answer")
        if not isinstance(answer, bool):
            self.problem(data.where("answer") if "answer" in data else data.where(), "'answer' must be true or false")
        return {"answer": answer if isinstance(answer, bool) else None}

    def answer_ordering(self, data: Marked) -> dict:
        return {"items": self.texts(data, "items", minimum=2)}

    def answer_matching(self, data: Marked) -> dict:
        entries = data.get("pairs")
        pairs = []
        if not isinstance(entries, list) or len(entries) < 2:
            self.problem(
                data.where("pairs") if "pairs" in data else data.where(), "'pairs' must list at least two pairs"
            )
            return {"pairs": ()}
        for entry in entries:
            if not isinstance(entry, Marked) or set(entry) != {"left", "right"}:
                self.problem(data.where("pairs"), "each pair must have exactly 'left' and 'right'")
                continue
            pairs.append((self.text(entry, "left"), self.text(entry, "right")))
        for side, name in ((0, "left"), (1, "right")):
            if len({p[side] for p in pairs}) != len(pairs):
                self.problem(data.where("pairs"), f"two pairs have the same {name} text")
        return {"pairs": tuple(pairs)}

    def answer_short_text(self, data: Marked) -> dict:
        return {"accept": self.texts(data, "accept", minimum=1)}

    def answer_numeric(self, data: Marked) -> dict:
        numbers = {}
        for key, value in (("answer", data.get("answer")), ("tolerance", data.get("tolerance", 0))):
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                self.problem(data.where(key) if key in data else data.where(), f"'{key}' must be a number")
                return {}
            numbers[key] = float(value)
        if numbers["tolerance"] < 0:
            self.problem(data.where("tolerance"), "'tolerance' cannot be negative")
        return {**numbers, "unit": self.text(data, "unit", required=False)}

    def answer_scenario(self, data: Marked) -> dict:
        entries = data.get("steps")
        if not isinstance(entries, list) or len(entries) < 2:
            self.problem(
                data.where("steps") if "steps" in data else data.where(), "a scenario needs at least two 'steps'"
            )
            return {"steps": ()}
        return {"steps": tuple(s for s in (self.question(e, nested=True) for e in entries) if s)}


def load_quiz(path: Path, labels: set[str] | None = None) -> Quiz:
    """Read and check one bank. `labels`, when given, are the section labels a `source` may name."""
    path = Path(path)
    data = read_marked(path, QuizError)
    reader = _Reader(path, labels)
    quiz = reader.quiz(data)
    if reader.problems or quiz is None:  # no quiz comes with a problem saying why
        raise QuizError(reader.problems)
    return quiz
