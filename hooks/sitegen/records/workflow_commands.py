"""GitHub Actions workflow commands: the `::error file=...,line=...,col=...::message` lines that
Actions turns into annotations on a file (a record's line for `make check`, a built page for the
HTML validity test). Only the format and its escaping live here; callers decide when to print."""

from __future__ import annotations


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    severity: str, message: str, file: str, line: int | None = None, col: int | None = None
) -> str:
    """`::error file=a.yml,line=3,col=9::message` (`severity`: error, warning or notice); a line
    and column only when known."""
    properties = [f"file={_escape_property(file)}"]
    properties += [f"{name}={value}" for name, value in (("line", line), ("col", col)) if value is not None]
    return f"::{severity} {','.join(properties)}::{_escape_data(message)}"
