"""Stable ids: what LMS records, page anchors and file names are made of."""

import re

ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
ID_RULE = "lower-case letters, digits and hyphens"


def is_id(value) -> bool:
    """True for a text of 1 to 63 lower-case letters, digits and hyphens, not starting with a hyphen."""
    return isinstance(value, str) and ID.fullmatch(value) is not None
