"""The one YAML reader: it remembers where every mapping and value stands in the file, and refuses,
with a file:line:column message, any input it cannot read safely or that an output cannot carry.

Limits keep reading bounded whatever the bytes: a file size, a nesting depth, and a count of the
values the file stands for once its aliases are expanded (so an alias bomb is refused, not built).
Every text must be made of characters XML 1.0 can carry (no control characters, no lone surrogates).
"""

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import ScalarNode, SequenceNode
from yaml.resolver import Resolver

from cpch.core.problems import LocatedError, Problem, ProblemCollector, shown

MAX_BYTES = 2_000_000
MAX_DEPTH = 64
MAX_VALUES = 100_000  # mappings, lists and texts, counting each alias as what it stands for
MAX_DIGITS = 30
# What XML 1.0 (and so Moodle XML, QTI and SCORM manifests) can carry, minus the noncharacters U+FFFE/U+FFFF.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class Marked(dict):
    """A YAML mapping with the 1-based (line, column) of itself and of each entry.

    An entry's position is its value's for a plain value, and its key's for a list or mapping,
    so a message about a whole list points at the line that names it."""

    position: tuple[int, int] = (1, 1)
    positions: dict

    def where(self, key=None) -> tuple[int, int]:
        return self.positions.get(key, self.position) if key is not None else self.position


