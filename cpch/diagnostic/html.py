"""A diagnostic as HTML (templates/diagnostic.html): real fieldsets, legends and labels, readable and
printable without JavaScript.

Every text from the file is escaped; questions, options and advice may use inline Markdown,
rendered with raw HTML switched off (as in quizzes), so a file cannot inject markup or scripts.
A page may show the diagnostic in several blocks (one per section, say); the runtime
(cpch-diagnostic.js) joins the blocks of one diagnostic and reads its settings from the first.
"""

from dataclasses import dataclass
from pathlib import Path

from cpch.core.markup import render
from cpch.diagnostic.model import Diagnostic, Item

TEMPLATES = Path(__file__).parent / "templates"
RUNTIME_MESSAGES = (
    "saved",
    "restored",
    "cleared",
    "imported",
    "import_failed",
    "import_ignored",
    "storage_blocked",
    "suggested",
    "suggestion_wait",
    "evidence_line",
    "median_line",
    "weak_flag",
    "report_title",
    "report_date",
    "your_rating",
    "not_rated",
    "weaknesses_found",
    "no_weaknesses",
    "actions",
    "actions_none",
    "read_more",
    "summary",
    "your_answer",
    "notes_short",
    "not_answered",
    "marked",
    "csv_header",
    "yes",
    "partly",
    "no",
    "not_json",
    "wrong_tool",
    "bad_shape",
    "nothing_valid",
    "report_empty",
)


@dataclass(frozen=True)
class Settings:
    messages: dict
    sources: dict  # label -> (url, title)
    config: bool = False  # carry the runtime settings (the first block of a diagnostic on a page)
    controls: bool = False
    report: bool = False
    heading_level: int = 2  # for the headings the runtime writes into the report


def render_block(diagnostic: Diagnostic, items: tuple[Item, ...], settings: Settings) -> str:
    m, sources = settings.messages, settings.sources

    def answer_text(item: Item, value: str) -> str:
        return m[value] if item.kind == "yes-partly-no" else next(o.text for o in item.options if o.value == value)

    return render(
        TEMPLATES,
        "diagnostic.html",
        diagnostic=diagnostic,
        items=items,
        settings=settings,
        m=m,
        config=_config(diagnostic, m),
        answer_text=answer_text,
        item_sources=lambda item: [sources[label] for label in item.chapters if label in sources],
        level_sources=[
            (sources[level.chapter][0], f"{level.number} {level.name}")
            for level in diagnostic.levels
            if level.chapter in sources
        ],
    )


def _config(d: Diagnostic, m: dict) -> dict:
    return {
        "title": d.title,
        "minimum": d.minimum,
        "levels": [{"id": level.id, "number": level.number, "name": level.name} for level in d.levels],
        "messages": {key: m[key] for key in RUNTIME_MESSAGES},
    }
