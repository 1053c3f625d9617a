"""The state subsidies of the Sterk Techniekonderwijs regions as a chart drawn at build time.

One bar for each amount of central-government money that a record of the programme states, with its
period and the source that states it: a region with a later round, or whose sources give two
amounts for one grant, has a bar for each, so that no figure is chosen silently. The template
`overrides/fragments/subsidy-chart.html` draws the rows made here as a list with an inline SVG bar
each (text for screen readers, the bars hidden from them), and as a table with the sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records.catalog import Catalog, Entry
from ..records.schema import Funding

PROGRAMME = "sterk-techniekonderwijs"
FUNDER = "state"


@dataclass(frozen=True)
class SubsidyBar:
    """One stated amount: the record it belongs to, the funding entry, and its share of the largest."""

    entry: Entry
    funding: Funding
    share: float  # 0 < share <= 1: the bar's length against the largest amount


def subsidy_bars(catalog: Catalog) -> list[SubsidyBar]:
    """The programme's state subsidies, largest first (records in id order where amounts tie)."""
    stated = [
        (entry, funding)
        for entry in sorted(catalog.entries.get("initiatives", {}).values(), key=lambda entry: entry.id)
        if entry.record.programme == PROGRAMME
        for funding in entry.record.funding
        if funding.funder == FUNDER and funding.amount > 0
    ]
    if not stated:
        return []
    largest = max(funding.amount for _, funding in stated)
    stated.sort(key=lambda item: -item[1].amount)
    return [SubsidyBar(entry, funding, funding.amount / largest) for entry, funding in stated]


def described_initiatives(catalog: Catalog) -> int:
    """How many records of the register belong to the programme."""
    initiatives = catalog.entries.get("initiatives", {}).values()
    return sum(entry.record.programme == PROGRAMME for entry in initiatives)
