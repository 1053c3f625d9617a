"""The state of one MkDocs build of one language, made by the records hook in `on_config`.

It lives on that build's config under one key (`STATE`) and goes with it: `mkdocs serve` loads a
new config, and so makes a new state, for every rebuild (what lives across them is the session's
`Preview`, `pages/preview.py`, handed in by the hook). Making it empties the caches of strings,
fields and Markdown (`records/caches.py`), so nothing one build read is seen by the next.

The complete build (`outputs/build.py`) runs MkDocs itself, in the same process, and hands over the
catalog it validated before anything else (`hand_over`): the language builds do not validate again,
and they are the published site. A build that nothing handed a catalog to (`mkdocs serve`, or an
`mkdocs build` on its own) validates `content/` itself and is a preview: no step after MkDocs writes
the downloads its pages would link to, and `mkdocs serve` adds an inline live-reload script that a
Content-Security-Policy would block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..records import caches
from ..records.catalog import Catalog, CatalogError, Entry, load_catalog
from ..records.kinds import RecordKind
from ..site import Language, language
from .licence import Licence, licence_of
from .preview import Preview
from .regions import Region

STATE = "sitegen_state"
"""The key of the MkDocs config that holds the build's `BuildState`."""
VALIDATED_CATALOG = "sitegen_validated_catalog"
"""The key under which the complete build hands its validated catalog to a language build."""


@dataclass
class BuildState:
    language: Language
    catalog: Catalog
    published: bool
    """Built by the complete build, which writes open data, search index and PDFs after MkDocs;
    otherwise a preview, whose pages name those files without linking them and carry no policy."""
    licence: Licence
    """The open-data licence (`extra.open_data_licence`): the open-data page names it, and the
    complete build writes it into every JSON file."""
    record_pages: dict[str, Entry] = field(default_factory=dict)
    """The record of each generated page, by its `src_uri` (filled by `on_files`)."""
    region_pages: dict[str, Region] = field(default_factory=dict)
    """The labour-market region of each generated region page, by its `src_uri` (filled by `on_files`)."""
    overview_pages: dict[str, RecordKind] = field(default_factory=dict)
    """The kind of each generated overview page (a kind without a hand-written one), by its `src_uri`."""
    errors: CatalogError | None = None
    """`mkdocs serve` with invalid records: the errors its pages show, instead of a catalog (which
    is then empty; see `pages/preview_errors.py`)."""
    session: Preview | None = None
    """The `mkdocs serve` session this build is part of (`pages/preview.py`); None for a build."""

    @property
    def preview(self) -> bool:
        return not self.published


def hand_over(config, catalog: Catalog) -> None:
    """Give a language build the catalog the complete build validated (before `build(config)`)."""
    config[VALIDATED_CATALOG] = catalog


def start_build(config, session: Preview | None = None) -> BuildState:
    """The state of the build of `config` (an MkDocs config), kept on it; raise CatalogError or
    LicenceSettingError. A `session` (`mkdocs serve`) validates again only the record files that
    changed."""
    caches.clear()
    handed = config.get(VALIDATED_CATALOG)
    records = session.records if session is not None else None
    state = BuildState(
        language=language(config["theme"]["language"]),
        catalog=handed if handed is not None else load_catalog(project_root(config), records),
        published=handed is not None,
        licence=licence_of(config["extra"]),
        session=session,
    )
    config[STATE] = state
    return state


def start_broken_preview(config, errors: CatalogError, session: Preview) -> BuildState:
    """The state of a `mkdocs serve` build whose records are invalid: it shows `errors` instead."""
    state = BuildState(
        language=language(config["theme"]["language"]),
        catalog=None,  # type: ignore[arg-type]
        published=False,
        licence=licence_of(config["extra"]),
        errors=errors,
        session=session,
    )
    config[STATE] = state
    return state


def state_of(config) -> BuildState:
    return config[STATE]


def project_root(config) -> Path:
    # Relative paths in an inherited config resolve from the child config's folder; both configs
    # sit in the project root, so that folder is the root.
    return Path(config.config_file_path).resolve().parent
