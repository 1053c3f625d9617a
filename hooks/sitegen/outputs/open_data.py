"""Open data: every record as JSON and CSV in `site/data/` (record pages carry JSON-LD of their own:
`pages/json_ld.py`).

The columns and keys come from the schema walker (`records/fields.py`), never from a hand-kept
list: a field added to the schema appears in the files by itself. A coded field carries its code
and both languages' labels; a place (a province, a labour-market region, a municipality:
`PLACE_VOCABULARIES`) also its CBS code, from the vocabulary. Personal data follows the schema's
marker (`x-personal`, see `records/schema.py`): it is published only where the contact says
`publish: true`.

`write_open_data` is a post-build step (see `build.py`); the fields are documented on the
`open-data` page of both languages, and every JSON file names the licence the language builds read
from `extra.open_data_licence` (`pages/licence.py`).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from typing import Any

from pydantic import BaseModel

from ..pages.licence import Licence
from ..records.catalog import Catalog, Entry
from ..records.fields import columns, fields_of
from ..records.kinds import KINDS, record_path
from ..records.schema import PLACE_VOCABULARIES, Contact
from ..site import LANGUAGE_CODES, LANGUAGES
from .build_context import BuildContext

DATA_DIR = "data"
LIST_SEPARATOR = " | "
"""Between the items of a list in one CSV cell."""


# JSON ------------------------------------------------------------------------------------------


def to_json(value: Any, catalog: Catalog, vocabulary: str | None = None) -> Any:
    """A record value as plain JSON data; codes (of `vocabulary`) become {code, nl, en}."""
    if value is None:
        return None
    if isinstance(value, BaseModel):
        published = value.published if isinstance(value, Contact) else functools.partial(getattr, value)
        return {
            item.name: to_json(published(item.name), catalog, item.vocabulary)
            for item in fields_of(type(value))
        }
    if isinstance(value, list):  # a list of codes has the vocabulary of its items
        return [to_json(element, catalog, vocabulary) for element in value]
    if vocabulary:
        data = {"code": value, **{lang: catalog.label(vocabulary, value, lang) for lang in LANGUAGE_CODES}}
        if vocabulary in PLACE_VOCABULARIES:
            data["cbs_code"] = getattr(catalog.vocabularies, vocabulary)[value].cbs_code
        return data
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def pages_of(entry: Entry) -> dict[str, str]:
    """The record's page in each language, relative to the site root."""
    path = record_path(entry.kind, entry.id)
    return {language.code: language.page(path) for language in LANGUAGES}


def record_json(entry: Entry, catalog: Catalog) -> dict:
    return {"id": entry.id, "page": pages_of(entry), **to_json(entry.record, catalog)}


def records_document(kind: str, catalog: Catalog, licence: Licence) -> dict:
    entries = sorted(catalog.entries.get(kind, {}).values(), key=lambda entry: entry.id)
    return {
        "kind": kind,
        "licence": licence.as_json(),
        "documentation": {language.code: language.page("open-data/") for language in LANGUAGES},
        "count": len(entries),
        "records": [record_json(entry, catalog) for entry in entries],
    }


# CSV -------------------------------------------------------------------------------------------


def csv_header(model: type[BaseModel]) -> list[str]:
    return [
        "id",
        *(f"page_{lang}" for lang in LANGUAGE_CODES),
        *(name for column in columns(model) for name in column.names),
    ]


def _lookup(data: dict, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""How a spreadsheet recognises a formula; record text must never run as one."""


def _spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading `'`."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_row(record: dict, model: type[BaseModel]) -> list[str]:
    row = [record["id"], *(record["page"][lang] for lang in LANGUAGE_CODES)]
    for column in columns(model):
        how = column.how
        value = _lookup(record, column.path)
        items = value if isinstance(value, list) else ([] if value is None else [value])
        if how in ("code", "place"):
            row.append(LIST_SEPARATOR.join(item["code"] for item in items))
            row += [LIST_SEPARATOR.join(item[lang] for item in items) for lang in LANGUAGE_CODES]
            if how == "place":
                row.append(LIST_SEPARATOR.join(item["cbs_code"] for item in items))
        elif how == "text":
            row += [LIST_SEPARATOR.join(_cell(item.get(lang)) for item in items) for lang in LANGUAGE_CODES]
        elif how == "json":
            row.append(json.dumps(value, ensure_ascii=False) if value else "")
        elif how == "list":
            row.append(LIST_SEPARATOR.join(_cell(item) for item in items))
        else:
            row.append(_cell(value))
    return [_spreadsheet_safe(cell) for cell in row]


def records_csv(kind: str, document: dict) -> str:
    """The CSV twin of a kind's JSON document (`records_document`)."""
    model = KINDS[kind].model
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_header(model))
    for record in document["records"]:
        writer.writerow(csv_row(record, model))
    return buffer.getvalue()


def write_open_data(build: BuildContext) -> None:
    """Post-build step: `site/data/<kind>.json` and `.csv` for every record kind."""
    catalog = build.catalog
    folder = build.site / DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        document = records_document(kind, catalog, build.licence)
        (folder / f"{kind}.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        (folder / f"{kind}.csv").write_text(records_csv(kind, document), encoding="utf-8", newline="")
