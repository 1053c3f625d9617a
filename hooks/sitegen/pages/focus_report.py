"""The focus report as one document: its chapters, in order, with their generated parts filled in.

The report is the `focus` section of the navigation, page by page in nav order: that list is the
single source of the report's order. Both the printable page (`/focus/print/`, rendered by the
plugin inside the site's layout) and the PDF (`outputs/pdf.py`, rendered from its own print template) are
assembled here by `build_report`, from the chapters' Markdown rendered with MkDocs' own Markdown
settings and the `<!-- records:NAME -->` markers filled from the records.

In one document every chapter's ids get the chapter's slug as prefix (each chapter has its own
`#sources`), links between chapters become links inside the document, and links to other pages
of the site point at those pages: relative for the printable page, absolute for the PDF.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import markdown
from markupsafe import Markup, escape
from mkdocs.utils import get_build_datetime
from mkdocs.utils.meta import get_data

from ..records.catalog import Catalog
from ..records.i18n import Strings
from ..records.kinds import record_path
from ..site import root_of
from .links import SHOWS_URL, shows_address
from .render import MARKER, Heading, Renderer, toc_tokens

SECTION = "focus"
"""The nav section that is the report (its key in `nav:` of mkdocs.yml)."""

PRINT_PAGE = "focus/print.md"
"""The generated printable page; not in the nav, so not a chapter of itself."""

NOT_IN_REPORT = {"focus-downloads"}
"""Markers left empty in the report: the links to the report itself."""
_BASE = "https://site.invalid/"  # a stand-in host for resolving relative addresses


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: str
    html: Markup
    """The chapter's body without its title; ids prefixed, links resolved, headings shifted."""
    sections: list[Heading]
    """The chapter's own sections (its highest headings), for the table of contents."""


@dataclass(frozen=True)
class Report:
    lang: str
    title: str
    subtitle: str
    chapters: list[Chapter]
    built: dt.date
    pdf_name: str
    site_name: str
    """The site that compiles the report (`site_name` of the config): the report's author, not the
    networks."""


def pdf_name(lang: str) -> str:
    """The file name of the report's PDF, beside the chapters: `focusrapport.pdf`, `focus-report.pdf`."""
    return Strings(lang).t("focus-pdf-file")


def chapter_files(nav: list) -> list[str]:
    """The source paths of the report's chapters, in nav order."""
    for item in nav or []:
        if isinstance(item, dict) and SECTION in item:
            return [_path_of(child) for child in item[SECTION]]
    raise ValueError(f"the nav has no '{SECTION}' section, so there is no focus report")


def build_report(config, catalog: Catalog, link_base: str, chapter_level: int = 1,
                 built: dt.date | None = None, renderer: Renderer | None = None) -> Report:
    """The whole report in the language of `config` (an MkDocs config).

    `link_base` is prefixed to the site path of every link that leaves the report (`../../` on
    the printable page, the site's address in the PDF). `chapter_level` is the heading level of
    a chapter's title: 1 in the PDF, 2 on the printable page (whose own title is the h1).
    `renderer`: the build's, when there is one.
    """
    lang = config["theme"]["language"]
    renderer = renderer or Renderer(catalog, lang)
    strings = Strings(lang)
    files = chapter_files(config["nav"])
    sources = {
        src: get_data((Path(config["docs_dir"]) / src).read_text(encoding="utf-8-sig")) for src in files
    }
    # Where a page of the site is itself in the report: the chapters, and each network's profile.
    # A chapter's links keep their fragment (`missie.md#why` -> `#missie-why`); a profile's do not.
    anchors = {_url_of(src): (_slug_of(src), True) for src in files}
    for src, (text, _) in sources.items():
        if "records:network-profiles" in text:
            anchors.update(
                {
                    record_path("networks", id_): (f"{_slug_of(src)}-{id_}", False)
                    for id_ in catalog.records("networks")
                }
            )
    chapters = [
        _render_chapter(config, renderer, src, sources[src], anchors, link_base, chapter_level)
        for src in files
    ]
    return Report(
        lang=lang,
        title=strings.t("focus-report-title"),
        subtitle=strings.t("focus-report-subtitle"),
        chapters=chapters,
        # The build's date: SOURCE_DATE_EPOCH when set (see outputs/reproducible.py).
        built=built or get_build_datetime().date(),
        pdf_name=pdf_name(lang),
        site_name=config["site_name"],
    )


def report_toc(report: Report) -> list[dict]:
    """Table-of-contents tokens of the printable page. The titles here are plain text (network names
    among them), and a token's name is HTML, so they are escaped."""
    return toc_tokens(
        [
            heading
            for chapter in report.chapters
            for heading in [
                Heading(chapter.slug, str(escape(chapter.title)), 2),
                *(Heading(s.id, str(escape(s.title)), 3) for s in chapter.sections),
            ]
        ]
    )


# Helpers ---------------------------------------------------------------------------------------


def _path_of(item) -> str:
    if isinstance(item, dict):  # `- Title: page.md`
        (item,) = item.values()
    if not isinstance(item, str):
        raise ValueError(f"the '{SECTION}' section holds pages only, not {item!r}")
    return item


