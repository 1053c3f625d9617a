"""Why a record's YAML cannot be read, in the editor's words: the mistake, where it is, what to do.

libyaml reports where it got stuck, in its own terms ("mapping values are not allowed in this
context"), often a line after the mistake. `explain` looks at the text around that place and
names the mistake an editor actually made: a tab, a colon or `#` in unquoted text, no space
after a colon or dash, bad indentation, a quote or bracket left open, a stray `-`. The position
is the mistake's, and the field is named when the line shows it. Anything not recognised keeps
libyaml's own words, so no error is ever hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .messages import Message, message

_KEY = re.compile(r"^( *)((?:- +)*)([A-Za-z_][A-Za-z0-9_-]*) *:(?= |$)")
"""A block mapping line: indentation, list dashes, the field name and its colon."""
_NO_SPACE_COLON = re.compile(r"^ *(?:- +)*[A-Za-z_][A-Za-z0-9_-]*:(?=[^\s/])")
_NO_SPACE_DASH = re.compile(r"^ *-(?=[^\s-])")
_TAB_INDENT = re.compile(r"^[ ]*\t")
_FLOW_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*) *: ")
_BRACKETS = {"[": "]", "{": "}"}


class YamlProblem(Exception):
    """A file that cannot be read as a record: 1-based position, the editor's message, the field if known."""

    def __init__(self, line: int, column: int, text: Message, field: str = ""):
        super().__init__(f"{line}:{column}: {text.text('en')}")
        self.line, self.column, self.message, self.field = line, column, text, field

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


def field_at(lines: list[str], index: int, column: int | None = None) -> str:
    """The dotted field name of the key on line `index` (0-based), from the keys above it.

    Inside a one-line mapping (`title: {nl: ..., en: ...}`) the key before `column` is added.
    On a list item the field is the list's. List positions are left out: the line number says
    which item it is.
    """
    if not 0 <= index < len(lines):
        return ""
    line = lines[index]
    found = _KEY.match(line)
    if found:
        path = [found.group(3)]
        if column is not None and "{" in line[:column]:
            inner = _FLOW_KEY.findall(line[line.rindex("{", 0, column) + 1 : column])
            if inner:
                path.append(inner[-1])
        indent = len(found.group(1)) + len(found.group(2))
    elif item := re.match(r"( *)- ", line):
        path = []  # a list item: the field is the list's
        indent = len(item.group(1)) + 1  # a list may start in its key's own column
    else:
        return ""
    for above in reversed(lines[:index]):
        if indent == 0:
            break
        stripped = above.strip()
        if not stripped or stripped.startswith("#"):
            continue
        width = len(above) - len(above.lstrip(" "))
        parent = _KEY.match(above)
        if parent and width + len(parent.group(2)) < indent:
            path.insert(0, parent.group(3))
            indent = width
        elif width < indent:
            indent = width
    return ".".join(path)


@dataclass(frozen=True)
class _Stop:
    """Where libyaml stopped in a file, and what it said."""

    lines: list[str]
    problem: str
    context: str
    row: int
    col: int
    start: Any  # the mark of the construct it was reading, if any

    def char(self, line: int, column: int) -> str:
        lines = self.lines
        return lines[line][column] if 0 <= line < len(lines) and 0 <= column < len(lines[line]) else ""

    def at(self, line: int, column: int, key: str, with_field: bool = True, **values) -> YamlProblem:
        field = field_at(self.lines, line, column) if with_field else ""
        return YamlProblem(line + 1, column + 1, message(key, **values), field)


def explain(text: str, error: yaml.MarkedYAMLError) -> YamlProblem:
    """The editor's mistake behind a libyaml error: the first of the rules below that recognises it."""
    mark = error.problem_mark or error.context_mark
    stop = _Stop(
        lines=[line.rstrip("\r") for line in text.split("\n")],
        problem=error.problem or "",
        context=error.context or "",
        row=mark.line if mark else 0,
        col=mark.column if mark else 0,
        start=error.context_mark,
    )
    for rule in _RULES:
        if (found := rule(stop)) is not None:
            return found
    detail = " ".join(part for part in (stop.context, stop.problem) if part) or "unknown"
    return stop.at(stop.row, stop.col, "yaml.other", with_field=False, detail=detail)


def _tab(stop: _Stop) -> YamlProblem | None:
    """A tab anywhere in the indentation up to the place the parser stopped is the mistake."""
    lines, row, col = stop.lines, stop.row, stop.col
    for index in range(min(row, len(lines) - 1) + 1):
        if _TAB_INDENT.match(lines[index]):
            spaced = [line.replace("\t", "  ") for line in lines]
            return YamlProblem(
                index + 1, lines[index].index("\t") + 1, message("yaml.tab"), field_at(spaced, index)
            )
    return stop.at(row, col, "yaml.tab", with_field=False) if stop.char(row, col) == "\t" else None


def _second_document(stop: _Stop) -> YamlProblem | None:
    if "another document" in stop.problem:
        return stop.at(stop.row, stop.col, "yaml.one_document", with_field=False)
    return None


def _unclosed_quote(stop: _Stop) -> YamlProblem | None:
    start = stop.start
    if stop.context.startswith("while scanning a quoted scalar") and start:
        quote = stop.char(start.line, start.column) or '"'
        return stop.at(start.line, start.column, "yaml.unclosed_quote", quote=quote)
    return None


