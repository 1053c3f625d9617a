"""The public search: a Pagefind index over the finished site, one index per `<html lang>`.

Runs as a post-build step (see `build.py`) on the staged site, after both languages are built, so
one bundle at `<site>/pagefind/` serves the Dutch root and `/en/`; the page's `<html lang>` picks
the index, and Pagefind stems each language with its own stemmer ("netwerken" finds "netwerk").

What is indexed is decided in the pages, not here:

- `data-pagefind-body` wraps the article content of every page (the plugin adds it), so navigation,
  header, footer and the edit buttons are never indexed, and a page without it (the 404 page) is
  left out entirely;
- `data-pagefind-ignore="all"` marks contact blocks, the overview tables, the sources and
  correction blocks, and the lists of related records (those records have pages of their own);
- `data-pagefind-ignore` marks what the record templates repeat on every record: field labels,
  section headings, the kind line. Indexed, such words would sit on every record page, match every
  record, and make the index chunks of those words (downloaded per query) large;
- `data-pagefind-filter` / `data-pagefind-meta` elements in the record pages' metadata block
  (`overrides/fragments/record-meta.html`) carry the record facets (`FILTERS` below) and the kind.

Material's own search plugin is switched off for this build (`build.build_language`); it stays on
for `make serve`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..pages.facets import SEARCH_FACETS
from .build_context import BuildContext, BuildFailed
from .reproducible import normalise_pagefind

BUNDLE_DIR = "pagefind"
"""Where the bundle goes, relative to the site root (the search box loads it from there)."""

FILTERS = list(
    dict.fromkeys(["kind", *(facet.key for facets in SEARCH_FACETS.values() for facet in facets), "network"])
)
"""The Pagefind filters a record page may carry: its kind, its facets (`facets.SEARCH_FACETS`) and
the network (a network page names itself); values are labels in the page's language."""


def pagefind_command(site: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE_DIR, "--quiet"]


def index_site(build: BuildContext) -> None:
    """Post-build step: write the Pagefind bundle into `site/pagefind/`."""
    root, site = build.root, build.site
    result = subprocess.run(pagefind_command(site), cwd=root, capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or not (site / BUNDLE_DIR / "pagefind.js").exists():
        raise BuildFailed(f"--- pagefind failed (exit {result.returncode}):\n{output}")
    normalise_pagefind(site / BUNDLE_DIR)  # the same bundle from the same site, every time