def _url_of(src_uri: str) -> str:
    """The site path of a page, as MkDocs makes it with directory URLs: `focus/missie/`."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _slug_of(src_uri: str) -> str:
    return posixpath.basename(_url_of(src_uri).rstrip("/")) or "home"


def _render_chapter(
    config,
    renderer: Renderer,
    src_uri: str,
    source: tuple[str, dict],
    anchors: dict[str, tuple[str, bool]],
    link_base: str,
    chapter_level: int,
) -> Chapter:
    text, meta = source
    converter = markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )
    body = converter.convert(text)
    url = _url_of(src_uri)
    root = root_of(url)
    body = MARKER.sub(
        lambda match: (
            ""
            if match.group(1) in NOT_IN_REPORT
            else str(renderer.fragment(match.group(1), root))
        ),
        body,
    )

    title_match = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    if posixpath.basename(src_uri) == "index.md":  # the section's own page opens the report
        title = Strings(renderer.lang).t("focus-introduction")
    elif title_match:
        title = html.unescape(re.sub(r"<[^>]+>", "", title_match.group(1))).strip()
    else:
        title = meta.get("title") or _slug_of(src_uri)
    if title_match:
        body = body[: title_match.start()] + body[title_match.end() :]

    slug = _slug_of(src_uri)
    # A profile's own link to its network's page stays a link to that page.
    targets = {
        path: (anchor, keeps)
        for path, (anchor, keeps) in anchors.items()
        if keeps or not anchor.startswith(f"{slug}-")
    }

    def resolve(href: str) -> str:
        return _resolve(href, src_uri, url, slug, targets, link_base)

    rewriter = _Rewriter(slug, resolve, shift=chapter_level - 1)
    rewriter.feed(body)
    rewriter.close()
    top = min((h.level for h in rewriter.headings), default=0)
    # Every chapter ends with its sources: the contents leave them out.
    sections = [h for h in rewriter.headings if h.level == top and h.id != f"{slug}-sources"]
    return Chapter(slug=slug, title=title, html=Markup("".join(rewriter.out)), sections=sections)


def _resolve(
    href: str, src_uri: str, url: str, slug: str, anchors: dict[str, tuple[str, bool]], link_base: str
) -> str:
    """Where a link in a chapter points in the report: an anchor inside it, or a page of the site."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    if not parts.path:
        return f"#{slug}-{parts.fragment}" if parts.fragment else href
    if parts.path.endswith(".md"):
        target_src = urljoin(_BASE + src_uri, parts.path).removeprefix(_BASE)
        target = _url_of(target_src)
    else:
        target = urljoin(_BASE + url, parts.path).removeprefix(_BASE)
    if target in anchors:
        anchor, keeps_fragment = anchors[target]
        return f"#{anchor}-{parts.fragment}" if parts.fragment and keeps_fragment else f"#{anchor}"
    address = link_base + target
    if parts.query:
        address += "?" + parts.query
    if parts.fragment:
        address += "#" + parts.fragment
    return address



def _tag(tag: str, values: list[tuple[str, str | None]], closing: bool) -> str:
    attributes = "".join(f" {n}" if v is None else f' {n}="{html.escape(v, quote=True)}"' for n, v in values)
    return f"<{tag}{attributes}{' /' if closing else ''}>"


class _Rewriter(HTMLParser):
    """Copy HTML, prefixing ids, resolving links and shifting heading levels; note the headings.

    A link whose text already shows its address gets the class `vh-shows-url` (`links.shows_address`),
    so print CSS does not print the address a second time after it.
    """

    def __init__(self, prefix: str, resolve, shift: int):
        super().__init__(convert_charrefs=False)
        self.prefix = prefix
        self.resolve = resolve
        self.shift = shift
        self.out: list[str] = []
        self.headings: list[Heading] = []
        self._heading: tuple[int, str, list[str]] | None = None
        self._link: tuple[int, list, list[str]] | None = None
        self._pre = 0

    def _level(self, tag: str) -> int | None:
        return int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else None

    def handle_starttag(self, tag, attrs, closing: bool = False):
        if tag == "pre" and not closing:
            self._pre += 1
        level = self._level(tag)
        if level is not None:
            tag = f"h{min(level + self.shift, 6)}"
        values = []
        for name, value in attrs:
            if value is not None and name in {"id", "aria-labelledby", "aria-describedby"}:
                value = " ".join(f"{self.prefix}-{part}" for part in value.split())
            elif value is not None and name == "href":
                value = self.resolve(value)
            values.append((name, value))
        self.out.append(_tag(tag, values, closing))
        attributes = dict(attrs)
        if level is not None and attributes.get("id"):
            self._heading = (min(level + self.shift, 6), f"{self.prefix}-{attributes['id']}", [])
        if tag == "a" and not closing:
            self._link = (len(self.out) - 1, values, [])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closing=True)

    def handle_endtag(self, tag):
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        level = self._level(tag)
        if level is not None:
            tag = f"h{min(level + self.shift, 6)}"
            if self._heading is not None:
                heading_level, heading_id, text = self._heading
                self.headings.append(Heading(heading_id, html.unescape("".join(text)).strip(), heading_level))
                self._heading = None
        if tag == "a" and self._link is not None:
            index, values, text = self._link
            href = dict(values).get("href") or ""
            if shows_address(html.unescape("".join(text)), href):
                classes = " ".join(filter(None, [dict(values).get("class"), SHOWS_URL]))
                values = [(n, v) for n, v in values if n != "class"] + [("class", classes)]
                self.out[index] = _tag("a", values, False)
            self._link = None
        self.out.append(f"</{tag}>")

    def _text(self, raw: str) -> None:
        self.out.append(raw)
        for collecting in (self._heading, self._link):
            if collecting is not None:
                collecting[2].append(raw)

    def handle_data(self, data):
        # Soft line breaks of the Markdown source become spaces: WeasyPrint 70 sometimes ends a
        # line early at a newline that follows an inline element.
        self._text(data if self._pre else data.replace("\n", " "))

    def handle_entityref(self, name):
        self._text(f"&{name};")

    def handle_charref(self, name):
        self._text(f"&#{name};")

    def handle_comment(self, data):
        pass  # markers are filled; other comments have no place in the report

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")
