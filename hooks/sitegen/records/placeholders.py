"""What a placeholder looks like: text that stands in for content nobody has written yet.

One list, used by the schema (a record text with a placeholder is an error, see `schema.py`) and by
the tests that read every built page. A placeholder before readers ("TODO", "Nog te bepalen",
"Geen toelichting") says nothing; an optional field without a value is left out instead.
Careful caveats such as "nog niet bevestigd" (not yet confirmed) are information, not placeholders.
"""

from __future__ import annotations

import re

_PATTERNS = [
    re.compile(r"\b(?:TODO|TBD|FIXME|XXX|PLACEHOLDER)\b"),  # capitals only: editors' markers
    re.compile(
        r"\b(?:lorem ipsum|nog te bepalen|to be decided|geen toelichting|no explanation given"
        r"|nog niet (?:op deze site )?gepubliceerd|not yet published(?: on this site)?"
        r"|volgt (?:nog|binnenkort)|coming soon)\b",
        re.IGNORECASE,
    ),
]


def find_placeholder(text: str) -> str | None:
    """The first placeholder in `text`, or None."""
    for pattern in _PATTERNS:
        if found := pattern.search(text):
            return found.group()
    return None
