"""MkDocs hook: the record pages, the generated parts of hand-written pages, and the language wiring.

Both builds (`mkdocs.yml`, Dutch, and `mkdocs.en.yml`, English) run this hook; the language comes
from `theme.language`. The hook only adapts MkDocs events to the plain modules in `sitegen/`:

- `on_startup` starts, for `mkdocs serve`, the session that lives across its rebuilds
  (`sitegen.pages.preview`): record files that did not change are not validated again, and with
  `--dirty` (`make serve`) only the pages that show a changed record are rebuilt;
- `on_config` makes the build's state (`sitegen.pages.build_state`): the catalog, validated with
  all errors at once before `site/` is touched, or handed over by the complete build, and the
  open-data licence (`extra.open_data_licence`); it checks
  `extra.languages` against the site model (`sitegen.site`) and derives the language switch and
  sitemap alternates from it; in the session of `mkdocs serve` invalid records do not stop the
  preview: its pages show the errors instead (`sitegen.pages.preview_errors`), until the files
  are fixed;
- `on_files` adds one page per record (`netwerken/<id>/`, `initiatieven/<id>/`) and per
  labour-market region (`regios/<code>/`), outside the nav, the locator maps (`kaarten/*.svg`) and
  the look-up data of "find your municipality" (`regios/gemeenten.json`);
- `on_nav` gives sections their title in the page's language;
- `on_page_markdown` / `on_page_content` put the record HTML, rendered with autoescape by
  `sitegen.pages.render`, into the page, and fill the `<!-- records:NAME -->` markers of hand-written pages;
  they mark the content for the search index (pages whose front matter says `search: exclude` stay
  out) and mark links whose text is their address, for print;
- `on_page_context` gives the footer its e-mail link to the editors, with the page prefilled.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from sitegen.pages import focus_report, news, preview, preview_errors
from sitegen.pages.build_state import project_root, start_broken_preview, start_build, state_of
from sitegen.pages.editing import (
    FormTemplateError,
    RecordLinks,
    check_form_template,
    correction_url,
    mail_url,
)
from sitegen.pages.licence import LicenceSettingError
from sitegen.pages.links import mark_shown_addresses
from sitegen.pages.lookup import LOOKUP_FILE, lookup_json
from sitegen.pages.region_map import locator_svgs
from sitegen.pages.regions import region_index
from sitegen.pages.render import (
    FRAGMENTS,
    MARKER,
    render_fragment,
    render_record,
    render_record_meta,
    render_region,
    toc_tokens,
)
from sitegen.pages.searchable import kept_out_of_search, searchable
from sitegen.records.catalog import CatalogError
from sitegen.records.i18n import Strings
from sitegen.records.kinds import KINDS
from sitegen.site import LANGUAGES, REGIONS_SECTION, language, root_of

PLACEHOLDER = '<div data-vh-fragment="{}"></div>'
log = logging.getLogger("mkdocs.hooks.records")
FOOTER_LINKS = {
    "footer-contribute": "bijdragen/",
    "footer-privacy": "privacy/",
    "footer-accessibility": "toegankelijkheid/",
}


_session: preview.Preview | None = None
"""The `mkdocs serve` session; None for `mkdocs build`. MkDocs names the command only to
`on_startup`, once per process, and keeps this module loaded for every rebuild of the preview."""


# Hooks -----------------------------------------------------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    global _session
    _session = preview.Preview(incremental=dirty) if command == "serve" else None
    if _session is not None and dirty:
        preview.quiet_dirty_warning()


@event_priority(50)  # before Material's search: the preview may switch it off, see below
def on_config(config):
    if _session is not None:
        _session.cache_templates(config, project_root(config))
        if _session.incremental:
            # Material's search indexes only the pages a dirty build rebuilds (see sitegen.pages.preview).
            config.plugins["material/search"].config.enabled = False
    try:
        state = start_build(config, _session)
    except LicenceSettingError as error:
        raise PluginError(str(error)) from None
    except CatalogError as error:
        if _session is None:
            raise PluginError(str(error)) from None
        # The preview answers with the errors (see on_files).
        state = start_broken_preview(config, error, _session)
        config.extra["preview_errors"] = str(preview_errors.error_list(error))  # pages and 404.html
    if not state.published and state.errors is None:  # the complete build prints them once, before
        for warning in state.catalog.warnings:  # info: --strict stops on warnings, these are allowed
            log.info(str(warning))
    try:
        check_form_template(config.extra.get("correction_form", ""), config.repo_url)
    except FormTemplateError as error:
        raise PluginError(str(error)) from None
    _check_languages(config)
    # One name per language, from strings.yml: the header, the titles, the logo's label and the PDF.
    config.site_name = Strings(config.theme["language"]).t("site-name")
    _wire_languages(config)
    _wire_search(config)
    return config


def on_files(files: Files, config) -> Files:
    state = state_of(config)
    if state.errors is not None:  # a page for every record file, each showing the errors
        for kind, ids in preview_errors.record_ids(project_root(config)).items():
            for record_id in ids:
                page = File.generated(
                    config,
                    KINDS[kind].page_source(record_id),
                    content="",
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
                files.append(page)
        _plan_preview(state, files, config)
        return files
    docs_folder = Path(config.docs_dir).resolve().relative_to(project_root(config)).as_posix()
    for entry in state.catalog.all_entries():
        src_uri = KINDS[entry.kind].page_source(entry.id)
        file = preview.GeneratedPage.generated(
            config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV
        )
        # The edit link points at the record's YAML file, not at the generated page: `edit_uri`
        # is relative to the pages' folder (`docs/nl/`), the record's path to the project.
        file.edit_uri = posixpath.relpath(entry.path, docs_folder)
        files.append(file)
        state.record_pages[src_uri] = entry
    # An overview for each kind that has no hand-written one (`docs/<language>/<section>/index.md`).
    for kind in KINDS.values():
        src_uri = f"{kind.section}/index.md"
        if files.get_file_from_path(src_uri) is None:
            file = preview.GeneratedPage.generated(
                config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV
            )
            file.edit_uri = None
            files.append(file)
            state.overview_pages[src_uri] = kind
    # One page per labour-market region, its locator map, and the data of the look-up box.
    for region in region_index(state.catalog).regions.values():
        src_uri = f"{REGIONS_SECTION}/{region.code}.md"
        file = preview.GeneratedPage.generated(
            config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV
        )
        file.edit_uri = None  # generated from the CBS table and the records
        files.append(file)
        state.region_pages[src_uri] = region
    for name, svg in locator_svgs(state.catalog).items():
        files.append(File.generated(config, name, content=svg))
    files.append(File.generated(config, LOOKUP_FILE, content=lookup_json(state.catalog, state.language.code)))
    # The whole focus report on one page, to print (sitegen/pages/focus_report.py assembles it).
    print_page = preview.GeneratedPage.generated(
        config, focus_report.PRINT_PAGE, content="", inclusion=InclusionLevel.NOT_IN_NAV
    )
    print_page.edit_uri = None  # nothing to edit: the chapters are the sources
    files.append(print_page)
    _plan_preview(state, files, config)
    return files


def on_post_build(config) -> None:
    if state_of(config).session is not None:
        state_of(config).session.finished()


def on_build_error(error) -> None:
    if _session is not None:
        _session.failed()


def on_nav(nav: Navigation, config, files: Files) -> Navigation:
    strings = Strings(config.theme["language"])
    for item in nav.items:
        if isinstance(item, Section) and item.children:
            first = item.children[0]
            folder = getattr(getattr(first, "file", None), "src_uri", "").split("/")[0]
            item.title = strings.t(f"section-{folder}")
    return nav


def on_page_markdown(markdown: str, page: Page, config, files: Files) -> str:
    if state_of(config).errors is not None:
        page.meta["title"] = preview_errors.title()
        return ""
    entry = state_of(config).record_pages.get(page.file.src_uri)
    lang = config.theme["language"]
    if page.file.src_uri == focus_report.PRINT_PAGE:
        page.meta["title"] = Strings(lang).t("focus-print-title")
        return ""
    if entry is not None:
        # Material prints title and description without escaping them: escape them here.
        page.meta["title"] = str(escape(entry.title_in(lang)))
        page.meta["description"] = str(escape(entry.record.summary.get(lang)))
        return ""
    kind = state_of(config).overview_pages.get(page.file.src_uri)
    if kind is not None:
        page.meta["title"] = Strings(lang).t(f"section-{kind.name}")
        return ""
    region = state_of(config).region_pages.get(page.file.src_uri)
    if region is not None:
        label = state_of(config).catalog.label("labour_market_regions", region.code, lang)
        page.meta["title"] = str(escape(Strings(lang).t("region-title", region=label)))
        return ""

    def placeholder(match: re.Match) -> str:
        name = match.group(1)
        if name not in FRAGMENTS:
            raise PluginError(
                f"{page.file.src_path}: unknown marker 'records:{name}'; "
                f"known: {', '.join(sorted(FRAGMENTS))}"
            )
        return "\n\n" + PLACEHOLDER.format(name) + "\n\n"

    return MARKER.sub(placeholder, markdown)


def on_page_content(html: str, page: Page, config, files: Files) -> str:
    # Printed, a link whose text is its address does not repeat it (`sitegen.pages.links`).
    return mark_shown_addresses(_page_content(html, page, config))


def _page_content(html: str, page: Page, config) -> str:
    state = state_of(config)
    if state.errors is not None:
        page.toc = get_toc([])
        return config.extra["preview_errors"]
    catalog, lang = state.catalog, state.language.code
    root = root_of(page.url)
    entry = state.record_pages.get(page.file.src_uri)
    if page.file.src_uri == focus_report.PRINT_PAGE:
        # Not marked for the search index: the page repeats the chapters word for word.
        report = focus_report.build_report(config, catalog, link_base=root, chapter_level=2)
        page.toc = get_toc(focus_report.report_toc(report))
        return str(render_fragment("focus-print", catalog, lang, root, report=report))
    if entry is not None:
        rendered = render_record(entry, catalog, lang, root, _record_links(entry, page, config))
        page.toc = get_toc(toc_tokens(rendered.headings))
        meta = render_record_meta(entry, catalog, lang, page.canonical_url or "")
        return searchable(str(rendered.html) + str(meta))
    kind = state.overview_pages.get(page.file.src_uri)
    if kind is not None:
        return searchable(str(render_fragment("overview", catalog, lang, root, kind=kind)))
    region = state.region_pages.get(page.file.src_uri)
    if region is not None:
        rendered = render_region(region, catalog, lang, root)
        page.toc = get_toc(toc_tokens(rendered.headings))
        return searchable(str(rendered.html))
    for name in FRAGMENTS:
        marker = PLACEHOLDER.format(name)
        if marker in html:
            fragment = render_fragment(
                name,
                catalog,
                lang,
                root,
                preview=state.preview,
                editors_mail=_editors_mail(config, page, "accessibility-subject"),
                editors_address=config.extra.get("editors_email"),
                licence=state.licence,
            )
            html = html.replace(marker, str(fragment))
    if kept_out_of_search(page.meta):
        return html
    return searchable(html)


def on_page_context(context, page: Page, config, nav):
    context["editors_mail"] = _editors_mail(config, page)
    return context


# Helpers ---------------------------------------------------------------------------------------


def _plan_preview(state, files: Files, config) -> None:
    """In a dirty `mkdocs serve` rebuild, leave MkDocs to rebuild only what the change touches."""
    if state.session is not None:
        preview.prepare_dirty_build(state, files, config, project_root(config))


def _editors_mail(config, page: Page, subject: str = "mail-subject", title: str | None = None) -> str | None:
    """mailto: the editors (`extra.editors_email`) about this page: its title and address prefilled."""
    strings = Strings(config.theme["language"])
    # A page's title is HTML (record titles are escaped for Material): the mail gets its text.
    title = title or Markup(str(page.title or config.site_name)).striptags()
    url = page.canonical_url or page.abs_url or ""
    return mail_url(
        config.extra.get("editors_email"),
        strings.t(subject, title=title),
        strings.t("mail-body", title=title, url=url),
    )


def _record_links(entry, page: Page, config) -> RecordLinks:
    """Edit link (MkDocs derives it from `repo_url` + `edit_uri`) and correction form address."""
    template = config.extra.get("correction_form")
    lang = config.theme["language"]
    title = entry.title_in(lang)
    correction = template and correction_url(
        template,
        config.repo_url,
        kind=entry.kind,
        id=entry.id,
        title=title,
        url=page.canonical_url or page.abs_url or "",
        subject=Strings(lang).t("correction-subject", title=title),
    )
    mail = _editors_mail(config, page, "correction-subject", title=title)
    return RecordLinks(edit=page.edit_url, correction=correction or None, mail=mail)


def _check_languages(config) -> None:
    """`extra.languages` (Material's language switch reads it) says what the site model says."""
    expected = {lang.code: {"name": lang.name, "path": lang.path} for lang in LANGUAGES}
    found = config.extra.get("languages")
    if found != expected or list(found) != list(expected):
        raise PluginError(
            f"extra.languages must be {expected} (the site model, hooks/sitegen/site.py); it is {found}"
        )
    try:
        language(config.theme["language"])
    except ValueError as error:
        raise PluginError(f"theme.language: {error}") from None


def _wire_languages(config) -> None:
    """Language switch entries and absolute language roots from the site model.

    The links are relative (`en/` from the Dutch root, `../` from the English one), so the site
    works under any sub-path. `overrides/partials/alternate.html` adds the page's own path, so the
    switch lands on the same page in the other language; `language_roots` (absolute) feed the
    hreflang alternates of every page's head (`overrides/main.html`) and of the sitemaps.
    """
    lang = config.theme["language"]
    own = language(lang)
    site_url = config.site_url or ""
    # mkdocs.yml holds the site's one public address; a language's build lives under its path.
    # (`mkdocs serve` serves at the address it was given, e.g. `make serve-en`'s .../en/.)
    if site_url and own.path and not site_url.endswith("/" + own.path):
        site_url = config.site_url = site_url.rstrip("/") + "/" + own.path
    base = site_url.removesuffix(own.path) if own.path else site_url
    up = own.up_to_site_root
    # Not `extra.alternate`: Material would print it as head links to each language's home page;
    # overrides/main.html links each page to the same page in the other language instead.
    config.extra["language_switch"] = [
        {"name": other.name, "lang": other.code, "link": (up + other.path) or "./", "path": up + other.path}
        for other in LANGUAGES
    ]
    config.extra["language_roots"] = {other.code: base + other.path for other in LANGUAGES}
    strings = Strings(lang)
    config.extra["footer_label"] = strings.t("footer-label")
    config.extra["footer_mail"] = strings.t("mail-link")
    # Pages without a page of their own (the 404 page): the editors' address with the site's name.
    config.extra["editors_mail_default"] = mail_url(
        config.extra.get("editors_email"),
        strings.t("mail-subject", title=config.site_name),
        strings.t("mail-body", title=config.site_name, url=site_url),
    )
    config.extra["footer_links"] = [
        {"path": path, "title": strings.t(key)} for key, path in FOOTER_LINKS.items()
    ]
    # The 404 page speaks every language, the page's own first (most hosts serve only the root one).
    config.extra["not_found"] = sorted(
        (
            {
                "lang": other.code,
                "title": Strings(other.code).t("not-found-title"),
                "text": Strings(other.code).t("not-found-text"),
                "home": Strings(other.code).t("home"),
                "link": up + other.path,
            }
            for other in LANGUAGES
        ),
        key=lambda item: item["lang"] != lang,
    )


def _wire_search(config) -> None:
    """What the header's search box (overrides/partials/vh-search.html) needs: its interface text
    and the way from this build's root to the site root, where the Pagefind bundle lives."""
    config.extra["site_root"] = language(config.theme["language"]).up_to_site_root
    config.extra["strings"] = Strings(config.theme["language"])
    config.extra["news_feed"] = news.FEED
