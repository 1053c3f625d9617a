"""The regional VO-HO networks (`content/networks/<id>.yml`, pages under `netwerken/`)."""

from __future__ import annotations

from ..messages import message
from ..schema import Network
from . import Link, RecordKind


def _merge_makes_sense(entry, entries):
    """A merged network names the network it merged into, and only a merged one does."""
    record: Network = entry.record
    if record.status == "merged" and not record.merged_into:
        yield ("status",), message("ref.merged_needs_target")
    if record.merged_into and record.status != "merged":
        yield ("merged_into",), message("ref.merged_into_without_status")
    elif record.merged_into == entry.id:
        yield ("merged_into",), message("ref.merged_into_itself")


def _json_ld(record: Network, catalog, lang: str) -> dict:
    data: dict = {"@type": "Organization", "name": record.name}
    alternates = [name for name in [record.short_name, *record.former_names] if name]
    if alternates:
        data["alternateName"] = alternates
    if record.founded:
        data["foundingDate"] = str(record.founded)
    data["areaServed"] = [catalog.label("provinces", code, lang) for code in record.provinces]
    data["knowsAbout"] = [catalog.label("domains", code, lang) for code in record.domains]
    if record.partners:
        data["member"] = [*record.partners.universities, *record.partners.universities_of_applied_sciences]
    return data


KIND = RecordKind(
    name="networks",
    singular="network",
    section="netwerken",
    model=Network,
    position=1,
    title_field="name",
    links=(Link("merged_into", "networks", back="predecessors"),),
    rules=(_merge_makes_sense,),
    overview_facets=("province=provinces", "region=labour_market_regions", "domain=domains", "status=status",
                     "year=founded"),
    search_facets=("region=labour_market_regions", "province=provinces", "year=founded"),
    names_itself_in="network",
    json_ld=_json_ld,
    strings={
        "kind": {"nl": "VO-HO netwerk", "en": "VO-HO network"},
        "section": {"nl": "Netwerken", "en": "Networks"},
        "new-record": {"nl": "Nieuw netwerk", "en": "New network"},
        "field-docs-caption": {"nl": "Velden van een netwerk (content/networks/<id>.yml)",
                               "en": "Fields of a network (content/networks/<id>.yml)"},
        "field-docs-new": {"nl": "Leeg netwerk om te kopiëren", "en": "Empty network to copy"},
        "caption": {"nl": "Regionale VO-HO netwerken en hun voorgangers",
                    "en": "Regional VO-HO networks and their predecessors"},
        "overview-count-one": {"nl": "{count} van {total} netwerk", "en": "{count} of {total} network"},
        "overview-count-other": {"nl": "{count} van {total} netwerken", "en": "{count} of {total} networks"},
        "overview-none": {"nl": "Geen netwerken gevonden met deze filters.",
                          "en": "No networks match these filters."},
        "filters-label": {"nl": "Netwerken filteren", "en": "Filter the networks"},
        "count-one": {"nl": "1 netwerk", "en": "1 network"},
        "count-other": {"nl": "{count} netwerken", "en": "{count} networks"},
    },
)
