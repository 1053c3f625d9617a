"""The Atom feeds of the news (RFC 4287), one per language: a post-build step of `make build`.

Each language's feed (`nieuws/feed.xml` in its build) holds every record's dated update, newest
first, as gathered by `news.py`. Everything in it comes from the records, never from the clock:

- an entry's `id` and `link` are the address of the update on its record page
  (`…/initiatieven/<id>/#update-<date>-<title>`), the same in every build;
- an entry's `updated` is its date (a month counts from its first day, and its text names the
  month); the feed's `updated` is the newest entry's, or the newest `last_verified` of a record
  when there is no news.

Addresses are absolute: each language's public address comes from its build (`BuildContext`).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from markupsafe import Markup

from ..pages.formats import format_date
from ..pages.news import FEED, PAGE, news_items
from ..records import markdown_text
from ..records.catalog import Catalog
from ..records.i18n import Strings
from ..records.kinds import record_path
from ..site import LANGUAGES
from .build_context import BuildContext, BuildFailed

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def write_feeds(build: BuildContext) -> None:
    """The post-build step: one feed per language, beside its news page."""
    for lang in LANGUAGES:
        build_root = build.site / lang.path
        base = build.addresses[lang.code]
        if not base:
            raise BuildFailed(f"{build_root / FEED}: the feed needs the site's public address (site_url)")
        (build_root / FEED).write_bytes(atom_feed(build.catalog, lang.code, base))


def timestamp(date: str | dt.date) -> str:
    """RFC 3339 for a date of the records: `2020-06` -> `2020-06-01T00:00:00Z`."""
    text = str(date)
    if len(text) == 7:
        text += "-01"
    return f"{text}T00:00:00Z"


def atom_feed(catalog: Catalog, lang: str, base: str) -> bytes:
    """The feed of one language; `base` is that language's public root address (ending in /)."""
    strings = Strings(lang)
    items = news_items(catalog)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    _add(feed, "id", base + PAGE)
    _add(feed, "title", strings.t("news-feed-title", site=strings.t("site-name")))
    updated = (
        items[0].date
        if items
        else max((entry.record.last_verified for entry in catalog.all_entries()), default=dt.date(2000, 1, 1))
    )
    _add(feed, "updated", timestamp(updated))
    _add(feed, "link", rel="self", type="application/atom+xml", href=base + FEED)
    _add(feed, "link", rel="alternate", type="text/html", href=base + PAGE)
    author = _add(feed, "author")
    _add(author, "name", strings.t("site-name"))
    _add(author, "uri", base)
    for item in items:
        record_url = base + record_path(item.entry.kind, item.entry.id)
        address = f"{record_url}#{item.anchor}"
        title = item.update.title
        entry = _add(feed, "entry", **{XML_LANG: title.lang_of(lang)})
        _add(entry, "id", address)
        _add(entry, "title", title.get(lang))
        _add(entry, "updated", timestamp(item.date))
        _add(entry, "link", rel="alternate", type="text/html", href=address)
        about = item.entry.title_in(lang)
        _add(entry, "category", term=item.entry.kind, label=strings.t(f"kind-{item.entry.kind}"))
        body = markdown_text.render(item.update.body.get(lang))
        # `updated` must be a moment, so a month counts from its first day; the text says the month.
        when = format_date(item.date, lang)
        intro = Markup('<p>{} · <a href="{}">{}</a></p>').format(when, record_url, about)
        _add(
            entry,
            "content",
            str(intro) + str(body),
            type="html",
            **{XML_LANG: item.update.body.lang_of(lang)},
        )
    ET.register_namespace("", ATOM)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _add(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element
