"""The pages the build makes itself, each one its domain object: a record's page, a region's page,
the overview of a kind that has no hand-written one, and the focus report on one page, to print.

`add_pages` adds them to MkDocs' files (outside the navigation) with the locator maps and the data of
the municipality look-up; `page_markdown` and `page_content` answer MkDocs' page events for them and
fill the `<!-- records:NAME -->` markers of the hand-written pages.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..records.catalog import Entry
from ..records.i18n import Strings
from ..records.kinds import KINDS, RecordKind
from ..site import REGIONS_SECTION, root_of
from . import focus_report, preview_errors
from .build_state import BuildState, project_root
from .editing import editors_mail, record_links
from .links import mark_shown_addresses
from .lookup import LOOKUP_FILE, lookup_json
from .preview import GeneratedPage
from .region_map import locator_svgs
from .regions import Region, region_index
from .render import FRAGMENTS, MARKER, toc_tokens
from .searchable import kept_out_of_search, search_weight, searchable

PLACEHOLDER = '<div data-vh-fragment="{}"></div>'
"""What a `<!-- records:NAME -->` marker becomes in the Markdown, until the page's HTML replaces it."""


class UnknownMarker(ValueError):
    """A hand-written page names a generated part that does not exist."""


@dataclass(frozen=True)
class RecordPage:
    entry: Entry

    def title(self, lang: str, state: BuildState) -> str:
        return self.entry.title_in(lang)

    def description(self, lang: str) -> str | None:
        summary = self.entry.record.summary
        return summary.get(lang) if summary is not None else None

    def html(self, page: Page, config, state: BuildState) -> str:
        root = root_of(page.url)
        links = record_links(self.entry, page, config)
        rendered = state.renderer.record(self.entry, root, links)
        page.toc = get_toc(toc_tokens(rendered.headings))
        meta = state.renderer.record_meta(self.entry, page.canonical_url or "")
        return searchable(str(rendered.html) + str(meta))


@dataclass(frozen=True)
class RegionPage:
    region: Region

    def title(self, lang: str, state: BuildState) -> str:
        label = state.catalog.label("labour_market_regions", self.region.code, lang)
        return Strings(lang).t("region-title", region=label)

    def description(self, lang: str) -> str | None:
        return None

    def html(self, page: Page, config, state: BuildState) -> str:
        rendered = state.renderer.region(self.region, root_of(page.url))
        page.toc = get_toc(toc_tokens(rendered.headings))
        return searchable(str(rendered.html))


@dataclass(frozen=True)
class OverviewPage:
    kind: RecordKind

    def title(self, lang: str, state: BuildState) -> str:
        return Strings(lang).t(f"section-{self.kind.name}")

    def description(self, lang: str) -> str | None:
        return None

    def html(self, page: Page, config, state: BuildState) -> str:
        return searchable(str(state.renderer.fragment("overview", root_of(page.url), kind=self.kind)))


@dataclass(frozen=True)
class PrintPage:
    """The whole focus report on one page, to print (`focus_report.py` assembles it). Not marked for
    the search index: it repeats the chapters word for word."""

    def title(self, lang: str, state: BuildState) -> str:
        return Strings(lang).t("focus-print-title")

    def description(self, lang: str) -> str | None:
        return None

    def html(self, page: Page, config, state: BuildState) -> str:
        root = root_of(page.url)
        report = focus_report.build_report(
            config, state.catalog, link_base=root, chapter_level=2, renderer=state.renderer
        )
        page.toc = get_toc(focus_report.report_toc(report))
        return str(state.renderer.fragment("focus-print", root, report=report))


# Adding them to the build -----------------------------------------------------------------------


def add_pages(files: Files, config, state: BuildState) -> Files:
    """Every generated page, locator map and the look-up data, added to `files`; in a preview with
    invalid records, a page for every record file that shows the errors instead."""
    if state.errors is not None:
        for kind, ids in preview_errors.record_ids(project_root(config)).items():
            for record_id in ids:
                files.append(_generated(config, KINDS[kind].page_source(record_id), None))
        return files
    docs_folder = Path(config.docs_dir).resolve().relative_to(project_root(config)).as_posix()
    for entry in state.catalog.all_entries():
        # The edit link points at the record's YAML file, not at the generated page: `edit_uri`
        # is relative to the pages' folder (`docs/nl/`), the record's path to the project.
        _add(files, config, state, KINDS[entry.kind].page_source(entry.id), RecordPage(entry),
             edit_uri=posixpath.relpath(entry.path, docs_folder))
    for kind in KINDS.values():  # an overview for a kind without a hand-written one
        if files.get_file_from_path(f"{kind.section}/index.md") is None:
            _add(files, config, state, f"{kind.section}/index.md", OverviewPage(kind))
    for region in region_index(state.catalog).regions.values():  # generated from the CBS table
        _add(files, config, state, f"{REGIONS_SECTION}/{region.code}.md", RegionPage(region))
    for name, svg in locator_svgs(state.catalog).items():
        files.append(File.generated(config, name, content=svg))
    files.append(File.generated(config, LOOKUP_FILE, content=lookup_json(state.catalog, state.language.code)))
    _add(files, config, state, focus_report.PRINT_PAGE, PrintPage())  # the chapters are the sources
    return files


def _add(files: Files, config, state: BuildState, src_uri: str, shown, edit_uri: str | None = None) -> None:
    files.append(_generated(config, src_uri, edit_uri))
    state.pages[src_uri] = shown


def _generated(config, src_uri: str, edit_uri: str | None) -> File:
    file = GeneratedPage.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    file.edit_uri = edit_uri
    return file


# Page events -------------------------------------------------------------------------------------


def page_markdown(markdown: str, page: Page, state: BuildState) -> str:
    """A generated page's title (and description); a hand-written page's markers made into
    placeholders that `page_content` fills."""
    if state.errors is not None:
        page.meta["title"] = preview_errors.title()
        return ""
    shown = state.pages.get(page.file.src_uri)
    if shown is not None:
        # Material prints title and description without escaping them: escape them here.
        lang = state.language.code
        page.meta["title"] = str(escape(shown.title(lang, state)))
        if (description := shown.description(lang)) is not None:
            page.meta["description"] = str(escape(description))
        return ""

    def placeholder(match: re.Match) -> str:
        name = match.group(1)
        if name not in FRAGMENTS:
            known = ", ".join(sorted(FRAGMENTS))
            raise UnknownMarker(f"{page.file.src_path}: unknown marker 'records:{name}'; known: {known}")
        return "\n\n" + PLACEHOLDER.format(name) + "\n\n"

    return MARKER.sub(placeholder, markdown)


def page_content(html: str, page: Page, config, state: BuildState) -> str:
    """A page's HTML: a generated page's own, or a hand-written page with its generated parts; a link
    whose text is its address does not repeat it in print (`links.py`)."""
    if state.errors is not None:
        page.toc = get_toc([])
        return mark_shown_addresses(state.theme.preview_errors)
    shown = state.pages.get(page.file.src_uri)
    if shown is not None:
        return mark_shown_addresses(shown.html(page, config, state))
    for name in FRAGMENTS:
        marker = PLACEHOLDER.format(name)
        if marker in html:
            fragment = state.renderer.fragment(
                name,
                root_of(page.url),
                preview=state.preview,
                editors_mail=editors_mail(config, page),
                contact=state.theme.contact,
                licence=state.licence,
            )
            html = html.replace(marker, str(fragment))
    if kept_out_of_search(page.meta):
        return mark_shown_addresses(html)
    return mark_shown_addresses(searchable(html, search_weight(page.meta)))
