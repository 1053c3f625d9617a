"""Strict YAML loading for records: one safe document, plain types, and a position for every node.

PyYAML's safe loader follows YAML 1.1, so `NO` becomes False, `12:30` becomes 750, `01234`
becomes 668, the last of two duplicate keys wins silently and `2024-02-30` raises a bare
ValueError. Editors write YAML 1.2 in their editor, so the build must not guess: this loader
resolves only `true`/`false`, `null`/`~`/empty and plain decimal integers implicitly; every other
scalar (dates included) stays a string for the schema to check. It rejects duplicate keys,
anchors and aliases, tags, several documents in one file, and text that is not UTF-8.

It is built on libyaml's `CSafeLoader` (14 x faster than the pure-Python loader); its nodes keep
their start marks, which `positions()` turns into a map from a field path to (line, column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is part of the PyYAML wheels; fall back only where it is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True)
class YamlProblem(Exception):
    """A file that cannot be read as a record, with the position of the problem (1-based)."""

    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


class StrictLoader(_BaseLoader):
    """Safe loader with YAML 1.2-like implicit types and no surprises."""


# Start from no implicit resolvers at all, then allow only what is unambiguous in YAML 1.1 and 1.2.
StrictLoader.yaml_implicit_resolvers = {}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""]
)
# Plain decimal integers without a leading zero: `2018` is a year, `01234` stays a string.
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789")
)


def _check_tags(node: yaml.Node) -> None:
    """Refuse explicit tags (`!!python/...`, `!custom`, `!!timestamp`) anywhere in the tree."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag not in _ALLOWED_TAGS:
            raise YamlProblem(
                current.start_mark.line + 1,
                current.start_mark.column + 1,
                f"the tag {current.tag!r} is not allowed in a record; write a plain value",
            )
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, yaml.Mark] = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise yaml.constructor.ConstructorError(
                None, None, "merge keys (<<) are not allowed in a record", key_node.start_mark
            )
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word, not a list or mapping", key_node.start_mark
            )
        key = key_node.value
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first on line {seen[key].line + 1}); keep one of them",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark
    # Keys are always strings: `NO:` or `1:` must not turn into a bool or an int.
    return {
        key_node.value: loader.construct_object(value_node, deep=deep)
        for key_node, value_node in node.value
    }


StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def _compose(text: str) -> yaml.Node | None:
    loader = StrictLoader(text)
    try:
        # Reading events ourselves is the only way to see anchors and aliases before they expand.
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                raise YamlProblem(
                    mark.line + 1, mark.column + 1, "anchors and aliases (&, *) are not allowed"
                )
    finally:
        loader.dispose()
    loader = StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def load_text(text: str) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML document strictly; return the data and its node tree."""
    try:
        node = _compose(text)
        if node is None:
            return None, None
        _check_tags(node)
        loader = StrictLoader(text)
        try:
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(part for part in (exc.context, exc.problem) if part)
        if exc.context_mark and "another document" in (exc.problem or ""):
            problem = "a record file holds one document; remove the second '---'"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlProblem(line, column, problem or "this is not valid YAML") from None
    except yaml.YAMLError as exc:  # reader errors: NUL bytes and other control characters
        raise YamlProblem(1, 1, str(exc).splitlines()[0]) from None
    return data, node


def load_file(path: Path) -> tuple[Any, yaml.Node | None]:
    """Read a record file as UTF-8 (a BOM is tolerated) and parse it strictly."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(line, column, "the file is not valid UTF-8; save it as UTF-8") from None
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
