"""Open data: every record as JSON and CSV in `site/data/`, and schema.org JSON-LD on record pages.

The columns and keys are derived from the pydantic models in `schema.py` by walking their fields,
never from a hand-kept list: a field added to the schema appears in the files by itself. A coded
field carries its code and both languages' labels. Personal data follows the pages' rule: a
contact's name, role, e-mail and phone are published only when the record says `publish: true`.

`write_open_data` is a post-build step (see `build.py`); the fields are documented on the
`open-data` page of both languages.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import types
import typing
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..records.catalog import Catalog, Entry
from ..records.i18n import Strings
from ..records.schema import Contact, Record, Text
from ..site import LANGUAGE_CODES, LANGUAGES, RECORD_KINDS, record_path
from .build_context import BuildContext

DATA_DIR = "data"
LIST_SEPARATOR = " | "
"""Between the items of a list in one CSV cell."""
LICENCE = "PLACEHOLDER: the licence of this data has not been chosen yet (for example CC BY 4.0)."
"""Shown in every JSON file and on the open-data pages; replace it when the licence is decided."""
PRIVATE_CONTACT_FIELDS = ("name", "role", "email", "phone")


# Walking the schema ----------------------------------------------------------------------------


def vocabulary_of(annotation: Any, info: FieldInfo | None = None) -> str | None:
    """The vocabulary a coded field (or the items of a list of codes) takes its codes from."""
    extra = info.json_schema_extra if info is not None else None
    if isinstance(extra, dict) and "x-vocabulary" in extra:
        return str(extra["x-vocabulary"])
    for arg in typing.get_args(annotation):
        if isinstance(arg, FieldInfo):
            found = vocabulary_of(None, arg)
        elif arg is type(None):
            continue
        else:
            found = vocabulary_of(arg)
        if found:
            return found
    return None


def _strip(annotation: Any) -> Any:
    """Optional[X] -> X and Annotated[X, ...] -> X (lists are kept)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            return annotation


def field_names(model: type[BaseModel]) -> list[str]:
    """A model's fields; a record's own fields (name, title …) before those every record has."""
    names = list(model.model_fields)
    if issubclass(model, Record) and model is not Record:
        own = [name for name in names if name not in Record.model_fields]
        return own + [name for name in names if name not in own]
    return names


def _is_model(annotation: Any, base: type = BaseModel) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, base)


def _item(annotation: Any) -> Any | None:
    """The item type of a list annotation, or None."""
    stripped = _strip(annotation)
    return typing.get_args(stripped)[0] if typing.get_origin(stripped) is list else None


# JSON ------------------------------------------------------------------------------------------


