"""Record facets: what a reader can narrow records down by, in search and on the overview pages.

Each kind declares its facets (`records/kinds/`); one definition serves three places: the Pagefind
filters on every record page (`record-meta.html`), the filter form above each overview table and the
data attributes of its rows (`_filters.html`, read by `overrides/assets/javascripts/filters.js`). A
facet reads one schema field; its label is that field's label in `strings.yml`; what the field holds
(a vocabulary, a year, a fixed choice) comes from the schema, so its values are labelled and ordered
from there.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..records.catalog import Catalog, Entry
from ..records.fields import SchemaField, record_fields
from ..records.i18n import Strings
from ..records.kinds import KINDS, Derived
from ..records.places import sort_key

PLACE_VOCABULARIES = ("labour_market_regions", "provinces")
"""Places are looked for by name: their options are alphabetical in the page's language, the other
vocabularies keep the order they are written in (a scale, a programme's own order)."""


@dataclass(frozen=True)
class Facet:
    key: str
    """Name in the query string (`?sector=...`), in `data-vh-<key>` and as Pagefind filter."""
    kind: str
    """The record kind (`networks`, `initiatives`) whose field it reads."""
    field: str
    """The schema field it reads; what the field holds comes from the schema."""

    @functools.cached_property
    def _doc(self) -> SchemaField | None:
        found = next((doc for doc in record_fields(self.kind) if doc.path == self.field), None)
        if found is None and self._derived is None:
            raise ValueError(f"facet {self.key!r}: {self.kind} have no field {self.field!r}")
        return found

    @property
    def _derived(self) -> Derived | None:
        return KINDS[self.kind].derived.get(self.field)

    @property
    def vocabulary(self) -> str | None:
        """The vocabulary of a coded field; None for years, statuses and network references."""
        return self._derived.vocabulary if self._derived else self._doc.vocabulary

    def _kind_of_value(self) -> str:
        return ("choice" if self._derived.choices else "code") if self._derived else self._doc.kind

    def codes(self, entry: Entry, catalog: Catalog) -> list[str]:
        if self._derived is not None:
            return self._derived.codes(entry, catalog)
        value = getattr(entry.record, self.field, None)
        if value is None:
            return []
        values = value if isinstance(value, list) else [value]
        return [str(item) for item in values]

    def label(self, code: str, catalog: Catalog, lang: str) -> str:
        if self.vocabulary:
            return catalog.label(self.vocabulary, code, lang)
        if self._kind_of_value() == "choice":  # a fixed list (schema or kind), labelled in strings.yml
            return Strings(lang).t(f"{self.field}-{code}")
        link = KINDS[self.kind].link(self.field)
        if link is not None:  # the title of the record it names
            record = catalog.records(link.to).get(code)
            if record is None:
                return code
            title = KINDS[link.to].title(record)
            return title if isinstance(title, str) else title.get(lang)
        return code

    def values(self, entry: Entry, catalog: Catalog, lang: str) -> list[tuple[str, str]]:
        """(code, label) of each value the record has."""
        return [(code, self.label(code, catalog, lang)) for code in self.codes(entry, catalog)]

    def options(self, entries: list[Entry], catalog: Catalog, lang: str) -> list[tuple[str, str]]:
        """The values that occur in `entries`: places alphabetically, other vocabularies in their own
        order, years newest first."""
        present = {code for entry in entries for code in self.codes(entry, catalog)}
        if self.vocabulary in PLACE_VOCABULARIES:
            codes = sorted(present, key=lambda code: sort_key(self.label(code, catalog, lang)))
        elif self.vocabulary:
            order = list(getattr(catalog.vocabularies, self.vocabulary))
            codes = [code for code in order if code in present]
        elif self._derived is not None:
            codes = [code for code in self._derived.choices if code in present]
        elif self._kind_of_value() == "integer":
            codes = sorted(present, key=int, reverse=True)
        else:
            codes = sorted(present, key=lambda code: self.label(code, catalog, lang).casefold())
        return [(code, self.label(code, catalog, lang)) for code in codes]


def _facets(kind: str, which: str) -> list[Facet]:
    """The `overview` or `search` facets of one record kind, in the order the kind declares them."""
    return [Facet(key, kind, field) for key, field in KINDS[kind].facets(which)]


OVERVIEW_FACETS: dict[str, list[Facet]] = {kind: _facets(kind, "overview") for kind in KINDS}
"""The selects above each overview table, in order (a free-text field comes first)."""

SEARCH_FACETS: dict[str, list[Facet]] = {kind: _facets(kind, "search") for kind in KINDS}
"""Pagefind filters of each record kind besides `kind` (and the one a record files itself under)."""
