"""Every field of a record kind, walked from the pydantic models, for documentation and scaffolding.

`record_fields(kind)` returns the fields of `Network` or `Initiative` in a readable order (the
kind's own fields first, then those every record has), nested fields as children. What a field
is comes from the models' JSON Schema (type, format, examples, `x-vocabulary`); its English
description from `schema.py`, its Dutch one from `field_descriptions.nl.yml` beside this module,
keyed `Model.field` (a test checks that every field has one and that none is left over).
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..site import RECORD_KINDS
from .schema import ID_PATTERN, Markdown, Record, Text, Vocabularies
from .strict_yaml import load_file

LEAF_MODELS = {Text: "text", Markdown: "markdown"}
"""Models documented as one value (`{nl: ..., en: ...}`) rather than field by field."""


@dataclass(frozen=True)
class FieldDoc:
    key: str  # "Contact.email": the declaring model and the field
    name: str
    path: str  # "partners.schools.count"; "[]" marks the items of a list: "sources[].url"
    required: bool
    many: bool  # a list of values
    min_items: int
    kind: str  # text, markdown, code, choice, string, integer, boolean, date, email, url, id, object
    vocabulary: str | None
    description: str
    examples: tuple[Any, ...]
    default: Any
    children: tuple[FieldDoc, ...] = field(default=())

    def description_in(self, lang: str) -> str:
        return dutch_descriptions()[self.key] if lang == "nl" else self.description

    def walk(self) -> typing.Iterator[FieldDoc]:
        yield self
        for child in self.children:
            yield from child.walk()


@functools.cache
def dutch_descriptions() -> dict[str, str]:
    data, _ = load_file(Path(__file__).with_name("field_descriptions.nl.yml"))
    return data


@functools.cache  # the JSON Schema of each model is built once
def record_fields(kind: str) -> tuple[FieldDoc, ...]:
    return _model_fields(RECORD_KINDS[kind].model, "")


def all_fields(kind: str) -> list[FieldDoc]:
    return [doc for top in record_fields(kind) for doc in top.walk()]


def example_value(doc: FieldDoc, vocabularies: Vocabularies) -> Any:
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


def _model_fields(model: type[BaseModel], prefix: str) -> tuple[FieldDoc, ...]:
    schema = model.model_json_schema()
    required = set(schema.get("required", []))
    names = sorted(model.model_fields, key=lambda name: name in Record.model_fields)
    return tuple(
        _field(model, name, schema["properties"][name], name in required, prefix) for name in names
    )


def _field(model: type[BaseModel], name: str, prop: dict, required: bool, prefix: str) -> FieldDoc:
    info = model.model_fields[name]
    value = _without_null(prop)
    many = value.get("type") == "array"
    item = _without_null(value.get("items", {})) if many else value
    nested = _nested_model(info.annotation)
    path = f"{prefix}{name}"
    kind = LEAF_MODELS.get(nested) or ("object" if nested else _kind(item))
    children = _model_fields(nested, f"{path}[]." if many else f"{path}.") if kind == "object" else ()
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    if isinstance(default, BaseModel):
        default = default.model_dump()
    return FieldDoc(
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
        children=children,
    )


def _without_null(prop: dict) -> dict:
    """`X | None` appears as `anyOf: [X, null]`; the field's own keys stay on the outside."""
    options = [option for option in prop.get("anyOf", []) if option.get("type") != "null"]
    if len(options) == 1:
        return {**{k: v for k, v in prop.items() if k != "anyOf"}, **options[0]}
    return prop


def _kind(item: dict) -> str:
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


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, typing.Union, types.UnionType):
            annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        else:
            break
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _declaring_model(model: type[BaseModel], name: str) -> type:
    """The class in the hierarchy that declares the field (`Record` for `summary`)."""
    for cls in reversed(model.__mro__):
        if name in cls.__dict__.get("__annotations__", {}):
            return cls
    return model
