"""What the record checks say to editors, in Dutch (the default) or English, from one table.

Every text lives in `messages.yml` beside this module, keyed, with a text for each language of the
site (Dutch and English, as in `sitegen.site`) side by side and
`{placeholders}` for the values; a text that depends on a number has a `one` and an `other` form.
Code never writes an editor's message itself: it makes a `Message` (a key and its values) with
`message(key, ...)`, which refuses a key the table does not have, and the message is put into
words only when it is shown, in the language asked for:

- `python -m sitegen check --lang en` (`make check MESSAGES=en`), or
- the environment variable `SITEGEN_MESSAGES=en` (also read by the MkDocs builds and `make serve`).

A value from a record is quoted at most `QUOTE_LIMIT` characters long, so a huge field cannot
flood the terminal or a pull request's annotations.
"""

from __future__ import annotations

import os
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic_core import PydanticCustomError

from .caches import per_build

LANGUAGE_ENV = "SITEGEN_MESSAGES"
"""Environment variable that chooses the language of the messages (nl or en)."""
QUOTE_LIMIT = 80
"""At most this many characters of a value are repeated in a message."""
UNSHORTENED = frozenset(
    {"known", "allowed", "expected", "other", "text", "names", "nearest", "where", "table", "candidates"}
)
"""Placeholders that list what is allowed or name another file: the project's own words, never cut short."""
TABLE_FILE = Path(__file__).with_name("messages.yml")


@per_build  # read again in every build, so that an edit shows in `mkdocs serve`
def table() -> dict[str, dict[str, Any]]:
    """The message table: key -> {"nl": text or {one, other}, "en": ...}."""
    # The plain safe loader is enough: the file is the project's own and holds only strings.
    return yaml.safe_load(TABLE_FILE.read_text(encoding="utf-8"))


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def languages() -> tuple[str, ...]:
    """The languages of the table, in its order: the site model's (`sitegen.site`; a test checks it)."""
    return tuple(next(iter(table().values())))


def language(requested: str | None = None) -> str:
    """The messages' language: the one requested, else `SITEGEN_MESSAGES`, else the first (Dutch)."""
    lang = (requested or os.environ.get(LANGUAGE_ENV) or languages()[0]).strip().lower()
    if lang not in languages():
        raise ValueError(f"unknown message language {lang!r}; choose one of {', '.join(languages())}")
    return lang


def shorten(value: Any) -> str:
    """A value as quoted in a message: at most QUOTE_LIMIT characters, then an ellipsis."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"


@dataclass(frozen=True)
class Message:
    """One message: a key of the table and the values for its placeholders."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str | None = None) -> str:
        lang = language(lang)
        values = dict(self.values)
        entry = table()[self.key][lang]
        if isinstance(entry, dict):
            entry = entry["one" if values.get("count") == 1 else "other"]
        shown = {
            name: value.text(lang)
            if isinstance(value, Message)
            else value
            if name in UNSHORTENED or isinstance(value, int)
            else shorten(value)
            for name, value in values.items()
        }
        return entry.format(**shown)

    def __str__(self) -> str:
        return self.text()


def message(key: str, /, **values: Any) -> Message:
    """A message of the table; an unknown key or a missing or extra value is a programming error."""
    entry = table().get(key)
    if entry is None:
        raise KeyError(f"no message {key!r} in {TABLE_FILE.name}")
    forms = entry["en"] if isinstance(entry["en"], dict) else {"": entry["en"]}
    expected = set().union(*(placeholders(text) for text in forms.values()))
    if expected != set(values):
        raise KeyError(f"message {key!r} takes {sorted(expected)}, not {sorted(values)}")
    return Message(key, tuple(sorted(values.items())))


def field_error(key: str, /, **values: Any) -> PydanticCustomError:
    """A validation error of the schema whose type is a key of the table (the catalog words it).

    The English text is pydantic's own message, for anyone using the models directly.
    """
    message(key, **values)  # an unknown key or wrong values fail here, where the error is made
    return PydanticCustomError(key, table()[key]["en"], values)
