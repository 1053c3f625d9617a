"""The kinds of record the site publishes, each declared once, in a module of its own in this package.

A kind is everything that differs between records of different kinds: its model, its folder in
`content/`, the URL section of its pages, the template of its page, the field that titles it, what
it links to (and so what links to it), its filters, its schema.org description, its cross-record
rules and its interface texts. Code and templates ask the kind; none compares a kind's name.

Every module in this package that defines `KIND` declares one kind; they are found when the package
is imported, ordered by `KIND.position`. A module that declares a kind wrongly (a link to a kind
that does not exist, a facet on a field the model lacks) stops the program here, at start-up, with
a message naming the module: never halfway through a build.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ...site import CONTENT_DIR
from ..messages import table
from ..schema import Record, Text

Rule = Callable[[Any, Any], Iterator[tuple[tuple, Any]]]
"""A cross-record rule: given an entry and the catalog's entries by kind (`{kind: {id: Entry}}`),
it yields `(field location, Message)` for each problem."""


@dataclass(frozen=True)
class Link:
    """A field whose values are ids of records of another (or the same) kind."""

    field: str
    """The field of this kind: one id (`parent`) or a list of ids (`networks`)."""
    to: str
    """The kind the ids name."""
    back: str
    """What the target calls the records that link to it (`catalog.linking(entry, back)`), e.g. a
    network's `initiatives`, an initiative's `parts`, a network's `predecessors`."""

    def ids(self, record: Record) -> list[str]:
        value = getattr(record, self.field)
        if value is None:
            return []
        return list(value) if isinstance(value, list) else [value]


@dataclass(frozen=True)
class Derived:
    """A value a record does not hold but its kind works out from it and the catalog (an activity's
    regions, from its networks), to filter on and to show like a field."""

    codes: Callable[[Any, Any], list[str]]
    """`(entry, catalog) -> codes`."""
    vocabulary: str | None = None
    """Its codes come from this vocabulary (labels and order); otherwise from `choices`."""
    choices: tuple[str, ...] = ()
    """Its codes in order, each labelled `<name>-<code>` in `strings.yml`."""


@dataclass(frozen=True)
class RecordKind:
    name: str
    """`networks`: its folder in `content/`, its key in the catalog, its open-data files."""
    singular: str
    """`network`: on the command line (`make new-network`) and in its JSON Schema's file name."""
    section: str
    """`netwerken`: the URL section of its pages, the same in every language."""
    model: type[Record]
    """The pydantic model of one record."""
    position: int
    """Where the kind comes in lists of kinds (menus, open data, the search filter)."""
    title_field: str
    """The field that names a record: a proper name (`name`) or a text in every language (`title`)."""
    strings: Mapping[str, Mapping[str, str]]
    """Its interface texts, by key and language (`kind`, `section`, `count-one`, ...): looked up as
    `<key>-<kind name>` like the texts of `strings.yml` (see `records/i18n.py`)."""
    links: tuple[Link, ...] = ()
    rules: tuple[Rule, ...] = ()
    """Checks across records beyond "a link names a record that exists" (which every link gets)."""
    overview_columns: tuple[str, ...] = ()
    """The fields shown as columns after the title in the overview a kind gets when no hand-written
    page (`docs/<language>/<section>/index.md`) gives it one of its own."""
    overview_facets: tuple[str, ...] = ()
    """The filters above its overview table, `key=field`, in order."""
    search_facets: tuple[str, ...] = ()
    """Its Pagefind filters besides `kind`, `key=field`."""
    derived: Mapping[str, Derived] = field(default_factory=dict)
    """Values worked out for its records, by the name a facet or an overview column uses."""
    names_itself_in: str | None = None
    """The search filter under which a record of this kind also files itself (a network's page is
    found under its own name in the `network` filter)."""
    json_ld: Callable[[Any, Any, str], dict] | None = None
    """`(record, catalog, lang) -> dict`: what schema.org says of a record besides its name,
    description, address and website; by default a `Thing`."""
    duplicate_fields: tuple[str, ...] = field(default=())
    """List fields whose values no two records may share (dossier numbers)."""

    @property
    def folder(self) -> str:
        return f"{CONTENT_DIR}/{self.name}"

    @property
    def schema_file(self) -> str:
        return f"{self.singular}.schema.json"

    @property
    def template(self) -> str:
        """The template of its record page in `overrides/fragments/`."""
        return f"{self.name}.html"

    def page(self, record_id: str) -> str:
        """The record page's address relative to a language's root: `netwerken/u-talent/`."""
        return f"{self.section}/{record_id}/"

    def page_source(self, record_id: str) -> str:
        """The source path of the generated page (MkDocs' `src_uri`): `netwerken/u-talent.md`."""
        return f"{self.section}/{record_id}.md"

    def title(self, record: Record) -> Text | str:
        """What names a record: a `Text` (shown in the page's language) or a proper name."""
        return getattr(record, self.title_field)

    def title_in(self, record: Record, lang: str) -> str:
        """The title as plain text in `lang` (the Dutch where it has no translation)."""
        title = self.title(record)
        return title if isinstance(title, str) else title.get(lang)

    def link(self, field_name: str) -> Link | None:
        return next((link for link in self.links if link.field == field_name), None)

    def facets(self, which: str) -> list[tuple[str, str]]:
        """`(key, field)` of its `overview` or `search` filters."""
        declared = self.overview_facets if which == "overview" else self.search_facets
        return [tuple(item.split("=", 1)) for item in declared]  # type: ignore[misc]


