"""Lighter pages: each page loads only the files it uses, and no script blocks it while it is parsed.

- sphinx-design's files (62 KB) only where a page uses a component the theme does not style itself:
  its dropdown is a native <details>, which book.css styles.
- Sphinx's search scripts (documentation_options.js, doctools.js, sphinx_highlight.js, and in a
  translated site translations.js) only on the search page: searchtools.js needs them there.
  Elsewhere they would only highlight the words searched for on the page a result leads to, which
  cpch-highlight.js does, fetched only on such a visit.
- Pygments' colours only where a page shows highlighted code.
- One viewport tag: the theme's; docutils adds a second one to the page's meta tags.
"""

from docutils import nodes

DESIGN_ASSETS = ("sphinx-design.min.css", "design-tabs.js")
SEARCH_ONLY = ("documentation_options.js", "doctools.js", "sphinx_highlight.js", "translations.js")
CODE_ONLY = ("pygments.css",)
DOCUTILS_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


def _design_classes(node: nodes.Element):
    """sphinx-design's classes under `node`, leaving out dropdowns (book.css styles those)."""
    classes: list[str] = node.get("classes", [])
    if "sd-dropdown" in classes:
        return
    yield from (name for name in classes if name.startswith("sd-"))
    for child in node.children:
        if isinstance(child, nodes.Element):
            yield from _design_classes(child)


def uses_design(doctree: nodes.document) -> bool:
    return any(True for _ in _design_classes(doctree))


def shows_code(doctree: nodes.document) -> bool:
    return any(True for _ in doctree.findall(nodes.literal_block))


def _name(asset) -> str:
    return str(getattr(asset, "filename", asset)).split("?")[0]


def drop_unused_assets(app, pagename, templatename, context, doctree) -> None:
    unused: tuple[str, ...] = () if templatename == "search.html" else SEARCH_ONLY
    if doctree is None or not uses_design(doctree):
        unused += DESIGN_ASSETS
    if doctree is None or not shows_code(doctree):
        unused += CODE_ONLY
    for key in ("css_files", "script_files"):
        files = context.get(key)
        if files is not None:
            # The builder restores these lists before the next page, so trimming them here is per page.
            files[:] = [f for f in files if not _name(f).endswith(unused)]
    context["metatags"] = context.get("metatags", "").replace(DOCUTILS_VIEWPORT, "")


def add_search_scripts(app, pagename, templatename, context, doctree) -> None:
    """The scripts basic/search.html writes as bare tags, added to the page's list instead."""
    if templatename == "search.html":
        app.add_js_file("language_data.js", priority=500)
        app.add_js_file("searchtools.js", priority=501)


def deferred(script):
    attributes = getattr(script, "attributes", None)
    if attributes is None or not script.filename or {"defer", "async"} & set(attributes):
        return script
    return type(script)(script.filename, priority=script.priority, **{**attributes, "defer": "defer"})


def defer_scripts(app, pagename, templatename, context, doctree) -> None:
    """Sphinx's own scripts load in the head and block parsing; deferred, they still run in order
    and before DOMContentLoaded, which is when they start their work. The search page is left as it
    is: its template adds searchtools.js, which needs them at once."""
    files = context.get("script_files")
    if files is not None and templatename != "search.html":
        # The builder restores this list before the next page, so replacing its entries is per page.
        files[:] = [deferred(f) for f in files]