@functools.cache
def _json_fields(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    """(name, vocabulary or None) of each field, in output order: the schema is walked once a model."""
    fields = model.model_fields
    return tuple((name, vocabulary_of(fields[name].annotation, fields[name])) for name in field_names(model))


def to_json(value: Any, catalog: Catalog, vocabulary: str | None = None) -> Any:
    """A record value as plain JSON data; codes (of `vocabulary`) become {code, nl, en}."""
    if value is None:
        return None
    if isinstance(value, BaseModel):
        data = {name: to_json(getattr(value, name), catalog, codes) for name, codes in _json_fields(type(value))}
        if isinstance(value, Contact) and not value.publish:
            for name in PRIVATE_CONTACT_FIELDS:
                data[name] = None
        return data
    if isinstance(value, list):  # a list of codes has the vocabulary of its items
        return [to_json(element, catalog, vocabulary) for element in value]
    if vocabulary:
        return {"code": value, **{lang: catalog.label(vocabulary, value, lang) for lang in LANGUAGE_CODES}}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def pages_of(entry: Entry) -> dict[str, str]:
    """The record's page in each language, relative to the site root."""
    path = record_path(entry.kind, entry.id)
    return {language.code: language.page(path) for language in LANGUAGES}


def record_json(entry: Entry, catalog: Catalog) -> dict:
    return {"id": entry.id, "page": pages_of(entry), **to_json(entry.record, catalog)}


def records_document(kind: str, catalog: Catalog) -> dict:
    entries = sorted(catalog.entries.get(kind, {}).values(), key=lambda entry: entry.id)
    return {
        "kind": kind,
        "licence": LICENCE,
        "documentation": {language.code: language.page("open-data/") for language in LANGUAGES},
        "count": len(entries),
        "records": [record_json(entry, catalog) for entry in entries],
    }


# CSV -------------------------------------------------------------------------------------------


@functools.cache
def columns(model: type[BaseModel], prefix: str = "") -> tuple[tuple[str, str, str], ...]:
    """(column name, field path, how) for every field of `model`, nested models flattened.

    how: `code` (code column plus a label column per language), `text` (one column per language),
    `list` (items joined), `json` (a list of structured items as JSON), `value`.
    """
    result: list[tuple[str, str, str]] = []
    for name in field_names(model):
        info = model.model_fields[name]
        path = f"{prefix}{name}"
        annotation = _strip(info.annotation)
        item = _item(annotation)
        if vocabulary_of(info.annotation, info):
            result.append((path, path, "code"))
        elif _is_model(annotation, Text) or (item is not None and _is_model(_strip(item), Text)):
            result.append((path, path, "text"))
        elif _is_model(annotation):
            result.extend(columns(annotation, f"{path}."))
        elif item is not None and _is_model(_strip(item)):
            result.append((path, path, "json"))
        elif item is not None:
            result.append((path, path, "list"))
        else:
            result.append((path, path, "value"))
    return tuple(result)


def _csv_names(name: str, how: str) -> list[str]:
    if how == "code":
        return [name, *(f"{name}_{lang}" for lang in LANGUAGE_CODES)]
    if how == "text":
        return [f"{name}_{lang}" for lang in LANGUAGE_CODES]
    return [name]


def csv_header(model: type[BaseModel]) -> list[str]:
    header = ["id", *(f"page_{lang}" for lang in LANGUAGE_CODES)]
    for name, _, how in columns(model):
        header += _csv_names(name, how)
    return header


def documented_columns(kind: str, lang: str) -> list[dict]:
    """Every field of the files with its label in `lang` and its CSV columns, for the docs page."""
    strings = Strings(lang)
    rows = [
        {"path": "id", "label": strings.t("open-data-id"), "csv": ["id"]},
        {"path": "page", "label": strings.t("open-data-page"), "csv": [f"page_{code}" for code in LANGUAGE_CODES]},
    ]
    for name, path, how in columns(RECORD_KINDS[kind].model):
        label = " › ".join(strings.field(part) for part in path.split("."))
        rows.append({"path": path, "label": label, "csv": _csv_names(name, how)})
    return rows


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
    for _, path, how in columns(model):
        value = _lookup(record, path)
        items = value if isinstance(value, list) else ([] if value is None else [value])
        if how == "code":
            row.append(LIST_SEPARATOR.join(item["code"] for item in items))
            row += [LIST_SEPARATOR.join(item[lang] for item in items) for lang in LANGUAGE_CODES]
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
    model = RECORD_KINDS[kind].model
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
    for kind in RECORD_KINDS:
        document = records_document(kind, catalog)
        (folder / f"{kind}.json").write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (folder / f"{kind}.csv").write_text(records_csv(kind, document), encoding="utf-8", newline="")


# JSON-LD ---------------------------------------------------------------------------------------


def _script_json(data: dict) -> Markup:
    """JSON that cannot end its <script> element early: `<`, `>` and `&` as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _place(name: str) -> dict:
    return {"@type": "AdministrativeArea", "name": name}


def json_ld(entry: Entry, catalog: Catalog, lang: str, page_url: str) -> Markup:
    """schema.org description of a record: an Organization for a network, a Project for an initiative."""
    record = entry.record
    data: dict[str, Any] = {"@context": "https://schema.org"}
    if entry.kind == "networks":
        data |= {"@type": "Organization", "name": record.name}
        alternates = [name for name in [record.short_name, *record.former_names] if name]
        if alternates:
            data["alternateName"] = alternates
        if record.founded:
            data["foundingDate"] = str(record.founded)
        areas = [catalog.label("provinces", code, lang) for code in record.provinces]
        knows = [catalog.label("domains", code, lang) for code in record.domains]
        members = []
        if record.partners:
            members = [*record.partners.universities, *record.partners.universities_of_applied_sciences]
    else:
        data |= {"@type": "Project", "name": record.title.get(lang)}
        if record.start_year is not None:
            data["foundingDate"] = str(record.start_year)
        areas = [catalog.label("labour_market_regions", record.labour_market_region, lang)]
        areas += [catalog.label("provinces", code, lang) for code in record.provinces]
        knows = [catalog.label("sectors", code, lang) for code in record.sectors]
        knows += [catalog.label("themes", code, lang) for code in record.themes]
        members = [*record.schools.vmbo, *record.schools.mbo, *record.other_parties]
        if record.parent and record.parent in catalog.initiatives:
            data["parentOrganization"] = {"@type": "Project", "name": catalog.initiatives[record.parent].title.get(lang)}
        if record.networks:
            data["memberOf"] = [{"@type": "Organization", "name": catalog.networks[id_].name}
                                for id_ in record.networks if id_ in catalog.networks]
    data["description"] = record.summary.get(lang)
    if page_url:
        data["url"] = page_url
    if record.website:
        data["sameAs"] = record.website
    if areas:
        data["areaServed"] = [_place(name) for name in areas]
    if knows:
        data["knowsAbout"] = knows
    if members:
        data["member"] = [{"@type": "Organization", "name": name} for name in members]
    if record.contact and record.contact.organisation:
        contact = {"@type": "ContactPoint", "name": record.contact.organisation}
        if record.contact.publish and record.contact.email:
            contact["email"] = str(record.contact.email)
        data["contactPoint"] = contact
    return _script_json(data)
