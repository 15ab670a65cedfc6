"""A translated edition is whole or it fails: every message of every page has a reviewed translation.

Sphinx leaves a message it finds no translation for in the sources' language, silently (so a French
page could hold English paragraphs marked lang="fr"). Just before Sphinx translates a page, this
looks up each of the page's messages in the page's catalogue and reports, as a warning (an error
under -W) naming the .po file, its line and the msgid:
- a fuzzy entry (its English changed since it was translated: review it and drop the flag);
- an empty translation;
- a message with no entry (the catalogue predates the English: run `make i18n-update`);
- a page with no catalogue at all.
Only languages other than the sources' own (the first of `cpch_languages`) are checked.
"""

import functools
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from docutils import nodes
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages, get_node_line

from cpch.sphinxext.languages import catalogue_dirs, languages

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=256)
def read_catalogue(path: Path, mtime_ns: int) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def problem(catalogue: Catalog, msgid: str) -> tuple[int | None, str] | None:
    """(line in the .po, what is wrong) for a message without a reviewed translation, else None."""
    message = catalogue.get(msgid)
    if message is None:
        return None, "no entry (run `make i18n-update`, then translate it)"
    if message.fuzzy:
        return message.lineno, "fuzzy entry (its source changed: review the translation and remove the fuzzy flag)"
    if not str(message.string).strip():
        return message.lineno, "untranslated entry"
    return None


def shorten(msgid: str, limit: int = 100) -> str:
    text = " ".join(msgid.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


class CatalogueCompleteness(SphinxTransform):
    default_priority = 19  # just before Sphinx's Locale transform (20), on the very messages it looks up

    def apply(self, **kwargs) -> None:
        language = self.config.language
        if not language or language == languages(self.config)[0]:
            return
        if isinstance(self.app.builder, MessageCatalogBuilder):
            return
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        paths = [folder / language / "LC_MESSAGES" / f"{domain}.po" for folder in catalogue_dirs(self.app)]
        path = next((p for p in paths if p.is_file()), None)
        messages = list(extract_messages(self.document))
        if path is None:
            if messages:
                logger.warning(
                    f"{paths[0]}: missing catalogue: none of the page's {len(messages)} messages is translated "
                    "(run `make i18n-update`, then translate it)",
                    location=self.env.docname,
                )
            return
        catalogue = read_catalogue(path, path.stat().st_mtime_ns)
        for node, msgid in messages:
            found = problem(catalogue, msgid)
            if found is None:
                continue
            line, what = found
            if line is None:  # the English page's line tells where the message comes from
                where = node if _has_line(node) else None
                logger.warning(f"{path}: {what}: msgid {shorten(msgid)}", location=where)
            else:
                logger.warning(f"{what}: msgid {shorten(msgid)}", location=f"{path}:{line}")


def _has_line(node: nodes.Node) -> bool:
    try:
        get_node_line(node)  # type: ignore[arg-type]
    except ValueError:
        return False
    return True
