"""The section labels a book defines with MyST targets: a line `(label)=` before a heading."""

import re
from pathlib import Path

TARGET = re.compile(r"^\(([A-Za-z0-9][\w.:-]*)\)=\s*$", re.M)


def book_labels(book: Path) -> set[str]:
    return {label for page in Path(book).rglob("*.md") for label in TARGET.findall(page.read_text(encoding="utf-8"))}
