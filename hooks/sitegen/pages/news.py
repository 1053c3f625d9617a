"""The site's news: every record's dated `updates`, gathered newest first.

One source of truth (the records) for three readers: the news page of each language
(`/nieuws/`, the `news` fragment: the newest `FIRST` items in full under a heading per month, the
older ones by month as titles in a `<details>`, so a phone shows a short page that works without
JavaScript), the latest items on the home page (`news-latest`) and the Atom feeds (`feeds.py`).
Every item names its record (and the record's region) beside its title, so "Plan goedgekeurd" says
where. Each update has a stable anchor on its record page, made of its date
and its Dutch title, so links and feed ids do not change from one build to the next.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..records.catalog import Catalog, Entry
from ..records.schema import Update

PAGE = "nieuws/"
"""Where the news page lives in each language's build (`docs/<lang>/nieuws.md`)."""
FEED = PAGE + "feed.xml"
"""Where each language's Atom feed lives."""
LATEST = 5
"""How many items the home page shows."""
FIRST = 12
"""How many items the news page shows in full before the older ones."""


@dataclass(frozen=True)
class NewsItem:
    entry: Entry
    update: Update

    @property
    def date(self) -> str:
        return self.update.date

    @property
    def anchor(self) -> str:
        return update_anchor(self.update)


def update_anchor(update: Update) -> str:
    """`update-2019-09-kick-off-van-sterk-techniekonderwijs-hoogeveen`: the id of an update on its
    record page, from its date and Dutch title (the Dutch title is required, so it always exists)."""
    folded = unicodedata.normalize("NFKD", update.title.first).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].rstrip("-")
    return f"update-{update.date}-{slug}" if slug else f"update-{update.date}"


def news_items(catalog: Catalog) -> list[NewsItem]:
    """Every update of every record, newest first (same date: by kind and id, so the order is stable)."""
    items = [
        NewsItem(entry, update)
        for entry in catalog.all_entries()
        for update in getattr(entry.record, "updates", [])
    ]
    items.sort(key=lambda item: (item.entry.kind, item.entry.id, item.update.title.first))
    items.sort(key=lambda item: item.date, reverse=True)
    return items


def by_month(items: list[NewsItem]) -> list[tuple[str, list[NewsItem]]]:
    """The items under their month (`2025-11`), in the order given (newest first)."""
    months: dict[str, list[NewsItem]] = {}
    for item in items:
        months.setdefault(item.date[:7], []).append(item)
    return list(months.items())
