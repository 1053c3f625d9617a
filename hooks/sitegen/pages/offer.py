"""What the networks offer, as the templates show it: a network's activities by audience, the
activities of the networks in a region, and every activity with the running ones first."""

from __future__ import annotations

from dataclasses import dataclass

from ..records.catalog import Catalog, Entry
from ..records.kinds.activities import STATUSES
from .facets import Facet


@dataclass(frozen=True)
class Offer:
    groups: list[tuple[str, list[Entry]]]
    """(audience code, its running or unconfirmed activities)."""
    ended: list[Entry]


class Activities:
    """The activities of one catalog, for the templates of one language."""

    def __init__(self, catalog: Catalog, lang: str):
        self.catalog, self.lang = catalog, lang

    def offer_of(self, network: Entry) -> Offer:
        """A network's activities by audience (in the vocabulary's order), the ended ones apart."""
        mine = self.in_order(self.catalog.linking(network, "activities"))
        running = [entry for entry in mine if entry.record.status() != "ended"]
        groups = []
        for audience in self.catalog.vocabularies.audiences:
            found = [entry for entry in running if audience in entry.record.audience]
            if found:
                groups.append((audience, found))
        return Offer(groups=groups, ended=[entry for entry in mine if entry.record.status() == "ended"])

    def in_region(self, region_code: str) -> list[Entry]:
        """The activities of the networks that work in a labour-market region."""
        facet = Facet("region", "activities", "labour_market_regions")
        found = self.catalog.entries.get("activities", {}).values()
        return [entry for entry in found if region_code in facet.codes(entry, self.catalog)]

    def in_order(self, entries=None) -> list[Entry]:
        """Running activities first, then those not confirmed recently, then the ended ones; by title."""
        entries = self.catalog.entries.get("activities", {}).values() if entries is None else entries
        order = {status: index for index, status in enumerate(STATUSES)}
        title = lambda entry: entry.record.title.get(self.lang).casefold()  # noqa: E731
        return sorted(entries, key=lambda entry: (order[entry.record.status()], title(entry)))
