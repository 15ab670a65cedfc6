"""The module's single launch page: every chapter as a section, shown one at a time by the
module runtime, so the whole module is one SCO with one LMS session."""

import json
from html import escape

from cpch.scorm.content import Page
from cpch.scorm.modules import Module


def render_launch_page(module: Module, pages: list[Page], scorm_version: str, styles: list[str],
                       scripts: list[str], messages: dict, language: str, text_limit: int = 0,
                       identity: str = "") -> str:
    m = messages
    head = "\n".join(
        [f'<link rel="stylesheet" href="{escape(href)}" />' for href in styles]
        + [f'<script defer="defer" src="{escape(src)}"></script>' for src in scripts]
    )
    sections = "\n".join(
        f'<section class="module-page" id="{page.anchor}" data-page="{i}" aria-label="{escape(page.title)}">\n'
        f"{page.html}\n</section>"
        for i, page in enumerate(pages)
    )
    contents = "".join(f'<li><a href="#{page.anchor}">{escape(page.title)}</a></li>' for page in pages)
    data = {
        "module": module.id, "version": module.version, "pass-mark": module.pass_mark,
        "scorm": scorm_version, "question-set": identity, "quizzes": " ".join(module.quizzes), "completion": module.completion,
        "text-limit": text_limit, "messages": json.dumps(m, ensure_ascii=False),
    }
    body_attributes = " ".join(f'data-{key}="{escape(str(value))}"' for key, value in data.items())
    return f"""<!DOCTYPE html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>{escape(module.title)}</title>
<link rel="icon" href="assets/favicon.svg" type="image/svg+xml" />
{head}
</head>
<body {body_attributes}>
<a class="skip-link" href="#main">{escape(m["skip"])}</a>
<header class="site-header">
<span class="site-title">{escape(module.title)}</span>
<nav class="header-links" aria-label="{escape(m["contents"])}"><a class="contents-link" href="#site-nav">{escape(m["contents"])}</a></nav>
</header>
<div class="page">
<main id="main" class="body">
{sections}
<nav class="module-pager" aria-label="{escape(m["pager"])}" hidden>
<button type="button" data-go="previous">{escape(m["previous"])}</button>
<span class="module-position"></span>
<button type="button" data-go="next">{escape(m["next"])}</button>
</nav>
<div class="module-status" role="status"></div>
<p class="module-finish" hidden><button type="button" data-finish="">{escape(m["finish"])}</button></p>
</main>
<nav id="site-nav" class="site-nav" aria-label="{escape(m["module_contents"])}"><ol class="module-contents">{contents}</ol></nav>
</div>
</body>
</html>
"""
