"""Strict YAML loading for records: one safe document, plain types, and a position for every node.

PyYAML's safe loader follows YAML 1.1, so `NO` becomes False, `12:30` becomes 750, `01234`
becomes 668, the last of two duplicate keys wins silently and `2024-02-30` raises a bare
ValueError. Editors write YAML 1.2 in their editor, so the build must not guess: this loader
resolves only `true`/`false`, `null`/`~`/empty and plain decimal integers implicitly; every other
scalar (dates included) stays a string for the schema to check. It rejects duplicate keys,
anchors and aliases, tags, several documents in one file, text that is not UTF-8 and files over
`MAX_FILE_BYTES`. Why a text cannot be read is put into the editor's words by `yaml_errors`.

It is built on libyaml's `CSafeLoader` (14 x faster than the pure-Python loader); its nodes keep
their start marks, which `positions()` turns into a map from a field path to (line, column).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .messages import message
from .yaml_errors import YamlProblem, comment_in_text, explain

try:  # libyaml is part of the PyYAML wheels; fall back only where it is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

__all__ = ["MAX_FILE_BYTES", "YamlProblem", "load_file", "load_text", "positions"]

MAX_FILE_BYTES = 256 * 1024
"""A record file larger than this is refused before it is read (the largest real one is far smaller)."""

_STR, _INT, _BOOL, _NULL = (f"tag:yaml.org,2002:{name}" for name in ("str", "int", "bool", "null"))
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_PLAIN_TYPES = {"true": _BOOL, "false": _BOOL, "null": _NULL, "~": _NULL, "": _NULL}
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")  # `2018` is a year; `01234` stays a string
_NUMBER_START = frozenset("-0123456789")  # most scalars are text: no regex for them


class StrictLoader(_BaseLoader):
    """Safe loader with YAML 1.2-like implicit types and no surprises.

    Only `true`/`false`, `null`/`~`/empty and plain decimal integers get a type of their own;
    every other plain scalar is a string. This replaces PyYAML's table of implicit resolvers,
    which libyaml calls for every scalar and which is a third of the loading time.
    """

    def resolve(self, kind, value, implicit):  # noqa: ANN001 - PyYAML's signature
        if kind is yaml.ScalarNode:
            if implicit[0]:  # a plain (unquoted) scalar
                if value[:1] in _NUMBER_START:
                    return _INT if _DECIMAL.match(value) else _STR
                return _PLAIN_TYPES.get(value, _STR)
            return _STR
        return _MAP if kind is yaml.MappingNode else _SEQ

    # No path resolvers are registered, so libyaml's calls around every node can return at once.
    def descend_resolver(self, current_node, current_index):  # noqa: ANN001
        pass

    def ascend_resolver(self):
        pass


_SCALARS = {
    _STR: lambda value: value,
    _INT: int,
    _BOOL: {"true": True, "false": False}.__getitem__,
    _NULL: lambda value: None,
}
_ALLOWED_TAGS = {*_SCALARS, _MAP, _SEQ}


def _problem(node: yaml.Node, said: str, /, **values: Any) -> YamlProblem:
    return YamlProblem(node.start_mark.line + 1, node.start_mark.column + 1, message(said, **values))


def _to_python(node: yaml.Node, seen: set[int]) -> Any:
    """Build plain data from the node tree, refusing tags, aliases, odd keys and duplicate keys.

    This replaces PyYAML's constructors: one walk over the tree does the checks and the building,
    which is several times faster than `construct_document` plus separate checks. An alias makes
    libyaml's composer reuse the anchored node, so a node met twice is an alias; stopping there
    also stops an alias bomb before it expands. Plain strings, most of a record, take the
    shortest way through.
    """
    if id(node) in seen:
        raise _problem(node, "yaml.alias")
    seen.add(id(node))
    tag = node.tag
    if tag not in _ALLOWED_TAGS:
        raise _problem(node, "yaml.tag", tag=tag.replace("tag:yaml.org,2002:", "!!"))
    kind = node.__class__
    if kind is yaml.ScalarNode:
        if tag == _STR:
            return node.value
        try:
            return _SCALARS[tag](node.value)
        except (KeyError, ValueError):
            raise _problem(node, "yaml.tag", tag=tag.replace("tag:yaml.org,2002:", "!!")) from None
    if kind is yaml.SequenceNode:
        return [_to_python(item, seen) for item in node.value]
    data: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not yaml.ScalarNode or key_node.tag not in _SCALARS:
            raise _problem(key_node, "yaml.key_not_plain")
        # Keys are always strings: `NO:` or `1:` must not turn into a bool or an int.
        key = key_node.value
        if key in first_line:
            raise _problem(key_node, "yaml.duplicate_key", key=key, line=first_line[key])
        first_line[key] = key_node.start_mark.line + 1
        data[key] = _to_python(value_node, seen)
    return data


def load_text(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document strictly; return the data and its node tree."""
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        data = _to_python(node, set())
        if (cut := comment_in_text(text, node)) is not None:
            raise cut
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise explain(text, exc) from None
    except yaml.YAMLError:  # reader errors: NUL bytes and other control characters
        raise YamlProblem(1, 1, message("yaml.control_character")) from None
    except RecursionError:
        raise YamlProblem(1, 1, message("yaml.too_deep")) from None
    finally:
        loader.dispose()
    return data, node


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{-(-size // 1024)} KB"


def load_file(path: Path) -> tuple[Any, yaml.Node | None]:
    """Read a record file as UTF-8 (a BOM is tolerated) and parse it strictly.

    A file over MAX_FILE_BYTES is refused before it is read: parsing tens of megabytes and
    quoting them back would flood the terminal and the pull request.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlProblem(1, 1, message("file.too_large", size=_size(size), limit=_size(MAX_FILE_BYTES)))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(line, column, message("file.not_utf8")) from None
    return load_text(text)


def positions(node: yaml.Node | None) -> dict[Path_, tuple[int, int]]:
    """Map every field path to the 1-based (line, column) of its value.

    A path ends in `("__key__",)` for the position of a mapping key itself, which is where an
    unknown field is reported.
    """
    out: dict[Path_, tuple[int, int]] = {}
    if node is None:
        return out
    stack: list[tuple[yaml.Node, Path_]] = [(node, ())]
    while stack:
        current, path = stack.pop()
        out[path] = (current.start_mark.line + 1, current.start_mark.column + 1)
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                key = key_node.value
                out[(*path, key, "__key__")] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                stack.append((value_node, (*path, key)))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                stack.append((item, (*path, index)))
    return out
