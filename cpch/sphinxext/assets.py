"""Lighter pages: sphinx-design's files only where a page uses its components (they add 62 KB to
every page, and most pages of a book use none of them), and no script that blocks the page while
it is parsed."""

from docutils import nodes

DESIGN_ASSETS = ("sphinx-design.min.css", "design-tabs.js")


def uses_design(doctree: nodes.document) -> bool:
    return any(cls.startswith("sd-") for node in doctree.findall(nodes.Element) for cls in node["classes"])


def drop_unused_design_assets(app, pagename, templatename, context, doctree) -> None:
    if doctree is not None and uses_design(doctree):
        return
    for key in ("css_files", "script_files"):
        files = context.get(key)
        if files is not None:
            # The builder restores these lists before the next page, so trimming them here is per page.
            files[:] = [f for f in files if not str(getattr(f, "filename", f)).endswith(DESIGN_ASSETS)]


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
