"""What the regional VO-HO networks offer pupils, teachers and schools (`content/activities/<id>.yml`,
pages under `aanbod/`): masterclasses, courses, prizes, help desks, conferences, programmes."""

from __future__ import annotations

from ..schema import Activity
from . import Derived, Link, RecordKind

STATUSES = ("current", "unconfirmed", "ended")
"""What the sources say of an activity now (`Activity.status`), in the order the filter lists them."""

_SCHEMA_TYPES = {
    "masterclass": "Course",
    "course": "Course",
    "workshop": "Course",
    "lesson-material": "Course",
    "conference": "Event",
    "excursion": "Event",
    "competition": "Event",
    "prize": "Event",
}
"""The type schema.org gives each form; the others (programmes, projects, help desks, networks) are
`EducationalOccupationalProgram`s."""


def _regions(entry, catalog) -> list[str]:
    """The labour-market regions where the networks that offer it work."""
    networks = catalog.records("networks")
    offered_by = [networks[id_] for id_ in entry.record.networks if id_ in networks]
    return sorted({code for network in offered_by for code in network.labour_market_regions})


def _json_ld(record: Activity, catalog, lang: str) -> dict:
    kind = _SCHEMA_TYPES.get(record.form, "EducationalOccupationalProgram")
    data: dict = {"@type": kind, "name": record.title.get(lang)}
    if record.organiser:
        role = "organizer" if kind == "Event" else "provider"
        data[role] = {"@type": "Organization", "name": record.organiser}
    if kind == "Event" and record.schedule.dates:
        data["startDate"] = max(record.schedule.dates)
    audiences = [catalog.label("audiences", code, lang) for code in record.audience]
    data["audience"] = [{"@type": "EducationalAudience", "educationalRole": name} for name in audiences]
    if record.levels:
        data["educationalLevel"] = [catalog.label("school_levels", code, lang) for code in record.levels]
    data["knowsAbout"] = [catalog.label("domains", code, lang) for code in record.domains] + record.subjects
    return data


KIND = RecordKind(
    name="activities",
    singular="activity",
    section="aanbod",
    model=Activity,
    position=3,
    title_field="title",
    links=(Link("networks", "networks", back="activities"),),
    derived={
        "labour_market_regions": Derived(_regions, vocabulary="labour_market_regions"),
        "activity_status": Derived(lambda entry, catalog: [entry.record.status()], choices=STATUSES),
    },
    overview_columns=("form", "audience", "networks", "activity_status"),
    overview_facets=("audience=audience", "level=levels", "domain=domains", "form=form", "network=networks",
                     "region=labour_market_regions", "status=activity_status"),
    search_facets=("audience=audience", "level=levels", "domain=domains", "form=form", "network=networks",
                   "region=labour_market_regions"),
    json_ld=_json_ld,
    strings={
        "kind": {"nl": "Activiteit van een netwerk", "en": "Network activity"},
        "section": {"nl": "Aanbod", "en": "Activities"},
        "new-record": {"nl": "Nieuwe activiteit", "en": "New activity"},
        "field-docs-caption": {"nl": "Velden van een activiteit (content/activities/<id>.yml)",
                               "en": "Fields of an activity (content/activities/<id>.yml)"},
        "field-docs-new": {"nl": "Lege activiteit om te kopiëren", "en": "Empty activity to copy"},
        "caption": {"nl": "Aanbod van de VO-HO netwerken", "en": "What the VO-HO networks offer"},
        "overview-count-one": {"nl": "{count} van {total} activiteit", "en": "{count} of {total} activity"},
        "overview-count-other": {"nl": "{count} van {total} activiteiten",
                                 "en": "{count} of {total} activities"},
        "overview-none": {"nl": "Geen activiteiten gevonden met deze filters.",
                          "en": "No activities match these filters."},
        "filters-label": {"nl": "Aanbod filteren", "en": "Filter the activities"},
        "count-one": {"nl": "1 activiteit", "en": "1 activity"},
        "count-other": {"nl": "{count} activiteiten", "en": "{count} activities"},
    },
)
