"""What the complete build shares with its post-build steps: the error a step raises, the
context every step is called with (project, staged site, validated catalog, open-data licence),
and the public address a built page was made for.

It sits apart from `build.py` so that the steps (`open_data`, `search_index`, `pdf`) can import it
while `build.py` imports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..pages.licence import Licence
from ..records.catalog import Catalog

_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def published_address(build_root: Path, page: str) -> str | None:
    """The address a language's build was made for (its root, ending in `/`), read from the
    canonical link of the built page `page` (`nieuws/`); None when the page or its link is missing."""
    path = build_root / page / "index.html"
    if not path.exists():
        return None
    match = _CANONICAL.search(path.read_text(encoding="utf-8"))
    return match.group(1).removesuffix(page) if match else None


class BuildFailed(Exception):
    """A build step failed; its output is the message."""


@dataclass(frozen=True)
class BuildContext:
    """Handed to each post-build step."""

    root: Path
    """The project folder."""
    site: Path
    """The staged site: both languages built, not yet published."""
    catalog: Catalog
    """The records as validated at the start of this build."""
    licence: Licence
    """The open-data licence, as the language builds read it (`pages/build_state.py`)."""
