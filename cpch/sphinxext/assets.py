"""Load sphinx-design's style sheet and script only on pages that use its components.

sphinx-design adds 62 KB to every page; most pages of a book use none of it.
"""

from docutils import nodes

DESIGN_ASSETS = ("sphinx-design.min.css", "design-tabs.js")


def uses_design(doctree: nodes.document) -> bool:
    return any(cls.startswith("sd-") for node in doctree.findall(nodes.Element) for cls in node.get("classes", ()))


def drop_unused_design_assets(app, pagename, templatename, context, doctree) -> None:
    if doctree is not None and uses_design(doctree):
        return
    for key in ("css_files", "script_files"):
        files = context.get(key)
        if files is not None:
            # The builder restores these lists before the next page, so trimming them here is per page.
            files[:] = [f for f in files if not str(getattr(f, "filename", f)).endswith(DESIGN_ASSETS)]
