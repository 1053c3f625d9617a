"""The schema walker: every field of a model, walked once from the pydantic models.

`fields_of(model)` returns a model's fields in a readable order (a record's own fields first, then
those every record has), nested fields as children; `record_fields(kind)` those of a record kind.
What a field holds comes from the model's JSON Schema (type, format, examples, `x-vocabulary`,
`x-personal`) and its annotation (the nested model); its English description from `schema.py`, its
Dutch one from `field_descriptions.nl.yml` beside this module, keyed `Model.field` (a test checks
that every field has one and that none is left over).

Everything that needs to know the fields asks here: the positions and allowed fields of record
errors (`model_at`), the open-data files and their columns (`columns`), the field documentation,
the scaffold of a new record, the facets and the tests.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..site import LANGUAGE_CODES
from .caches import per_build
from .kinds import KINDS
from .schema import ID_PATTERN, NAMED_VOCABULARIES, PLACE_VOCABULARIES, Markdown, Record, Text, Vocabularies
from .strict_yaml import load_file

LEAF_MODELS = {Text: "text", Markdown: "markdown"}
"""Models documented as one value (`{nl: ..., en: ...}`) rather than field by field."""


@dataclass(frozen=True)
class SchemaField:
    key: str  # "Contact.email": the declaring model and the field
    name: str
    path: str  # "partners.schools.count"; "[]" marks the items of a list: "sources[].url"
    required: bool
    many: bool  # a list of values
    min_items: int
    kind: str  # text, markdown, code, municipality, choice, string, integer, boolean, date, email, url, id,
    # object
    vocabulary: str | None
    description: str
    examples: tuple[Any, ...]
    default: Any
    model: type[BaseModel] | None = None
    """The model of the value (of each item, of each mapped value): a part, or a text."""
    mapping: bool = False
    """A mapping of codes to values (the lists of the vocabularies file)."""
    personal: bool | None = None
    """`x-personal` of the schema: True for personal data (published only with `publish: true`),
    False for a field of a contact that is always public, None where the schema does not say."""
    children: tuple[SchemaField, ...] = field(default=())

    def description_in(self, lang: str) -> str:
        return dutch_descriptions()[self.key] if lang == "nl" else self.description

    def walk(self) -> Iterator[SchemaField]:
        yield self
        for child in self.children:
            yield from child.walk()


@per_build
def dutch_descriptions() -> dict[str, str]:
    data, _ = load_file(Path(__file__).with_name("field_descriptions.nl.yml"))
    return data


def fields_of(model: type[BaseModel]) -> tuple[SchemaField, ...]:
    """The fields of any model of the schema (a record, a part of one, a text)."""
    return _model_fields(model, "")


def record_fields(kind: str) -> tuple[SchemaField, ...]:
    return fields_of(KINDS[kind].model)


def all_fields(kind: str) -> list[SchemaField]:
    return [doc for top in record_fields(kind) for doc in top.walk()]


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model reached by a validation error's location (`("partners", "schools")`), if any."""
    current, mapping_key = model, False
    for part in loc:
        if isinstance(part, int) or part == "[key]":
            continue
        if mapping_key:  # the code of a mapping (`sectors: {engineering: ...}`)
            mapping_key = False
            continue
        found = next((item for item in fields_of(current) if item.name == part), None)
        if found is None or found.model is None:
            return None
        current, mapping_key = found.model, found.mapping
    return current


@dataclass(frozen=True)
class Column:
    """A field as a table column (open data's CSV), nested parts flattened into their fields."""

    path: str
    how: str
    """`code` (the code and a label per language), `place` (the same and the CBS code), `text` (one
    column per language), `list` (items joined), `json` (a list of structured items as JSON), `value`."""

    @property
    def names(self) -> list[str]:
        """The column names: `sectors`, `sectors_nl`, `sectors_en`; `title_nl`, `title_en`; a place
        has a fourth with its CBS code, `labour_market_region_cbs`."""
        if self.how in ("code", "place"):
            return [self.path, *(f"{self.path}_{lang}" for lang in LANGUAGE_CODES)] + (
                [f"{self.path}_cbs"] if self.how == "place" else [])
        if self.how == "text":
            return [f"{self.path}_{lang}" for lang in LANGUAGE_CODES]
        return [self.path]


def columns(model: type[BaseModel]) -> tuple[Column, ...]:
    return _columns(fields_of(model))


