"""The translation report: every record text that has Dutch but no English yet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from ..records.catalog import Catalog, field_name
from ..records.messages import message
from ..records.schema import Text
from ..records.strict_yaml import load_file, positions


def _missing(value: object, loc: tuple) -> Iterator[tuple]:
    if isinstance(value, Text):
        if value.missing():
            yield loc
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _missing(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _missing(item, (*loc, index))


def missing_english(catalog: Catalog, root: Path, lang: str | None = None) -> list[str]:
    """Lines `path:line:column: field: no English text`, one per untranslated text, in the messages'
    language `lang`."""
    missing = message("translations.missing").text(lang)
    lines = []
    for entry in catalog.all_entries():
        locs = list(_missing(entry.record, ()))
        if not locs:
            continue
        pos = positions(load_file(root / entry.path)[1])
        for loc in locs:
            line, column = pos.get(loc, (1, 1))
            lines.append(
                f"{entry.path}:{line}:{column}: {field_name(loc)}: {missing}"
            )
    for index, group in enumerate(catalog.key_figures):
        if group.note and group.note.missing():
            lines.append(f"content/key-figures.yml: [{index}].note: {missing}")
        for number, figure in enumerate(group.figures):
            if figure.label.missing():
                lines.append(f"content/key-figures.yml: [{index}].figures[{number}].label: {missing}")
    return lines
