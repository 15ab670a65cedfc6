"""Links from an embedded bank or form to the book sections it names by label."""

from typing import cast

from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain
from sphinx.util import logging

logger = logging.getLogger(__name__)


def section_links(app: Sphinx, docname: str, node, named, source: str, what: str) -> dict:
    """label -> (URL relative to `docname`, section title) for each (label, line) in `named`;
    an unknown label is a warning at `source`:line, shown at the page embedding `node`."""
    labels = cast(StandardDomain, app.env.get_domain("std")).labels
    links = {}
    for label, line in named:
        if label not in labels:
            logger.warning(f"{source}:{line or 1}:1: unknown {what} label '{label}'", location=node)
            continue
        target_doc, anchor, title = labels[label]
        links[label] = (f"{app.builder.get_relative_uri(docname, target_doc)}#{anchor}", title)
    return links
