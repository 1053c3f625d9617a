"""Field documentation for editors: one row per field, from the schema walker and the vocabularies.

Two outputs are made from the same rows: the tables on the site's page `velden/` (the markers
`<!-- records:field-docs-networks -->` and `...-initiatives`, rendered by
`overrides/fragments/_field-docs.html`), and the field tables in `CONTRIBUTING.md` /
`CONTRIBUTING.en.md` (`authoring/contributing.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from markupsafe import Markup, escape

from .fields import SchemaField, all_fields, example_value
from .i18n import Strings, vocabulary_label
from .schema import Vocabularies

_EXAMPLE_TEXT_LENGTH = 48


@dataclass(frozen=True)
class FieldRow:
    path: str
    label: str
    required: bool
    kind: str  # a word for the kind of value, in the page's language
    description: str
    codes: list[tuple[str, str]]  # (code, label) for coded fields and fixed choices
    vocabulary: str | None
    example: str  # YAML as an editor writes it

    @property
    def description_html(self) -> Markup:
        """The description with its `code` spans as <code>, everything else escaped."""
        return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(self.description))))


def field_rows(kind: str, lang: str, vocabularies: Vocabularies, records: list[Any] = ()) -> list[FieldRow]:
    """One row per field of the kind, nested fields included; examples from `records` where one has it."""
    strings = Strings(lang)
    examples, none = _Examples(records), _Examples(())
    fields = all_fields(kind)
    # No example is taken from the records for any field of a part that holds personal data.
    personal = tuple(f"{doc.path}." for doc in fields if any(child.personal for child in doc.children))
    rows = []
    for doc in fields:
        codes: list[tuple[str, str]] = []
        if doc.kind == "code":
            provisional = " " + strings.t("field-docs-provisional")
            codes = [
                (code, vocabulary_label(entry, lang) + (provisional if entry.provisional else ""))
                for code, entry in getattr(vocabularies, doc.vocabulary).items()
            ]
        elif doc.kind == "choice":
            codes = [(str(choice), "") for choice in doc.examples]
        rows.append(
            FieldRow(
                path=doc.path,
                label=strings.field(doc.name),
                required=doc.required,
                kind=strings.t(f"field-kind-{doc.kind}")
                + (strings.t("field-kind-list") if doc.many and doc.kind != "object" else ""),
                description=doc.description_in(lang),
                codes=codes,
                vocabulary=doc.vocabulary,
                example=""
                if doc.kind == "object"
                else _example(doc, vocabularies, none if doc.path.startswith(personal) else examples),
            )
        )
    return rows


class _Examples:
    """The records' values for the field docs: the first record with a value for a field gives its
    example. A record is dumped to JSON data (as the example shows it) only once it has a value for
    a field asked about: dumping all of them cost more than the page."""

    def __init__(self, records: Iterable[Any]):
        self.records = list(records)
        self.dumped: dict[int, dict] = {}

    def first(self, path: str) -> Any:
        parts = [(part.removesuffix("[]"), part.endswith("[]")) for part in path.split(".")]
        for index, record in enumerate(self.records):
            value = record
            for name, many in parts:  # _value_at, on the record's model: it runs for every record
                value = value.get(name) if isinstance(value, dict) else getattr(value, name, None)
                if many:
                    value = value[0] if value else None
                if value is None:
                    break
            if value in _EMPTY:
                continue
            if index not in self.dumped:
                self.dumped[index] = record.model_dump(mode="json")
            if (found := _value_at(self.dumped[index], path)) not in _EMPTY:
                return found
        return None


_EMPTY = (None, [], {})


def _example(doc: SchemaField, vocabularies: Vocabularies, records: _Examples) -> str:
    value = records.first(doc.path)
    if value is not None and doc.many and isinstance(value, list):
        value = value[:2]
    if value is None:
        value = example_value(doc, vocabularies)
    return _flow(_shorten(value))


def _value_at(data: Any, path: str) -> Any:
    """The value at `path` (`partners[].name`: of the first item) in JSON data."""
    for part in path.split("."):
        many = part.endswith("[]")
        if not isinstance(data, dict):
            return None
        data = data.get(part.removesuffix("[]"))
        if many:
            data = data[0] if data else None
    return data


def _shorten(value: Any) -> Any:
    if isinstance(value, str):
        value = " ".join(value.split())
        return (
            value if len(value) <= _EXAMPLE_TEXT_LENGTH else value[: _EXAMPLE_TEXT_LENGTH - 1].rstrip() + "…"
        )
    if isinstance(value, dict):
        return {key: _shorten(item) for key, item in value.items() if item not in (None, [], {})}
    if isinstance(value, list):
        return [_shorten(item) for item in value]
    return value


def _flow(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
        return value  # a date as editors write it: the strict loader keeps it as text
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10_000)
    return text.strip().removesuffix("...").strip()
