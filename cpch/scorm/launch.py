"""The module's single launch page: every chapter as a section, shown one at a time by the
module runtime, so the whole module is one SCO with one LMS session."""

import json
from pathlib import Path

from cpch.core.markup import render
from cpch.scorm.content import Page
from cpch.scorm.modules import Module

TEMPLATES = Path(__file__).parent / "templates"


def render_launch_page(
    module: Module,
    pages: list[Page],
    scorm_version: str,
    styles: list[str],
    scripts: list[str],
    messages: dict,
    language: str,
    text_limit: int = 0,
    identity: str = "",
    interactions: str = "question",
) -> str:
    data = {
        "module": module.id,
        "version": module.version,
        "pass-mark": module.pass_mark,
        "scorm": scorm_version,
        "question-set": identity,
        "quizzes": " ".join(module.quizzes),
        "completion": module.completion,
        "text-limit": text_limit,
        "interactions": interactions,
        "messages": json.dumps(messages, ensure_ascii=False),
    }
    return render(
        TEMPLATES,
        "launch.html",
        one_line=False,
        module=module,
        pages=pages,
        styles=styles,
        scripts=scripts,
        m=messages,
        language=language,
        data=data,
    )
