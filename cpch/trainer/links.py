"""Where each labelled section and page of the built site lives, read from its objects.inv."""

import posixpath
from pathlib import Path

from sphinx.util.inventory import InventoryFile


def site_inventory(site: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """{"std:label": {label: (uri, title)}, "std:doc": {docname: (uri, title)}}, uris relative to the site."""
    with open(site / "objects.inv", "rb") as stream:
        inventory = InventoryFile.load(stream, "", posixpath.join)
    return {
        kind: {name: (entry[2], entry[3]) for name, entry in entries.items()}
        for kind, entries in inventory.items()
        if kind in ("std:label", "std:doc")
    }
