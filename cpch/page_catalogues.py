"""The translators' two commands: refresh the catalogues from the sources, and show how far each
language has got.

    python -m cpch.page_catalogues update [--language fr]   # `make i18n-update`
    python -m cpch.page_catalogues stats                    # `make i18n-stats`

`update` extracts every page's messages with Sphinx's gettext builder (one template per page, and
`site.pot` for the translated settings: the book's title and copyright line), then brings each
language's catalogues in line with sphinx-intl: a new message gets an empty entry, a message whose
source changed keeps its old translation marked fuzzy (to review), a removed one is kept as obsolete.
"""

import argparse
import runpy
import sys
from dataclasses import dataclass
from pathlib import Path

import sphinx.locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from sphinx.cmd.build import build_main

from cpch.sphinxext.languages import SETTINGS_CATALOGUE, TRANSLATED_SETTINGS


def settings(confdir: Path) -> dict:
    return runpy.run_path(str(confdir / "conf.py"))


def locale_dir(book: Path, confdir: Path) -> Path:
    return book / (settings(confdir).get("locale_dirs") or ["locales"])[0]


def known_languages(book: Path, confdir: Path) -> list[str]:
    """The languages with catalogues, and those conf.py publishes, but not the sources' own."""
    conf = settings(confdir)
    published = list(conf.get("cpch_languages") or [conf.get("language") or "en"])
    folder = locale_dir(book, confdir)
    found = sorted(p.name for p in folder.iterdir() if (p / "LC_MESSAGES").is_dir()) if folder.is_dir() else []
    return [code for code in dict.fromkeys([*published[1:], *found]) if code != published[0]]


def write_templates(book: Path, confdir: Path, out: Path) -> int:
    """Every page's template (`<page>.pot`) and `site.pot` into `out`."""
    sphinx.locale.translators.clear()  # no catalogue of an earlier build in this process
    status = build_main(["-b", "gettext", "-c", str(confdir), "-q", "-W", "--keep-going", str(book), str(out)])
    if status:
        return status
    conf = settings(confdir)
    template = Catalog(project=conf.get("project"))
    for name in TRANSLATED_SETTINGS:
        if conf.get(name):
            template.add(conf[name], auto_comments=[f"conf.py: {name}"])
    with (out / SETTINGS_CATALOGUE).with_suffix(".pot").open("wb") as file:
        write_po(file, template)
    return 0


def update(book: Path, confdir: Path, templates: Path, languages: list[str]) -> int:
    from sphinx_intl.basic import update as update_catalogues  # type: ignore[import-untyped]

    status = write_templates(book, confdir, templates)
    if status:
        return status
    languages = languages or known_languages(book, confdir)
    if not languages:
        print("No language to update: give one with --language (e.g. --language es).", file=sys.stderr)
        return 2
    update_catalogues(str(locale_dir(book, confdir)), str(templates), tuple(languages))
    return 0


@dataclass
class Coverage:
    translated: int = 0
    fuzzy: int = 0
    missing: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.missing

    def add(self, other: "Coverage") -> None:
        self.translated += other.translated
        self.fuzzy += other.fuzzy
        self.missing += other.missing

    def __str__(self) -> str:
        share = 100 * self.translated / self.total if self.total else 100
        return f"{self.translated}/{self.total} translated ({share:.0f}%), {self.fuzzy} fuzzy, {self.missing} missing"


def read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def coverage(template: Catalog, catalogue: Catalog | None) -> Coverage:
    """How many of the template's messages the catalogue translates (reviewed), leaves fuzzy or lacks."""
    result = Coverage()
    for message in template:
        if not message.id:
            continue
        entry = catalogue.get(message.id) if catalogue is not None else None
        if entry is None or not str(entry.string).strip():
            result.missing += 1
        elif entry.fuzzy:
            result.fuzzy += 1
        else:
            result.translated += 1
    return result


def stats(book: Path, confdir: Path, templates: Path, languages: list[str]) -> int:
    status = write_templates(book, confdir, templates)
    if status:
        return status
    folder = locale_dir(book, confdir)
    for language in languages or known_languages(book, confdir):
        total = Coverage()
        lines = []
        for pot in sorted(templates.rglob("*.pot")):
            name = pot.relative_to(templates).with_suffix(".po")
            po = folder / language / "LC_MESSAGES" / name
            found = coverage(read(pot), read(po) if po.is_file() else None)
            total.add(found)
            lines.append(f"  {name}: {found}" + ("" if po.is_file() else " (no catalogue)"))
        print(f"{language}: {total}")
        print("\n".join(lines))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Update the translation catalogues, or show their coverage.")
    parser.add_argument("command", choices=["update", "stats"])
    parser.add_argument("--book", type=Path, default=Path("book"), help="the book's sources (default: book)")
    parser.add_argument("--conf", type=Path, default=Path("."), help="the folder holding conf.py")
    parser.add_argument("--templates", type=Path, default=Path("_build/gettext"), help="where the .pot files go")
    parser.add_argument(
        "--language", action="append", default=[], help="a language (repeatable; default: every one with catalogues)"
    )
    args = parser.parse_args(argv)
    run = update if args.command == "update" else stats
    return run(args.book, args.conf, args.templates, args.language)


if __name__ == "__main__":
    sys.exit(main())
