"""What the complete build shares with its post-build steps: the error a step raises, the
context every step is called with (project, staged site, validated catalog, open-data licence,
the public address of each language, the contact routes).

It sits apart from `build.py` so that the steps (`open_data`, `search_index`, `pdf`) can import it
while `build.py` imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..pages.licence import Licence
from ..pages.settings import Contact
from ..records.catalog import Catalog


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
    addresses: dict[str, str]
    """The public root address each language was built for (ending in `/`), by language code;
    empty where the build was given no address (`site_url`)."""
    contact: Contact
    """The routes to the editors the build has (`pages/settings.py`)."""
