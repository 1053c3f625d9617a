"""The state of `mkdocs serve` that lives across its rebuilds: what to validate and rebuild after a save.

MkDocs' live server makes a new config, and so a new `BuildState`, for every rebuild; the records
plugin makes one `Preview` when the server starts (`on_startup`; a plain `mkdocs build` has none)
and hands it to every build. Its presence is also what lets a build with invalid records show
their errors instead of stopping (`preview_errors.py`). It keeps:

- a `RecordCache`: a record file whose bytes did not change is not read or validated again;
- the catalog of the last good build, to see which records changed (a record from the cache is
  the same object, so an unchanged record is `is`-identical) and which pages show them;
- a fingerprint of everything else the pages are made from (hand-written pages, templates, the package,
  interface texts, configs, vocabularies, key figures, geodata).

With `mkdocs serve --dirty` (what `make serve` runs) MkDocs writes only the pages whose file
reports itself modified (`File.is_modified()`: no output yet, or output older than the source).
`plan` decides what that is: after a change to a record, its pages and the pages that show it
(related records, the region pages it is listed on, and the hand-written pages with a generated
part that shows records of its kind, `render.FRAGMENTS`: the overviews, the home page, the news,
and for a network the focus report too); after any other
change, after a build that showed errors, or after a failed build, everything. The pages to
rebuild lose their output file, so MkDocs rebuilds them; a deleted record's page is removed.
Material's search merges a dirty rebuild's pages into its index as if only one page changed, so
the incremental preview goes without it (see README: Search in `make serve`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.structure.files import File

from ..records.catalog import Catalog, Entry
from ..records.kinds import KINDS, record_path
from ..records.record_cache import RecordCache
from ..site import CONTENT_DIR, LANGUAGES
from . import focus_report
from .region_map import neighbours
from .regions import region_index
from .render import FRAGMENTS, MARKER, CompiledTemplates

WATCHED = ("docs", "overrides", "hooks", CONTENT_DIR, *(lang.config_file for lang in LANGUAGES))
"""Everything the pages are made from; the record files are followed one by one (`changed_records`)."""
RECORD_FOLDERS = tuple(kind.folder for kind in KINDS.values())


def fingerprint(root: Path) -> str:
    """Names, sizes and modification times of every watched file but the records: different when
    any changed."""
    skipped = {os.path.join(root, folder) for folder in RECORD_FOLDERS}
    parts = []
    for name in WATCHED:
        top = os.path.join(root, name)
        if os.path.isfile(top):
            found = [top]
        else:
            found = []
            for folder, subfolders, files in os.walk(top):
                subfolders[:] = sorted(
                    sub for sub in subfolders
                    if sub != "__pycache__" and os.path.join(folder, sub) not in skipped
                )
                found += [os.path.join(folder, file) for file in sorted(files)]
        for path in found:
            stat = os.stat(path)
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


@dataclass
class Plan:
    full: bool
    """Rebuild every page (the first build, a change besides records, after a failed build)."""
    records: set[tuple[str, str]] = field(default_factory=set)
    """(kind, id) of the record pages to rebuild."""
    removed: set[tuple[str, str]] = field(default_factory=set)
    """(kind, id) of records that are gone: their pages are removed."""
    regions: set[str] = field(default_factory=set)
    """Codes of the region pages to rebuild: those that list a changed record, before or after."""
    kinds: set[str] = field(default_factory=set)
    """The kinds of the records that changed: a hand-written page is rebuilt when one of its
    generated parts shows that kind (`render.FRAGMENTS`)."""

    def rebuilds_page(self, markdown: str) -> bool:
        """Whether a hand-written page with this Markdown is to be rebuilt."""
        shown = (FRAGMENTS.get(name, self.kinds) for name in MARKER.findall(markdown))
        return self.full or any(kinds & self.kinds for kinds in shown)


def related(entry: Entry, catalog: Catalog) -> set[tuple[str, str]]:
    """The records whose pages show this one (its name, title or a link to it)."""
    return catalog.linked(entry)


def changed_records(old: Catalog, new: Catalog) -> Plan:
    """What to rebuild between two catalogs of the same cache (a record from the cache is the same
    object, so an unchanged record is `is`-identical)."""
    changed: set[tuple[str, str]] = set()
    rebuild: set[tuple[str, str]] = set()
    removed: set[tuple[str, str]] = set()
    for kind in KINDS:
        before, after = old.entries.get(kind, {}), new.entries.get(kind, {})
        for record_id in before.keys() | after.keys():
            was, now = before.get(record_id), after.get(record_id)
            if was is not None and now is not None and was.record is now.record:
                continue
            changed.add((kind, record_id))
            if now is None:
                removed.add((kind, record_id))
            else:
                rebuild.add((kind, record_id))
                rebuild |= related(now, new)
            if was is not None:
                rebuild |= related(was, old)
    rebuild = {(kind, record_id) for kind, record_id in rebuild if record_id in new.entries.get(kind, {})}
    return Plan(
        full=False,
        records=rebuild,
        removed=removed,
        regions=_regions_listing(changed, old, new),
        kinds={kind for kind, _ in changed},
    )


def _regions_listing(changed: set[tuple[str, str]], old: Catalog, new: Catalog) -> set[str]:
    """The regions whose page lists one of the `changed` records, in either catalog, and the regions
    bordering them (a region page counts its neighbours' initiatives)."""
    if not changed:
        return set()
    found = set()
    for catalog in (old, new):
        if catalog.places is None:
            continue
        for code, region in region_index(catalog).regions.items():
            if any((entry.kind, entry.id) in changed for entry in (*region.initiatives, *region.networks)):
                found.add(code)
    if new.places is not None:
        found |= {other.code for code in found for other in neighbours(new, code)}
    return found


@dataclass
class Preview:
    """One `mkdocs serve` session's state across rebuilds (see the module's docstring)."""

    incremental: bool
    """`mkdocs serve --dirty`: MkDocs rebuilds only the pages reported modified."""
    records: RecordCache = field(default_factory=RecordCache)
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)
    theme_files: dict[tuple, list[str]] = field(default_factory=dict)
    """The theme's files (MkDocs lists them for every build, Material's thousands of icons too),
    by the theme's folders and the names in the project's own (`overrides/`)."""
    last_catalog: Catalog | None = None
    last_fingerprint: str | None = None
    built: bool = False
    """The last build finished; False while one runs and after one failed."""

    def plan(self, root: Path, catalog: Catalog | None) -> Plan:
        """What this build must rebuild; call once per build, before it writes pages. `catalog` is
        None in a build that shows errors (every page changes, and again once they are fixed)."""
        current = fingerprint(root)
        previous, self.last_fingerprint = self.last_fingerprint, current
        last, self.last_catalog = self.last_catalog, catalog
        was_built, self.built = self.built, False
        if not self.incremental or not was_built or last is None or catalog is None or previous != current:
            return Plan(full=True)
        return changed_records(last, catalog)

    def prepare(self, config, root: Path) -> None:
        """Ready the build of `config` for the session: the theme's compiled templates and files from
        the session, and in a dirty preview no Material search (it would index only the pages a dirty
        build rebuilds)."""
        self.cache_templates(config, root)
        if self.incremental:
            config.plugins["material/search"].config.enabled = False

    def cache_templates(self, config, root: Path) -> None:
        """Give the theme environments of this build (`config.theme.get_env`) the session's
        compiled templates and its list of the theme's files.

        The one adapter to MkDocs' internals: MkDocs lists the theme's files (Material's thousands
        of icons) with `env.list_templates` in every build before any event could hand it a list,
        so the session wraps `config.theme.get_env`. `tests/test_serve.py` fails when MkDocs stops
        making the environment this way."""
        make_environment = config.theme.get_env
        folders = tuple(config.theme.dirs)
        own = [Path(folder) for folder in folders if Path(folder).is_relative_to(root)]

        def get_env() -> jinja2.Environment:
            environment = make_environment()
            environment.bytecode_cache = self.templates
            list_templates = environment.list_templates

            def listed(extensions=None, filter_func=None) -> list[str]:
                names = tuple(sorted(str(path) for folder in own for path in folder.rglob("*")))
                key = (folders, names, extensions, getattr(filter_func, "__qualname__", filter_func))
                if key not in self.theme_files:
                    self.theme_files[key] = list_templates(extensions, filter_func)
                return list(self.theme_files[key])

            environment.list_templates = listed  # type: ignore[method-assign]
            return environment

        config.theme.get_env = get_env

    def finished(self) -> None:
        self.built = True

    def failed(self) -> None:
        self.built = False


