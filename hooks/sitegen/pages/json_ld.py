"""schema.org JSON-LD of a record page: an Organization for a network, a Project for an initiative.

Page markup, placed by `render.render_record_meta` after the record. Record text goes into a
`<script>` element, so the JSON is written such that it cannot end that element early.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..records.catalog import Catalog, Entry


def _script_json(data: dict) -> Markup:
    """JSON that cannot end its <script> element early: `<`, `>` and `&` as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _place(name: str) -> dict:
    return {"@type": "AdministrativeArea", "name": name}


def json_ld(entry: Entry, catalog: Catalog, lang: str, page_url: str) -> Markup:
    """schema.org description of a record: an Organization for a network, a Project for an initiative."""
    record = entry.record
    data: dict[str, Any] = {"@context": "https://schema.org"}
    if entry.kind == "networks":
        data |= {"@type": "Organization", "name": record.name}
        alternates = [name for name in [record.short_name, *record.former_names] if name]
        if alternates:
            data["alternateName"] = alternates
        if record.founded:
            data["foundingDate"] = str(record.founded)
        areas = [catalog.label("provinces", code, lang) for code in record.provinces]
        knows = [catalog.label("domains", code, lang) for code in record.domains]
        members = []
        if record.partners:
            members = [*record.partners.universities, *record.partners.universities_of_applied_sciences]
    else:
        data |= {"@type": "Project", "name": record.title.get(lang)}
        if record.start_year is not None:
            data["foundingDate"] = str(record.start_year)
        areas = [catalog.label("labour_market_regions", record.labour_market_region, lang)]
        areas += [catalog.label("provinces", code, lang) for code in record.provinces]
        knows = [catalog.label("sectors", code, lang) for code in record.sectors]
        knows += [catalog.label("themes", code, lang) for code in record.themes]
        members = [*record.schools.vmbo, *record.schools.mbo, *record.other_parties]
        if record.parent and record.parent in catalog.initiatives:
            data["parentOrganization"] = {
                "@type": "Project",
                "name": catalog.initiatives[record.parent].title.get(lang),
            }
        if record.networks:
            data["memberOf"] = [
                {"@type": "Organization", "name": catalog.networks[id_].name}
                for id_ in record.networks
                if id_ in catalog.networks
            ]
    data["description"] = record.summary.get(lang)
    if page_url:
        data["url"] = page_url
    if record.website:
        data["sameAs"] = record.website
    if areas:
        data["areaServed"] = [_place(name) for name in areas]
    if knows:
        data["knowsAbout"] = knows
    if members:
        data["member"] = [{"@type": "Organization", "name": name} for name in members]
    if record.contact and record.contact.published("organisation"):
        contact = {"@type": "ContactPoint", "name": record.contact.published("organisation")}
        if email := record.contact.published("email"):  # personal data: only with publish: true
            contact["email"] = str(email)
        data["contactPoint"] = contact
    return _script_json(data)
