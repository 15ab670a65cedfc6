"""Faster MyST parsing, for translated pages above all.

A translated page parses each translated message on its own, with MyST: about 1,300 small parses
for the handbook in French, against 26 page parses in English. Two costs of MyST's set-up, not of
the parsing itself, made the French build take twice as long as the English one:
- its renderer builds a throw-away docutils document for every parse, even when it is handed the
  real one (`options.get("document", make_document())` evaluates its default first), and docutils
  builds its default settings anew each time;
- it builds a new markdown-it parser, with all its plugins and rules, for every parse.
Here the default settings are built once per parser class and copied for each document, and the
outermost parse reuses one markdown-it parser per MyST configuration (a parse started inside
another, such as a directive's, still gets a fresh one, so no parse shares a parser in use).
The documents made are the same as before.
"""

import copy
import functools

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import new_document
from myst_parser.mdit_to_docutils import base
from myst_parser.parsers import sphinx_

_create_md_parser = sphinx_.create_md_parser
_parse = sphinx_.MystParser.parse
_parsers: dict[tuple[int, type], tuple[object, object]] = {}
_depth = 0  # MystParser.parse calls in progress in this process


@functools.cache
def _default_settings(parser_cls):
    return get_default_settings(parser_cls)


def make_document(source_path="notset", parser_cls=RSTParser) -> nodes.document:
    """MyST's make_document, with the parser's default settings built once."""
    return new_document(source_path, settings=copy.deepcopy(_default_settings(parser_cls)))


def create_md_parser(config, renderer):
    """One markdown-it parser per configuration for the outermost parse; a fresh one otherwise."""
    if _depth != 1:
        return _create_md_parser(config, renderer)
    key = (id(config), renderer)
    kept = _parsers.get(key)
    if kept is None or kept[0] is not config:
        kept = _parsers[key] = (config, _create_md_parser(config, renderer))
    return kept[1]


def parse(self, inputstring: str, document: nodes.document) -> None:
    global _depth
    _depth += 1
    try:
        _parse(self, inputstring, document)
    finally:
        _depth -= 1


def speed_up_myst() -> None:
    base.make_document = make_document
    sphinx_.create_md_parser = create_md_parser
    sphinx_.MystParser.parse = parse  # type: ignore[method-assign]
