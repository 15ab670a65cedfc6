"""The baseline: the same pages built by stock Jupyter Book (`jupyter-book build`) with its default
configuration. Our own directives do not exist there, so their blocks are removed from the copy."""

import re
import shutil
from pathlib import Path

from bench.project import append_sentence
from bench.timing import summary, timed_run, venv_script

# The directives cpch.sphinxext adds; stock Jupyter Book would fail on them.
ENGINE_DIRECTIVES = ("quiz", "diagnostic")
DEFAULT_CONFIG = "# Jupyter Book's defaults, but for the title.\ntitle: Baseline\nauthor: cpch benchmark\n"
OPENING = re.compile(r"^\s{0,3}(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}")


def strip_directives(text: str, names=ENGINE_DIRECTIVES) -> tuple[str, int]:
    """Remove every fenced block of the named directives (backtick or colon fences); count them."""
    kept, fence, removed = [], None, 0
    for line in text.splitlines(keepends=True):
        if fence:
            stripped = line.strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                fence = None
            continue
        opening = OPENING.match(line)
        if opening and opening["name"] in names:
            fence, removed = opening["fence"], removed + 1
            continue
        kept.append(line)
    return "".join(kept), removed


def make_baseline_book(book: Path, dest: Path, names=ENGINE_DIRECTIVES) -> dict:
    """Copy `book` to `dest` without our directives and with a default _config.yml.
    Return {page: number of blocks removed} for the pages that lost any."""
    shutil.copytree(book, dest, ignore=shutil.ignore_patterns("_build", "_config.yml", "__pycache__"))
    removed = {}
    for page in sorted(dest.rglob("*.md")):
        text, count = strip_directives(page.read_text(encoding="utf-8"), names)
        if count:
            page.write_text(text, encoding="utf-8")
            removed[page.relative_to(dest).with_suffix("").as_posix()] = count
    (dest / "_config.yml").write_text(DEFAULT_CONFIG)
    return removed


def build_command(book: Path) -> list:
    script = venv_script("jupyter-book")
    if not Path(script[0]).exists():
        raise FileNotFoundError(f"{script[0]} is missing: install the `bench` extra (`make bench` does)")
    return [*script, "build", book]


def cold_build(book: Path) -> float:
    shutil.rmtree(book / "_build", ignore_errors=True)
    return timed_run(build_command(book))


def measure(book: Path, work: Path, runs: int, edit_page: str) -> dict:
    """Time `runs` cold builds and `runs` rebuilds after a chapter edit; keep the unedited site in work/site."""
    copy, site = work / "book", work / "site"
    removed = make_baseline_book(book, copy)
    cold = [cold_build(copy) for _ in range(runs)]
    shutil.copytree(copy / "_build" / "html", site)
    chapter = []
    for serial in range(1, runs + 1):
        sentence = append_sentence(copy / f"{edit_page}.md", serial)
        chapter.append(timed_run(build_command(copy)))
        if sentence not in (copy / "_build" / "html" / f"{edit_page}.html").read_text(encoding="utf-8"):
            raise AssertionError(f"the baseline's rebuilt {edit_page}.html does not show the edit")
    return {
        "cold": summary(cold),
        "chapter_edit": summary(chapter),
        "removed_blocks": removed,
        "directives_removed": list(ENGINE_DIRECTIVES),
        "config": DEFAULT_CONFIG,
        "site": str(site),
    }
