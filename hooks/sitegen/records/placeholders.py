"""What a placeholder looks like: text that stands in for content nobody has written yet.

One list, used by the schema (a record text with a placeholder is an error, see `schema.py`) and by
the tests that read every built page. A placeholder before readers ("TODO", "Nog te bepalen",
"Geen toelichting") says nothing; an optional field without a value is left out instead.
Careful caveats such as "nog niet bevestigd" (not yet confirmed) are information, not placeholders.
"""

from __future__ import annotations

import re

_MARKERS = ("TODO", "TBD", "FIXME", "XXX", "PLACEHOLDER")
"""Editors' markers, in capitals only."""
_PHRASES = (
    "lorem ipsum", "nog te bepalen", "to be decided", "geen toelichting", "no explanation given",
    "nog niet gepubliceerd", "nog niet op deze site gepubliceerd",
    "not yet published on this site", "not yet published",
    "volgt nog", "volgt binnenkort", "coming soon",
)
"""Placeholder phrases, in any case."""

_MARKER = re.compile(r"\b(?:%s)\b" % "|".join(_MARKERS))
_PHRASE = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(_PHRASES, key=len, reverse=True))))


def find_placeholder(text: str) -> str | None:
    """The first placeholder in `text`, or None."""
    # It runs on every text of every record: plain substring tests rule most texts out before a
    # regular expression runs, and that one is case-sensitive, on the lowered text (a
    # case-insensitive alternation is slow on long texts).
    if any(marker in text for marker in _MARKERS) and (found := _MARKER.search(text)):
        return found.group()
    lowered = text.lower()
    if any(phrase in lowered for phrase in _PHRASES) and (found := _PHRASE.search(lowered)):
        same_length = len(lowered) == len(text)  # lower() keeps the positions of almost every text
        return text[found.start() : found.end()] if same_length else found.group()
    return None
