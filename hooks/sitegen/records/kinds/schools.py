"""The schools and mbo institutions the records name (`content/schools/<id>.yml`, pages under
`scholen/`): a vo or vso school by DUO's codes of its locations, whose rows in `content/duo/` give its
place, municipality and education; an mbo institution, for which no DUO file could be read here, by
its municipality and a source."""

from __future__ import annotations

from ..schema import School
from . import Derived, RecordKind


def _locations(entry, catalog) -> list:
    return [catalog.duo[code] for code in entry.record.locations if code in catalog.duo]


def municipalities_of(entry, catalog) -> list[str]:
    """Its municipalities (CBS names): where the record says, and those of its DUO locations."""
    names = [entry.record.municipality] if entry.record.municipality else []
    by_code = {code: municipality.name for code, municipality in catalog.places.municipalities.items()}
    for location in _locations(entry, catalog):
        name = by_code.get(location.municipality_code)
        if name and name not in names:
            names.append(name)
    return names


def education_of(entry, catalog) -> list[str]:
    """What it offers: the record's own list and what DUO's rows say, in the vocabulary's order."""
    found = set(entry.record.education)
    for location in _locations(entry, catalog):
        found.update(location.education)
    return [code for code in catalog.vocabularies.education if code in found]


def _regions(entry, catalog) -> list[str]:
    by_name = catalog.places.by_name
    regions = {by_name[name].region for name in municipalities_of(entry, catalog)}
    vocabulary = catalog.vocabularies.labour_market_regions
    return [code for code, region in vocabulary.items() if region.cbs_code in regions]


def _json_ld(record: School, catalog, lang: str) -> dict:
    return {"@type": "School" if record.locations else "EducationalOrganization", "name": record.name}


KIND = RecordKind(
    name="schools",
    singular="school",
    section="scholen",
    model=School,
    position=4,
    title_field="name",
    derived={
        "education": Derived(education_of, vocabulary="education"),
        "municipalities": Derived(municipalities_of, vocabulary="municipalities"),
        "labour_market_regions": Derived(_regions, vocabulary="labour_market_regions"),
    },
    overview_columns=("education", "municipalities", "labour_market_regions"),
    overview_facets=("education=education", "region=labour_market_regions"),
    search_facets=("education=education", "region=labour_market_regions"),
    json_ld=_json_ld,
    strings={
        "kind": {"nl": "School", "en": "School"},
        "section": {"nl": "Scholen", "en": "Schools"},
        "new-record": {"nl": "Nieuwe school", "en": "New school"},
        "field-docs-caption": {"nl": "Velden van een school (content/schools/<id>.yml)",
                               "en": "Fields of a school (content/schools/<id>.yml)"},
        "field-docs-new": {"nl": "Lege school om te kopiëren", "en": "Empty school to copy"},
        "caption": {"nl": "Scholen en mbo-instellingen van A tot Z",
                    "en": "Schools and mbo institutions, A to Z"},
        "overview-count-one": {"nl": "{count} van {total} school", "en": "{count} of {total} school"},
        "overview-count-other": {"nl": "{count} van {total} scholen", "en": "{count} of {total} schools"},
        "overview-none": {"nl": "Geen scholen gevonden met deze filters.",
                          "en": "No schools match these filters."},
        "filters-label": {"nl": "Scholen filteren", "en": "Filter the schools"},
        "count-one": {"nl": "1 school", "en": "1 school"},
        "count-other": {"nl": "{count} scholen", "en": "{count} schools"},
    },
)