def _columns(fields: tuple[SchemaField, ...]) -> tuple[Column, ...]:
    result: list[Column] = []
    for item in fields:
        if item.vocabulary:
            result.append(Column(item.path, "place" if item.vocabulary in PLACE_VOCABULARIES else "code"))
        elif item.kind in LEAF_MODELS.values():
            result.append(Column(item.path, "text"))
        elif item.kind == "object" and not item.many:
            result.extend(_columns(item.children))
        elif item.kind == "object":
            result.append(Column(item.path, "json"))
        else:
            result.append(Column(item.path, "list" if item.many else "value"))
    return tuple(result)


def example_value(doc: SchemaField, vocabularies: Vocabularies) -> Any:
    """One valid value of the field as YAML data (a whole list for a list field)."""
    if doc.kind == "object":
        item: Any = {child.name: example_value(child, vocabularies) for child in doc.children}
    elif doc.kind in ("text", "markdown"):
        item = {"nl": "Voorbeeldtekst", "en": "Example text"}
    elif doc.kind == "code":
        item = next(iter(getattr(vocabularies, doc.vocabulary)), "code")  # an empty list has no example
    elif doc.examples:
        item = doc.examples[0]
    else:
        item = {"integer": 1, "boolean": True, "email": "info@example.nl", "id": "voorbeeld"}.get(
            doc.kind, "Voorbeeld"
        )
    return [item] if doc.many else item


# Walking the models ------------------------------------------------------------------------------


@per_build
def _model_fields(model: type[BaseModel], prefix: str) -> tuple[SchemaField, ...]:
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    names = sorted(model.model_fields, key=lambda name: name in Record.model_fields)
    return tuple(
        _field(model, name, schema["properties"][name], name in required, prefix) for name in names
    )


def _field(model: type[BaseModel], name: str, prop: dict, required: bool, prefix: str) -> SchemaField:
    info = model.model_fields[name]
    value = _without_null(prop)
    many = value.get("type") == "array"
    item = _without_null(value.get("items", {})) if many else value
    nested, mapping = _nested_model(info.annotation)
    path = f"{prefix}{name}"
    kind = LEAF_MODELS.get(nested) or ("object" if nested else _kind(item))
    children = _model_fields(nested, f"{path}[]." if many else f"{path}.") if kind == "object" else ()
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    if isinstance(default, BaseModel):
        default = default.model_dump()
    return SchemaField(
        key=f"{_declaring_model(model, name).__name__}.{name}",
        name=name,
        path=path,
        required=required,
        many=many,
        min_items=value.get("minItems", 0),
        kind=kind,
        vocabulary=item.get("x-vocabulary"),
        description=prop.get("description") or item.get("description") or "",
        examples=tuple(item.get("enum") or item.get("examples") or prop.get("examples") or ()),
        default=default,
        model=nested,
        mapping=mapping,
        personal=value.get("x-personal"),
        children=children,
    )


def _without_null(prop: dict) -> dict:
    """`X | None` appears as `anyOf: [X, null]`; the field's own keys stay on the outside."""
    options = [option for option in prop.get("anyOf", []) if option.get("type") != "null"]
    if len(options) == 1:
        return {**{k: v for k, v in prop.items() if k != "anyOf"}, **options[0]}
    return prop


def _kind(item: dict) -> str:
    if item.get("x-vocabulary") in NAMED_VOCABULARIES:
        return "municipality"  # written by name (any name of the CBS table or the aliases), not by code
    if "x-vocabulary" in item:
        return "code"
    if "enum" in item:
        return "choice"
    if item.get("format") in ("date", "email"):
        return item["format"]
    if item.get("type") in ("integer", "boolean"):
        return item["type"]
    if item.get("pattern") == ID_PATTERN:
        return "id"
    if any(str(example).startswith("https://") for example in item.get("examples", [])):
        return "url"
    return "string"


def _nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside an annotation (through Optional, Annotated, list and dict values), and
    whether a mapping was passed on the way."""
    mapping = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        elif origin is dict:
            annotation, mapping = typing.get_args(annotation)[1], True
        else:
            break
    is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
    return (annotation if is_model else None), mapping


def _declaring_model(model: type[BaseModel], name: str) -> type:
    """The class in the hierarchy that declares the field (`Record` for `summary`)."""
    for cls in reversed(model.__mro__):
        if name in cls.__dict__.get("__annotations__", {}):
            return cls
    return model
