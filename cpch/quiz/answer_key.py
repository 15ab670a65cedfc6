"""The answer key a page carries for its quiz, encoded so it is not readable as plain text.

This is obfuscation, not security: the browser must be able to decode it (see quizzes/README.md).
"""

import base64
import hashlib
import json
import random

from cpch.quiz.model import Question


def display_order(question: Question, count: int) -> list[int]:
    """A fixed shuffle of range(count) for this question, never the authored order when count > 1."""
    order = list(range(count))
    random.Random(hashlib.sha256(question.id.encode()).digest()).shuffle(order)
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def key_entry(question: Question, inline) -> dict:
    """What the runtime needs to check one question; `inline` renders inline Markdown to safe HTML."""
    entry = {"type": question.type, "explanation": inline(question.explanation)}
    if question.options:
        entry["correct"] = [i for i, option in enumerate(question.options) if option.correct]
        entry["feedback"] = [inline(option.feedback) for option in question.options]
    else:
        entry["feedback"] = [inline(question.feedback_correct), inline(question.feedback_incorrect)]
    if question.type == "true-false":
        entry["correct"] = "true" if question.answer else "false"
    elif question.type == "ordering":
        # For each item as displayed, its right position (1-based).
        entry["correct"] = [str(i + 1) for i in display_order(question, len(question.items))]
    elif question.type == "matching":
        rights = display_order(question, len(question.pairs))
        entry["correct"] = [str(rights.index(i)) for i in range(len(question.pairs))]
    elif question.type == "short-text":
        entry["correct"] = list(question.accept)
    elif question.type == "numeric":
        entry["correct"] = {"value": question.answer, "tolerance": question.tolerance}
    return entry


def secret(quiz_id: str, version: int) -> bytes:
    """The XOR mask; the runtime derives the same from the quiz's data attributes."""
    return f"{quiz_id}:{version}".encode()


def encode_key(key: dict, quiz_id: str, version: int) -> str:
    data = json.dumps(key, ensure_ascii=False, separators=(",", ":")).encode()
    mask = secret(quiz_id, version)
    return base64.b64encode(bytes(b ^ mask[i % len(mask)] for i, b in enumerate(data))).decode()


def decode_key(encoded: str, quiz_id: str, version: int) -> dict:
    data, mask = base64.b64decode(encoded), secret(quiz_id, version)
    return json.loads(bytes(b ^ mask[i % len(mask)] for i, b in enumerate(data)))
