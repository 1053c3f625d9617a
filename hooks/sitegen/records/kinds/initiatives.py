"""The vo–mbo collaboration initiatives (`content/initiatives/<id>.yml`, pages under `initiatieven/`)."""

from __future__ import annotations

from ..messages import message
from ..schema import Initiative
from ..school_names import school_names
from . import Derived, Link, RecordKind


def counted_regions(entry, catalog) -> list[str]:
    """The labour-market regions an initiative counts in, on the map and in the region filters alike:
    its own `labour_market_region`, then the region of each of its `municipalities` (an initiative
    that spans two regions counts in both)."""
    record = entry.record
    region_by_cbs = {item.cbs_code: code for code, item in catalog.vocabularies.labour_market_regions.items()}
    codes = [record.labour_market_region]
    for name in record.municipalities:
        code = region_by_cbs.get(catalog.places.by_name[name].region)
        if code and code not in codes:
            codes.append(code)
    return codes


def _no_parent_cycle(entry, entries):
    """Following `parent` from an initiative never comes back to it."""
    initiatives = entries.get("initiatives", {})
    seen, current = {entry.id}, entry.record.parent
    while current and current in initiatives:
        if current in seen:
            yield ("parent",), message("ref.parent_cycle", value=current)
            return
        seen.add(current)
        current = initiatives[current].record.parent


def _schools_are_known(entry, entries):
    """Every school in `schools` is one school record: by its id, its name or an other name of it."""
    names = school_names(entries.get("schools", {}))
    for group in ("vmbo", "mbo"):
        for index, written in enumerate(getattr(entry.record.schools, group)):
            found = names.candidates(written)
            if len(found) == 1:
                continue
            loc = ("schools", group, index)
            if found:
                yield loc, message("school.ambiguous", value=written, candidates=", ".join(found))
            elif nearest := names.nearest(written):
                quoted = ", ".join(f"'{name}'" for name in nearest)
                yield loc, message("school.unknown", value=written, nearest=quoted)
            else:
                yield loc, message("school.unknown_no_suggestion", value=written)


def _json_ld(record: Initiative, catalog, lang: str) -> dict:
    data: dict = {"@type": "Project", "name": record.title.get(lang)}
    if record.start_year is not None:
        data["foundingDate"] = str(record.start_year)
    data["areaServed"] = [catalog.label("labour_market_regions", record.labour_market_region, lang)]
    data["areaServed"] += [catalog.label("provinces", code, lang) for code in record.provinces]
    data["knowsAbout"] = [catalog.label("sectors", code, lang) for code in record.sectors]
    data["knowsAbout"] += [catalog.label("themes", code, lang) for code in record.themes]
    data["member"] = [*record.schools.vmbo, *record.schools.mbo, *record.other_parties]
    initiatives, networks = catalog.records("initiatives"), catalog.records("networks")
    if record.parent and record.parent in initiatives:
        data["parentOrganization"] = {"@type": "Project", "name": initiatives[record.parent].title.get(lang)}
    if record.networks:
        data["memberOf"] = [
            {"@type": "Organization", "name": networks[id_].name}
            for id_ in record.networks
            if id_ in networks
        ]
    return data


KIND = RecordKind(
    name="initiatives",
    singular="initiative",
    section="initiatieven",
    model=Initiative,
    position=2,
    title_field="title",
    links=(Link("networks", "networks", back="initiatives"), Link("parent", "initiatives", back="parts")),
    rules=(_no_parent_cycle, _schools_are_known),
    derived={"labour_market_regions": Derived(counted_regions, vocabulary="labour_market_regions")},
    overview_facets=("region=labour_market_regions", "province=provinces", "sector=sectors", "theme=themes",
                     "party=parties", "round=subsidy_rounds", "year=start_year"),
    search_facets=("region=labour_market_regions", "province=provinces", "sector=sectors", "theme=themes",
                   "party=parties", "round=subsidy_rounds", "year=start_year", "network=networks"),
    json_ld=_json_ld,
    duplicate_fields=("dossier_numbers",),
    strings={
        "kind": {"nl": "Samenwerkingsinitiatief", "en": "Collaboration initiative"},
        "section": {"nl": "Initiatieven", "en": "Initiatives"},
        "new-record": {"nl": "Nieuw initiatief", "en": "New initiative"},
        "field-docs-caption": {"nl": "Velden van een initiatief (content/initiatives/<id>.yml)",
                               "en": "Fields of an initiative (content/initiatives/<id>.yml)"},
        "field-docs-new": {"nl": "Leeg initiatief om te kopiëren", "en": "Empty initiative to copy"},
        "caption": {"nl": "Samenwerkingsinitiatieven", "en": "Collaboration initiatives"},
        "overview-count-one": {"nl": "{count} van {total} initiatief", "en": "{count} of {total} initiative"},
        "overview-count-other": {"nl": "{count} van {total} initiatieven",
                                 "en": "{count} of {total} initiatives"},
        "overview-none": {"nl": "Geen initiatieven gevonden met deze filters.",
                          "en": "No initiatives match these filters."},
        "filters-label": {"nl": "Initiatieven filteren", "en": "Filter the initiatives"},
        "count-one": {"nl": "1 initiatief", "en": "1 initiative"},
        "count-other": {"nl": "{count} initiatieven", "en": "{count} initiatives"},
    },
)
