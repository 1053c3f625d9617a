"""Record facets: what a reader can narrow records down by, in search and on the overview pages.

One definition serves three places: the Pagefind filters on every record page
(`record-meta.html`), the filter form above each overview table and the data attributes of its rows
(`_filters.html`, read by `overrides/assets/javascripts/filters.js`). A facet reads one schema field;
its label is that field's label in `strings.yml`, its values are the vocabulary's labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog, Entry
from .i18n import Strings


@dataclass(frozen=True)
class Facet:
    key: str
    """Name in the query string (`?sector=...`), in `data-vh-<key>` and as Pagefind filter."""
    field: str
    """The schema field it reads."""
    vocabulary: str | None = None
    """The vocabulary of a coded field; None for years, statuses and network references."""

    def codes(self, entry: Entry) -> list[str]:
        value = getattr(entry.record, self.field, None)
        if value is None:
            return []
        values = value if isinstance(value, list) else [value]
        return [str(item) for item in values]

    def label(self, code: str, catalog: Catalog, lang: str) -> str:
        if self.vocabulary:
            return catalog.label(self.vocabulary, code, lang)
        if self.field == "status":
            return Strings(lang).t(f"status-{code}")
        if self.field == "networks":
            network = catalog.networks.get(code)
            return network.name if network else code
        return code

    def values(self, entry: Entry, catalog: Catalog, lang: str) -> list[tuple[str, str]]:
        """(code, label) of each value the record has."""
        return [(code, self.label(code, catalog, lang)) for code in self.codes(entry)]

    def options(self, entries: list[Entry], catalog: Catalog, lang: str) -> list[tuple[str, str]]:
        """The values that occur in `entries`: in vocabulary order, years newest first."""
        present = {code for entry in entries for code in self.codes(entry)}
        if self.vocabulary:
            order = list(getattr(catalog.vocabularies, self.vocabulary))
            codes = [code for code in order if code in present]
        elif self.field in ("start_year", "founded"):
            codes = sorted(present, reverse=True)
        else:
            codes = sorted(present, key=lambda code: self.label(code, catalog, lang).casefold())
        return [(code, self.label(code, catalog, lang)) for code in codes]


OVERVIEW_FACETS: dict[str, list[Facet]] = {
    "initiatives": [
        Facet("region", "labour_market_region", "labour_market_regions"),
        Facet("sector", "sectors", "sectors"),
        Facet("theme", "themes", "themes"),
        Facet("party", "parties", "parties"),
        Facet("year", "start_year"),
    ],
    "networks": [
        Facet("province", "provinces", "provinces"),
        Facet("region", "labour_market_regions", "labour_market_regions"),
        Facet("domain", "domains", "domains"),
        Facet("status", "status"),
        Facet("year", "founded"),
    ],
}
"""The selects above each overview table, in order (a free-text field comes first)."""

SEARCH_FACETS: dict[str, list[Facet]] = {
    "initiatives": [
        Facet("region", "labour_market_region", "labour_market_regions"),
        Facet("province", "provinces", "provinces"),
        Facet("sector", "sectors", "sectors"),
        Facet("theme", "themes", "themes"),
        Facet("party", "parties", "parties"),
        Facet("year", "start_year"),
        Facet("network", "networks"),
    ],
    "networks": [
        Facet("region", "labour_market_regions", "labour_market_regions"),
        Facet("province", "provinces", "provinces"),
        Facet("year", "founded"),
    ],
}
"""Pagefind filters of each record kind besides `kind` (and `network`, which a network page names itself)."""
