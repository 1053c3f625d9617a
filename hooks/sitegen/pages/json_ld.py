"""schema.org JSON-LD of a record page: what the record's kind says of it (`records/kinds/`) and
what every record has.

Page markup, placed by `Renderer.record_meta` (`render.py`) after the record. Record text goes into a
`<script>` element, so the JSON is written such that it cannot end that element early.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..records.catalog import Catalog, Entry
from ..records.kinds import KINDS


def _script_json(data: dict) -> Markup:
    """JSON that cannot end its <script> element early: `<`, `>` and `&` as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _place(name: str) -> dict:
    return {"@type": "AdministrativeArea", "name": name}


_NAMED_LISTS = {
    "areaServed": _place,
    "knowsAbout": None,
    "member": lambda name: {"@type": "Organization", "name": name},
}
"""What a kind's description gives as a list of names, in the order they follow the description;
an empty list is left out."""


def json_ld(entry: Entry, catalog: Catalog, lang: str, page_url: str) -> Markup:
    """schema.org description of a record: what its kind says (`records/kinds/`), its summary,
    its address, its website and its published contact point."""
    kind = KINDS[entry.kind]
    record = entry.record
    title = kind.title(record)
    own = kind.json_ld(record, catalog, lang) if kind.json_ld else {"@type": "Thing"}
    own.setdefault("name", title if isinstance(title, str) else title.get(lang))
    data: dict[str, Any] = {"@context": "https://schema.org"}
    data |= {key: value for key, value in own.items() if key not in _NAMED_LISTS}
    if record.summary is not None:
        data["description"] = record.summary.get(lang)
    if page_url:
        data["url"] = page_url
    if record.website:
        data["sameAs"] = record.website
    for key, shape in _NAMED_LISTS.items():
        if own.get(key):
            data[key] = [shape(name) for name in own[key]] if shape else own[key]
    contact = getattr(record, "contact", None)  # not every kind has one
    if contact and contact.published("organisation"):
        point = {"@type": "ContactPoint", "name": contact.published("organisation")}
        if email := contact.published("email"):  # personal data: only with publish: true
            point["email"] = str(email)
        data["contactPoint"] = point
    return _script_json(data)