def _no_space(stop: _Stop) -> YamlProblem | None:
    """No space after a colon or a dash, on the lines where the parser lost its way."""
    lines, row, start = stop.lines, stop.row, stop.start
    first = start.line if start and start.line <= row else max(row - 1, 0)
    for index in range(first, min(row, len(lines) - 1) + 1):
        if found := _NO_SPACE_COLON.match(lines[index]):
            return stop.at(index, found.end(), "yaml.colon_space", with_field=False)
        if found := _NO_SPACE_DASH.match(lines[index]):
            return stop.at(index, found.end() - 1, "yaml.dash_space", with_field=False)
    return None


def _flow(stop: _Stop) -> YamlProblem | None:
    """In `[...]` or `{...}`: a colon or ` #` in a text, or a bracket left open."""
    start, row, col = stop.start, stop.row, stop.col
    flow = stop.context.startswith(("while parsing a flow sequence", "while parsing a flow mapping"))
    if not (flow and start):
        return None
    if stop.char(row, col) == ":" and row == start.line:
        return stop.at(row, col, "yaml.colon_in_text")
    opening = stop.lines[start.line][start.column :]
    if (hash_at := opening.find(" #")) >= 0:
        return stop.at(start.line, start.column + hash_at + 1, "yaml.hash_in_text")
    bracket = stop.char(start.line, start.column) or "["
    closing = _BRACKETS.get(bracket, "]")
    return stop.at(start.line, start.column, "yaml.unclosed_bracket", bracket=bracket, closing=closing)


def _mapping_value(stop: _Stop) -> YamlProblem | None:
    """A colon where none may be: in a text, or after a line that lacks its own."""
    if "mapping values are not allowed" not in stop.problem:
        return None
    lines, row, col = stop.lines, stop.row, stop.col
    key = _KEY.match(lines[row]) if row < len(lines) else None
    own_colon = key.end() - 1 if key else -1
    if col != own_colon:
        return stop.at(row, col, "yaml.colon_in_text")
    previous = next(
        (i for i in range(row - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")),
        None,
    )
    if previous is not None and ":" not in lines[previous] and not lines[previous].lstrip().startswith("-"):
        indent = len(lines[previous]) - len(lines[previous].lstrip())
        return stop.at(previous, indent, "yaml.missing_colon", with_field=False)
    return stop.at(row, len(lines[row]) - len(lines[row].lstrip()), "yaml.indentation", with_field=False)


def _expected_colon(stop: _Stop) -> YamlProblem | None:
    if "could not find expected ':'" in stop.problem and stop.start:
        return stop.at(stop.start.line, stop.start.column, "yaml.missing_colon", with_field=False)
    return None


_BLOCK_END = ("did not find expected key", "expected <block end>", "did not find expected '-' indicator")


def _block_end(stop: _Stop) -> YamlProblem | None:
    """The block ended where the editor did not mean it to: a stray dash, a quote, the indentation."""
    if not any(part in stop.problem for part in _BLOCK_END):
        return None
    lines, row, col = stop.lines, stop.row, stop.col
    if stop.char(row, col) == "-":
        return stop.at(row, col, "yaml.stray_dash", with_field=False)
    quote = next((q for q in (stop.char(row, col - 1), stop.char(row, col - 2)) if q in {'"', "'"}), "")
    if quote:
        # A quote left open on an earlier line runs on to the next quote mark: report the opening.
        opening = next((i for i in range(row - 1, -1, -1) if lines[i].count(quote) % 2), None)
        if opening is not None:
            return stop.at(opening, lines[opening].rindex(quote), "yaml.unclosed_quote", quote=quote)
        return stop.at(row, col, "yaml.text_after_quote", with_field=False)
    return stop.at(row, col, "yaml.indentation", with_field=False)


def _reserved_start(stop: _Stop) -> YamlProblem | None:
    if "cannot start any token" in stop.problem and stop.char(stop.row, stop.col):
        return stop.at(stop.row, stop.col, "yaml.reserved_start", char=stop.char(stop.row, stop.col))
    return None


_RULES = (
    _tab, _second_document, _unclosed_quote, _no_space, _flow, _mapping_value, _expected_colon, _block_end,
    _reserved_start,
)
"""In order: the first that recognises the stop explains it."""


def comment_in_text(text: str, node: yaml.Node) -> YamlProblem | None:
    """A text cut short by ` #`: YAML makes a comment of the rest, where the editor meant text.

    A comment is `# words`; text such as `Regio #1` or `#techniek` has no space after the `#`,
    so only that is reported, after a plain (unquoted) value, or where the value is empty.
    """
    if not re.search(r"[ \t]#[^\s#]", text):
        return None
    lines = text.split("\n")
    found_all: list[YamlProblem] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif current.style in (None, "") and current.end_mark.line < len(lines):
            end = current.end_mark
            rest = lines[end.line][end.column :]
            if found := re.match(r"[ \t]+#[^\s#]", rest):
                column = end.column + found.end() - 2
                found_all.append(
                    YamlProblem(
                        end.line + 1,
                        column + 1,
                        message("yaml.hash_in_text"),
                        field_at(lines, end.line, column),
                    )
                )
    return min(found_all, key=lambda problem: (problem.line, problem.column), default=None)
