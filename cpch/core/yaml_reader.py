"""YAML reading that remembers where every mapping and value stands in the file."""

from pathlib import Path

import yaml

from cpch.core.problems import LocatedError, Problem, ProblemCollector


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


class DuplicateKey(yaml.MarkedYAMLError):
    pass


class _MarkedLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                raise DuplicateKey(None, None, f"duplicate key '{key}'", key_node.start_mark)
            seen[key] = key_node
        mapping = Marked(super().construct_mapping(node, deep=True))
        mapping.position = _position(node.start_mark)
        mapping.positions = {
            k.value: _position(v.start_mark if isinstance(v, yaml.ScalarNode) else k.start_mark) for k, v in node.value
        }
        return mapping


_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _MarkedLoader.construct_mapping)


def load_marked(text: str):
    """Parse YAML; mappings come back as Marked. Raises yaml.YAMLError with a problem_mark."""
    return yaml.load(text, Loader=_MarkedLoader)


def read_marked(path: Path, error: type[LocatedError] = LocatedError):
    """Read and parse a YAML file; a syntax or read error becomes `error` naming file:line:column."""
    try:
        return load_marked(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None) or getattr(problem, "context_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = getattr(problem, "problem", None) or str(problem)
        raise error([Problem(path, line, column, f"invalid YAML: {reason}")]) from None
    except (OSError, UnicodeDecodeError) as problem:
        raise error([Problem(path, 1, 1, f"cannot read the file: {problem}")]) from None


class MarkedReader(ProblemCollector):
    """Reads fields of Marked mappings, reporting each bad one at its line and column."""

    @staticmethod
    def clean(value: str) -> str:
        return value.strip()

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

    def unknown_keys(self, data: Marked, allowed: set[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.problem(data.where(key), f"unknown key '{key}' in {what} (allowed: {', '.join(sorted(allowed))})")
