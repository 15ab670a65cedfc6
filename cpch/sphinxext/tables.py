"""Tables that read on a phone: each body cell carries its column's header (`data-label`), so a
narrow screen can show a wide table as a list of labelled rows (the theme's CSS) instead of
squeezing its words letter by letter into columns a few pixels wide."""

import re

from bs4 import BeautifulSoup, Tag

# docutils never nests tables, so each match is one whole table.
TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)
REFLOW_CLASS = "reflow"
# Two columns still fit a phone; from three on, the table becomes labelled rows there.
MIN_COLUMNS = 3


def _label(match: re.Match) -> str:
    table = BeautifulSoup(match.group(0), "html.parser").find("table")
    if not isinstance(table, Tag):
        return match.group(0)
    head = table.find("thead")
    rows = head.find_all("tr") if isinstance(head, Tag) else []
    if not rows:
        return match.group(0)
    names = [cell.get_text(" ", strip=True) for cell in rows[-1].find_all(["th", "td"])]
    if len(names) < MIN_COLUMNS or any(cell.has_attr("colspan") for cell in table.find_all(["th", "td"])):
        return match.group(0)
    table["class"] = " ".join([*(name for name in table.get_attribute_list("class") if name), REFLOW_CLASS])
    for row in table.select("tbody > tr"):
        for name, cell in zip(names, row.find_all(["th", "td"], recursive=False)):
            cell["data-label"] = name
    return str(table)


def label_cells(html: str) -> str:
    """`html` with every table of three or more columns marked for reflow and labelled cell by cell."""
    return TABLE.sub(_label, html) if "<table" in html else html


def label_page_tables(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = label_cells(context["body"])