def unknown_message(kind: RecordKind) -> str:
    """The message for a link to a record of `kind` that does not exist (`ref.unknown_network`)."""
    return f"ref.unknown_{kind.singular}"


class KindDeclarationError(Exception):
    """A module of this package declares a kind the program cannot use."""


def _declared() -> dict[str, RecordKind]:
    found: list[tuple[str, RecordKind]] = []
    for module in pkgutil.iter_modules(__path__):
        kind = getattr(importlib.import_module(f"{__name__}.{module.name}"), "KIND", None)
        if kind is not None:
            found.append((module.name, kind))
    kinds = {kind.name: kind for _, kind in sorted(found, key=lambda item: item[1].position)}
    for module_name, kind in found:
        for problem in _problems(kind, kinds):
            raise KindDeclarationError(f"record kind in sitegen/records/kinds/{module_name}.py: {problem}")
    return kinds


def _problems(kind: RecordKind, kinds: dict[str, RecordKind]) -> Iterator[str]:
    fields = kind.model.model_fields
    if kind.title_field not in fields:
        yield f"{kind.name}: title_field {kind.title_field!r} is not a field of {kind.model.__name__}"
    for link in kind.links:
        if link.to not in kinds:
            yield f"{kind.name}: link {link.field!r} names kind {link.to!r}; known: {', '.join(kinds)}"
        elif unknown_message(kinds[link.to]) not in table():
            yield f"{kind.name}: link {link.field!r}: messages.yml lacks {unknown_message(kinds[link.to])!r}"
        if link.field not in fields:
            yield f"{kind.name}: link field {link.field!r} is not a field of {kind.model.__name__}"
    known = {*fields, *kind.derived}
    for field_name in kind.overview_columns:
        if field_name not in known:
            yield f"{kind.name}: overview column {field_name!r} is not a field of {kind.model.__name__}"
    for key, field_name in (*kind.facets("overview"), *kind.facets("search")):
        if field_name not in known:
            yield f"{kind.name}: facet {key!r} reads {field_name!r}, not a field of {kind.model.__name__}"
    for key in ("kind", "section"):
        if key not in kind.strings:
            yield f"{kind.name}: strings lack {key!r} (its name in the interface)"


KINDS: dict[str, RecordKind] = _declared()
"""Every kind of record, by name, in the order the site lists them."""


def kind_of(name: str) -> RecordKind:
    """The kind called `name`; a name no module declares is an error that lists the known ones."""
    try:
        return KINDS[name]
    except KeyError:
        raise KindDeclarationError(f"unknown record kind {name!r}; known: {', '.join(KINDS)}") from None


def record_path(kind: str, record_id: str) -> str:
    """Address of a record page relative to a language's root, e.g. `netwerken/u-talent/`."""
    return kind_of(kind).page(record_id)