def prepare_dirty_build(state, files, config) -> None:
    """Before a dirty rebuild of the preview, remove the output of every page the session's plan
    says the change touches, so that MkDocs rebuilds exactly those (`state`: the build's
    `BuildState`; `files`: the build's `Files`). Nothing outside a preview session."""
    if state.session is None:
        return
    root = Path(config.config_file_path).resolve().parent
    plan = state.session.plan(root, state.catalog)
    record_outputs, region_outputs, docs_outputs = {}, {}, []
    chapters = set(focus_report.chapter_files(config["nav"])) if state.errors is None else set()
    print_page, chapters_rebuilt = None, False
    for file in files.documentation_pages():
        shown = state.pages.get(file.src_uri)
        entry, region = getattr(shown, "entry", None), getattr(shown, "region", None)
        kind = getattr(shown, "kind", None)  # a generated overview
        if entry is not None:
            if (entry.kind, entry.id) in plan.records:
                record_outputs[(entry.kind, entry.id)] = Path(file.abs_dest_path)
        elif region is not None:
            if region.code in plan.regions:
                region_outputs[region.code] = Path(file.abs_dest_path)
        elif kind is not None:
            if kind.name in plan.kinds:
                docs_outputs.append(Path(file.abs_dest_path))
        elif file.src_uri == focus_report.PRINT_PAGE:
            print_page = file
        elif plan.rebuilds_page(file.content_string):
            docs_outputs.append(Path(file.abs_dest_path))
            chapters_rebuilt |= file.src_uri in chapters
    if print_page is not None and chapters_rebuilt:  # the whole report on one page
        docs_outputs.append(Path(print_page.abs_dest_path))
    apply(plan, Path(config.site_dir), docs_outputs, record_outputs, region_outputs)


