"""What a SCORM 2004 module's last save costs when the learner closes the tab, and so how finely it
can record interactions.

Moodle 4.3's SCORM 2004 player sends the whole data model (every interaction included) on each save,
and, while a page closes, it sends it with `navigator.sendBeacon` as multipart form data: one part
per element. Browsers carry at most 64 KiB for a closing page, so a module whose closing save could
be larger loses that session's end (its time, the exit). Such a module records one interaction per
quiz (its questions' results, in order, and the fraction right) instead of one per question.
SCORM 1.2 players send only what changed, so 1.2 modules always record one per question.
"""

from cpch.quiz.html import TEXT_LIMITS
from cpch.scorm.suspend import SUSPEND_LIMITS, ScoredQuestion

CLOSING_QUOTA = 64 * 1024  # bytes a closing page may still send (Chromium's keepalive quota)
# One form part: "--<boundary>\r\nContent-Disposition: form-data; name="<name>"\r\n\r\n<value>\r\n",
# with Chromium's 38-character boundary.
PART = len("--\r\n" + 'Content-Disposition: form-data; name=""' + "\r\n\r\n\r\n") + 38
# Elements other than interactions a save can carry (status, score, times, location, exit and
# the like), each part at most this long besides the suspend data.
OTHER_ELEMENTS, OTHER_PART = 16, PART + 40
UTF8 = 3  # bytes a character can take in a form part (text answers may be in any script)

QUESTION = "question"
QUIZ = "quiz"


def field(name: str, longest_value: int) -> int:
    return PART + len(name) + longest_value


def longest_response(question: ScoredQuestion) -> int:
    """Bytes of the longest SCORM 2004 learner_response: a text, or choices joined by "[,]" (pairs also "[.]")."""
    if question.type in TEXT_LIMITS:
        return UTF8 * TEXT_LIMITS[question.type]
    return 8 * max(question.choices, 1)


def question_interactions(questions: list[ScoredQuestion]) -> int:
    """Bytes of one interaction per question: id, type, learner_response and result."""
    size = 0
    for n, question in enumerate(questions):
        prefix = f"cmi__interactions__{n}__"
        size += field(prefix + "id", len(question.key)) + field(prefix + "type", len("true-false"))
        size += field(prefix + "learner_response", longest_response(question))
        size += field(prefix + "result", len("incorrect"))
    return size


def closing_save(questions: list[ScoredQuestion], suspend_data: int) -> int:
    """Bytes of the largest closing save with one interaction per question."""
    fixed = OTHER_ELEMENTS * OTHER_PART + field("cmi__suspend_data", UTF8 * suspend_data)
    return fixed + question_interactions(questions)


def interaction_grain(version: str, questions: list[ScoredQuestion], suspend_data: int) -> str:
    """`QUESTION` when one interaction per question always fits the closing save, else `QUIZ`."""
    if version != "2004":
        return QUESTION
    suspend_data = min(suspend_data, SUSPEND_LIMITS[version])
    return QUESTION if closing_save(questions, suspend_data) <= CLOSING_QUOTA else QUIZ