def _position(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def character_problem(text: str) -> str:
    """Why `text` cannot go into an output, or "" when it can."""
    found = NOT_XML.search(text)
    if not found:
        return ""
    code = ord(found.group())
    what = (
        "a lone surrogate"
        if 0xD800 <= code <= 0xDFFF
        else "the control character"
        if code < 0x20 or code == 0x7F
        else "the character"
    )
    return f"the text holds {what} U+{code:04X}, which no export can carry: remove it"


# libyaml's words for a problem, where plainer ones help (PyYAML's own reader says these itself).
PLAIN_PROBLEMS = {
    "found invalid Unicode character escape code": "this escape stands for a lone surrogate or a number above "
    "U+10FFFF, which no export can carry: remove it",
}


class DuplicateKey(yaml.MarkedYAMLError):
    pass


class Refused(yaml.MarkedYAMLError):
    """Well-formed YAML this reader will not take: too big, too deep, or holding what outputs cannot carry."""


if TYPE_CHECKING or not yaml.__with_libyaml__:  # PyYAML built without libyaml: the same reader, slower
    _Parser = yaml.SafeLoader
else:
    from yaml._yaml import CParser

    class _Parser(Composer, CParser, SafeConstructor, Resolver):
        """libyaml scans and parses (ten times faster than PyYAML's Python scanner); composing stays
        in Python, where the limits below are kept."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)


class _MarkedLoader(_Parser):
    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0
        self.values = 0
        self.weights: dict[int, int] = {}  # id(node) -> values it stands for, once composed

    def compose_node(self, parent, index):
        mark = self.peek_event().start_mark
        alias = self.check_event(AliasEvent)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise Refused(None, None, f"the data is nested more than {MAX_DEPTH} levels deep", mark)
        node = super().compose_node(parent, index)
        self.depth -= 1
        if alias:
            weight = self.weights.get(id(node))
            if weight is None:
                raise Refused(None, None, "an alias cannot stand for the list or mapping that holds it", mark)
        else:
            weight = self._weigh(node)
        self.values += weight if alias else 1
        if self.values > MAX_VALUES:
            raise Refused(
                None,
                None,
                f"the file stands for more than {MAX_VALUES} values once its aliases "
                "are expanded: write the repeated parts out",
                mark,
            )
        return node

    def _weigh(self, node) -> int:
        if isinstance(node, ScalarNode):
            problem = character_problem(node.value)
            if problem:
                raise Refused(None, None, problem, node.start_mark)
            weight = 1
        elif isinstance(node, SequenceNode):
            weight = 1 + sum(self.weights[id(child)] for child in node.value)
        else:
            weight = 1 + sum(self.weights[id(k)] + self.weights[id(v)] for k, v in node.value)
        self.weights[id(node)] = weight
        return weight

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError, TypeError) as error:
            raise Refused(None, None, f"cannot read this value: {shown(str(error))}", node.start_mark) from None

    def construct_yaml_int(self, node):
        if sum(c.isdigit() for c in node.value) > MAX_DIGITS:
            raise Refused(None, None, f"this number has more than {MAX_DIGITS} digits", node.start_mark)
        value = super().construct_yaml_int(node)
        if abs(value) >= 10**MAX_DIGITS:
            raise Refused(None, None, f"this number has more than {MAX_DIGITS} digits", node.start_mark)
        return value

    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise Refused(None, None, "this number is too large (or not a number) for any output", node.start_mark)
        return value

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode):
                raise Refused(None, None, "a key must be a name, not a list or mapping", key_node.start_mark)
            key = key_node.value
            if key in seen:
                raise DuplicateKey(None, None, f"duplicate key '{shown(key)}'", key_node.start_mark)
            seen[key] = key_node
        mapping = Marked(super().construct_mapping(node, deep=True))
        mapping.position = _position(node.start_mark)
        mapping.positions = {
            self.construct_object(k): _position(v.start_mark if isinstance(v, ScalarNode) else k.start_mark)
            for k, v in node.value
        }
        return mapping


_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _MarkedLoader.construct_mapping)
_MarkedLoader.add_constructor("tag:yaml.org,2002:int", _MarkedLoader.construct_yaml_int)
_MarkedLoader.add_constructor("tag:yaml.org,2002:float", _MarkedLoader.construct_yaml_float)


def load_marked(text: str):
    """Parse YAML; mappings come back as Marked. Raises yaml.YAMLError with a problem_mark."""
    return yaml.load(text, Loader=_MarkedLoader)


def decode(path: Path, data: bytes) -> str:
    """`data` as UTF-8, or LocatedError at the first byte that is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as problem:
        before = data[: problem.start]
        line, column = before.count(b"\n") + 1, len(before) - (before.rfind(b"\n") + 1) + 1
        raise LocatedError(
            [Problem(path, line, column, f"the file is not UTF-8 text (byte 0x{data[problem.start]:02X})")]
        ) from None


def read_marked(path: Path, error: type[LocatedError] = LocatedError):
    """Read and parse a YAML file; any problem becomes `error` naming file:line:column."""
    try:
        data = Path(path).read_bytes()
        if len(data) > MAX_BYTES:
            raise error([Problem(path, 1, 1, f"the file is larger than {MAX_BYTES // 1_000_000} MB")])
        text = decode(path, data)
        return load_marked(text)
    except yaml.reader.ReaderError as problem:
        before = text[: problem.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        raise error(
            [
                Problem(
                    path,
                    line,
                    column,
                    character_problem(chr(problem.character))
                    or f"the file holds the character U+{problem.character:04X}, which YAML does not allow",
                )
            ]
        ) from None
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None) or getattr(problem, "context_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = getattr(problem, "problem", None) or str(problem)
        prefix = "" if isinstance(problem, Refused) or reason in PLAIN_PROBLEMS else "invalid YAML: "
        reason = PLAIN_PROBLEMS.get(reason, reason)
        raise error([Problem(path, line, column, prefix + reason)]) from None
    except LocatedError as problem:
        raise error(problem.problems) from None
    except OSError as problem:
        raise error([Problem(path, 1, 1, f"cannot read the file: {problem.strerror or problem}")]) from None


class MarkedReader(ProblemCollector):
    """Reads fields of Marked mappings, reporting each bad one at its line and column."""

    @staticmethod
    def clean(value: str) -> str:
        return value.strip()

    def at(self, data: Marked, key: str) -> tuple[int, int]:
        """Where `key` stands, or the mapping itself when the key is missing."""
        return data.where(key) if key in data else data.where()

    def text(self, data: Marked, key: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(data.where(), f"'{key}' is missing")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.problem(data.where(key), f"'{key}' must be text (put it in quotes if it reads as yes/no or a number)")
            return ""
        return self.clean(value)

    def line(self, data: Marked, key: str, required: bool = True) -> str:
        """A text on one line: it names something in outputs that keep names on a single line."""
        value = self.text(data, key, required)
        if "\n" in value or "\r" in value:
            self.problem(data.where(key), f"'{key}' must fit on one line")
            return " ".join(value.split())
        return value

    def unknown_keys(self, data: Marked, allowed: set[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.problem(
                    data.where(key), f"unknown key '{shown(key)}' in {what} (allowed: {', '.join(sorted(allowed))})"
                )