def apply(
    plan: Plan,
    site_dir: Path,
    docs_pages: list[Path],
    record_page: dict[tuple[str, str], Path],
    region_page: dict[str, Path],
) -> None:
    """Make MkDocs' dirty build rebuild what `plan` names: remove those pages' output files.

    `docs_pages` are the output files of the hand-written pages, `record_page` and `region_page`
    those of the generated pages; a full plan empties the whole output folder."""
    if plan.full:
        if site_dir.is_dir():
            for child in site_dir.iterdir():
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        return
    for path in docs_pages:
        _remove(path)
    for key in plan.records:
        if key in record_page:
            _remove(record_page[key])
    for code in plan.regions:
        if code in region_page:
            _remove(region_page[code])
    for kind, record_id in plan.removed:
        shutil.rmtree(site_dir / record_path(kind, record_id), ignore_errors=True)


def _remove(path: Path) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


class GeneratedPage(File):
    """A generated page (a record's, a region's: its Markdown is empty, the site's plugin renders
    it). In a dirty build it counts as modified when it has no output: `apply` removes the output of
    every page the plan names, and a full plan all of them."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


class _DirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale; in strict mode that warning
    fails the build. The preview rebuilds every page that shows what changed (and every
    hand-written page, so the navigation is whole), so the warning is not shown."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


_FILTER = _DirtyWarning()


def quiet_dirty_warning(quiet: bool = True) -> None:
    """Filter the warning out of MkDocs' build log for a dirty preview session, and put it back
    when the session ends (`on_shutdown`)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if quiet and _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    elif not quiet:
        logger.removeFilter(_FILTER)
