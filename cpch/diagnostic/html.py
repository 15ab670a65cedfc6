"""A diagnostic as HTML: real fieldsets, legends and labels, readable and printable without JavaScript.

Every text from the file is escaped; questions, options and advice may use inline Markdown,
rendered with raw HTML switched off (as in quizzes), so a file cannot inject markup or scripts.
A page may show the diagnostic in several blocks (one per section, say); the runtime
(cpch-diagnostic.js) joins the blocks of one diagnostic and reads its settings from the first.
"""

import json
from dataclasses import dataclass
from html import escape

from cpch.diagnostic.model import Diagnostic, Item
from cpch.core.markup import inline
def attr(value) -> str:
    return escape(str(value), quote=True)

RUNTIME_MESSAGES = (
    "saved", "restored", "cleared", "imported", "import_failed", "import_ignored", "storage_blocked",
    "suggested", "suggestion_wait", "evidence_line", "median_line", "weak_flag", "report_title", "report_date",
    "your_rating", "not_rated", "weaknesses_found", "no_weaknesses", "actions", "actions_none",
    "read_more", "summary", "your_answer", "notes_short", "not_answered", "marked", "csv_header", "yes", "partly", "no",
    "not_json", "wrong_tool", "bad_shape", "nothing_valid", "report_empty",
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
    m = settings.messages
    parts = []
    if settings.controls:
        parts.append(_controls(diagnostic, m))
    if items:
        parts.append('<div class="diagnostic-items">' + "".join(_item(diagnostic, i, settings) for i in items) + "</div>")
    if settings.report:
        parts.append(_report(diagnostic, settings))
    config = f' data-config="{attr(json.dumps(_config(diagnostic, m), ensure_ascii=False))}"' if settings.config else ""
    return (f'<div class="diagnostic" data-diagnostic="{attr(diagnostic.id)}" data-version="{diagnostic.version}"{config}>'
            + "".join(parts) + "</div>")


def _config(d: Diagnostic, m: dict) -> dict:
    return {
        "title": d.title,
        "minimum": d.minimum,
        "levels": [{"id": level.id, "number": level.number, "name": level.name} for level in d.levels],
        "messages": {key: m[key] for key in RUNTIME_MESSAGES},
    }


def _dom_id(d: Diagnostic, item: Item, suffix: str = "") -> str:
    return f"{d.id}-{item.slug}{'-' + suffix if suffix else ''}"


def _controls(d: Diagnostic, m: dict) -> str:
    base = f"{d.id}-controls"
    return (
        f'<div class="diagnostic-controls">'
        f'<p class="diagnostic-privacy">{escape(m["privacy"])}</p>'
        f'<p class="diagnostic-nojs">{escape(m["no_script"])}</p>'
        f'<div class="diagnostic-tools" hidden>'
        f'<p class="diagnostic-status" role="status" aria-live="polite"></p>'
        f'<p class="diagnostic-import"><label for="{attr(base)}-import">{escape(m["import"])}</label> '
        f'<input type="file" id="{attr(base)}-import" accept=".json,application/json"></p>'
        f'<p class="diagnostic-clear"><button type="button" data-action="clear">{escape(m["clear"])}</button></p>'
        f'<div class="diagnostic-confirm" role="group" aria-labelledby="{attr(base)}-confirm" hidden>'
        f'<p id="{attr(base)}-confirm">{escape(m["clear_confirm"])}</p>'
        f'<button type="button" data-action="clear-yes">{escape(m["clear_yes"])}</button> '
        f'<button type="button" data-action="clear-no">{escape(m["clear_no"])}</button></div>'
        f"</div></div>"
    )


def _item(d: Diagnostic, item: Item, s: Settings) -> str:
    m = s.messages
    base = _dom_id(d, item)
    data = f' data-item="{attr(item.number)}" data-kind="{item.kind}"'
    if item.weak:
        data += f' data-weak="{attr(json.dumps(list(item.weak)))}"'
    if item.evidence:
        data += f' data-evidence="{attr(json.dumps(dict(item.evidence)))}"'
    return (
        f'<div class="diagnostic-item" id="{attr(base)}"{data}>'
        f'<fieldset aria-describedby="{attr(base)}-flag"><legend><span class="diagnostic-number">{escape(item.number)}</span> '
        f"{inline(item.question)}</legend>{_controls_for(d, item, base, m)}</fieldset>"
        f"{_suggestion(d, s) if item.kind == 'level' else ''}"
        f"{_advice(item, base, s)}</div>"
    )


def _controls_for(d: Diagnostic, item: Item, base: str, m: dict) -> str:
    if item.kind == "text":
        box = (f'<p class="diagnostic-text"><label for="{attr(base)}-answer">{escape(m["answer_label"].format(number=item.number))}</label>'
               f'<textarea id="{attr(base)}-answer" data-field="answer" rows="3"></textarea></p>')
        if item.self_check:
            box += (f'<div class="diagnostic-option diagnostic-self-check"><input type="checkbox" id="{attr(base)}-marked" data-field="marked">'
                    f'<label for="{attr(base)}-marked">{escape(m["self_check"])} '
                    f'{" ".join(inline(w) for w in item.weaknesses)}</label></div>')
        return box
    if item.kind == "level":
        labels = [(level.id, f'<span class="diagnostic-level-name">{level.number} {escape(level.name)}.</span> {inline(level.description)}')
                  for level in d.levels]
    elif item.kind == "yes-partly-no":
        labels = [(o.value, escape(m[o.value])) for o in item.options]
    else:
        labels = [(o.value, inline(o.text)) for o in item.options]
    options = "".join(
        f'<div class="diagnostic-option"><input type="radio" id="{attr(base)}-{value}" name="{attr(base)}" value="{value}" data-field="answer">'
        f'<label for="{attr(base)}-{value}">{label}</label></div>'
        for value, label in labels
    )
    notes_label = escape(item.notes) if item.notes else escape(m["notes_label"].format(number=item.number))
    counts = f'<p class="diagnostic-counts">{escape(m["counts"])}</p>' if item.evidence else ""
    return (f'<div class="diagnostic-options">{options}</div>{counts}'
            f'<p class="diagnostic-notes"><label for="{attr(base)}-notes">{notes_label}</label>'
            f'<textarea id="{attr(base)}-notes" data-field="notes" rows="2"></textarea></p>')


def _list(texts: tuple[str, ...], m: dict) -> str:
    if not texts:
        return f'<p class="diagnostic-none">{escape(m["none_given"])}</p>'
    return "<ul>" + "".join(f"<li>{inline(t)}</li>" for t in texts) + "</ul>"


def _advice(item: Item, base: str, s: Settings) -> str:
    m = s.messages
    if item.weaknesses or item.solutions:
        body = (f'<p class="diagnostic-advice-title">{escape(m["weaknesses"])}</p>'
                f'<div class="diagnostic-weaknesses">{_list(item.weaknesses, m)}</div>'
                f'<p class="diagnostic-advice-title">{escape(m["solutions"])}</p>'
                f'<div class="diagnostic-solutions">{_list(item.solutions, m)}</div>')
    else:
        body = f'<p class="diagnostic-none">{escape(m["none_given_both"])}</p>'
    return (
        f'<div class="diagnostic-advice"><p class="diagnostic-flag" id="{attr(base)}-flag"></p>'
        f'<details class="diagnostic-details"><summary>{escape(m["advice"])}</summary>{body}</details>'
        f"{_read_more(item.chapters, s)}</div>"
    )


def _read_more(labels: tuple[str, ...], s: Settings) -> str:
    links = [f'<a href="{attr(s.sources[label][0])}">{escape(s.sources[label][1])}</a>' for label in labels if label in s.sources]
    if not links:
        return ""
    return f'<p class="diagnostic-read">{escape(s.messages["read_more"])} {", ".join(links)}</p>'


def _suggestion(d: Diagnostic, s: Settings) -> str:
    """Where the runtime shows the suggested level and its reasoning; the rule is readable without it."""
    m = s.messages
    levels = [(level.chapter, f"{level.number} {level.name}") for level in d.levels]
    links = ", ".join(f'<a href="{attr(s.sources[label][0])}">{escape(name)}</a>' for label, name in levels if label in s.sources)
    more = f'<p class="diagnostic-read">{escape(m["levels_more"])} {links}</p>' if links else ""
    return (
        f'<div class="diagnostic-suggestion">'
        f'<p class="diagnostic-suggested" role="status" aria-live="polite"></p><ul class="diagnostic-reasoning"></ul>'
        f'<details class="diagnostic-rule"><summary>{escape(m["rule_title"])}</summary><p>{inline(d.rule)}</p>'
        f"{_evidence_table(d, m)}</details>{more}</div>"
    )


def _evidence_table(d: Diagnostic, m: dict) -> str:
    """The level each answer stands for, straight from the file, so the page documents the rule it applies."""
    rows = []
    for item in d.items:
        if not item.evidence:
            continue
        texts = {o.value: (m[o.value] if item.kind == "yes-partly-no" else o.text) for o in item.options}
        answers = "; ".join(
            f"{inline(texts[value])} → {level} {escape(d.level(level).name)}" for value, level in item.evidence
        )
        rows.append(f"<li><span class=\"diagnostic-number\">{escape(item.number)}</span> {answers}</li>")
    return f'<p>{escape(m["evidence_title"])}</p><ul class="diagnostic-evidence">{"".join(rows)}</ul>' if rows else ""


def _report(d: Diagnostic, s: Settings) -> str:
    m = s.messages
    return (
        f'<div class="diagnostic-report" data-heading="{min(max(s.heading_level, 2), 6)}">'
        f'<p class="diagnostic-nojs">{escape(m["report_no_script"])}</p>'
        f'<div class="diagnostic-report-body"></div>'
        f'<div class="diagnostic-exports" hidden>'
        f'<p class="diagnostic-print-note">{escape(m["print_note"])}</p>'
        f'<p class="diagnostic-export-links"><a href="#" download="{attr(d.id)}.json" data-export="json">{escape(m["export_json"])}</a> '
        f'<a href="#" download="{attr(d.id)}.csv" data-export="csv">{escape(m["export_csv"])}</a> '
        f'<button type="button" data-action="print">{escape(m["print"])}</button></p>'
        f"</div></div>"
    )
