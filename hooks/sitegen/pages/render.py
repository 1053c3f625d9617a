"""Record pages and generated page parts, rendered as HTML by the project's own Jinja templates.

MkDocs' theme environment does not autoescape, so record content never goes through it: the
templates in `overrides/fragments/` run in a separate environment with autoescape on, and only
sanitised Markdown (see `records/markdown_text.py`) is marked safe. The plugin places the result in the page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from ..records import markdown_text
from ..records.catalog import Catalog, Entry
from ..records.empty_record import scaffold_text
from ..records.field_docs import FieldRow, field_rows
from ..records.fields import columns
from ..records.i18n import Strings
from ..records.kinds import KINDS, record_path
from ..records.places import CLASSIFICATION_YEAR
from ..records.schema import Markdown, Text
from ..site import LANGUAGE_CODES, OVERRIDES_DIR, language, region_path, root_of
from . import lookup, news, region_map, subsidy_chart
from .editing import RecordLinks
from .facets import OVERVIEW_FACETS, SEARCH_FACETS, Facet
from .formats import format_date, format_figure, format_number
from .json_ld import json_ld
from .offer import Activities
from .regions import a_to_z, region_index
from .school_pages import Schools

FRAGMENTS_DIR = OVERRIDES_DIR / "fragments"

@dataclass(frozen=True)
class Heading:
    id: str
    title: str
    level: int


def toc_tokens(headings: list[Heading]) -> list[dict]:
    """Table-of-contents tokens as Python-Markdown makes them (for MkDocs' `get_toc`): each heading
    below the first one's level nests under the one before. A token's name is HTML: Material prints
    it as it is, so the titles must be escaped already."""
    tokens: list[dict] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": heading.title, "children": []}
        if not tokens or heading.level <= tokens[0]["level"]:
            tokens.append(token)
        else:
            tokens[-1]["children"].append(token)
    return tokens


PDF_SIZE_SLOT = Markup('<span class="vh-pdf-size" data-vh-pdf-size></span>')
"""Left empty beside the link to the focus-report PDF; `outputs/pdf.py` fills in the size once the PDF
exists."""

MARKER = re.compile(r"<!--\s*records:([a-z-]+)\s*-->")
"""Where a hand-written page takes a generated part: `<!-- records:NAME -->`."""
_BOTH = frozenset({"networks", "initiatives"})
_NETWORKS = frozenset({"networks"})
_INITIATIVES = frozenset({"initiatives"})
_NONE: frozenset[str] = frozenset()
FRAGMENTS: dict[str, frozenset[str]] = {
    "networks-table": _NETWORKS,
    "initiatives-table": _INITIATIVES,
    "key-figures": _NONE,
    "network-count": _NETWORKS,
    "network-profiles": _NETWORKS,
    "pillars": _NETWORKS,
    "focus-downloads": _NONE,
    "open-data-files": frozenset(KINDS),
    "open-data-fields": _NONE,
    "open-data-licence": _NONE,
    "field-docs-networks": _NETWORKS,
    "field-docs-initiatives": _INITIATIVES,
    "field-docs-activities": frozenset({"activities"}),
    "field-docs-schools": frozenset({"schools"}),
    "region-map": _BOTH,
    "place-finder": _NONE,
    "municipalities-az": _NONE,
    "news": _INITIATIVES,
    "news-latest": _INITIATIVES,
    "subsidy-chart": _INITIATIVES,
    "programme-coverage": _NONE,  # content/programme-regions.yml, not records
    "activities-table": frozenset({"activities", "networks"}),
    "contact-routes": _NONE,
}
"""Each generated part a hand-written page may take, with the kinds of record whose records it
shows: after a save to a record, `make serve` rebuilds a page only when one of its parts shows
that kind (`pages/preview.py`; tests/test_render.py checks each part against a catalog without
the kinds it does not name)."""


@dataclass(frozen=True)
class Rendered:
    html: Markup
    headings: list[Heading]


class _Helpers:
    """What every fragment template can call, bound to one catalog and one language; what depends on
    the page (the way back to the language's root) comes from the render's own context."""

    def __init__(self, catalog: Catalog, lang: str):
        self.catalog = catalog
        self.lang = lang
        self.strings = Strings(lang)
        self.activities = Activities(catalog, lang)
        self.schools = Schools(catalog)

    def text(self, value: Text | None) -> Markup:
        """A short text in the page language, or the Dutch marked as Dutch with a note."""
        if value is None:
            return Markup("")
        shown = value.lang_of(self.lang)
        if shown == self.lang:
            return escape(value.get(self.lang))
        note = self.strings.t("untranslated-inline")
        return Markup('<span lang="{}">{}</span> <span class="vh-untranslated">{}</span>').format(
            shown, value.get(shown), note
        )

    def markdown(self, value: Markdown | None) -> Markup:
        """A Markdown text rendered safely, or the Dutch in a block marked as Dutch."""
        if value is None:
            return Markup("")
        html = markdown_text.render(value.get(self.lang))
        shown = value.lang_of(self.lang)
        if shown == self.lang:
            return html
        note = self.strings.t("untranslated")
        return Markup(
            '<div lang="{}" class="vh-untranslated-block"><p class="vh-untranslated" lang="{}">{}</p>{}</div>'
        ).format(shown, self.lang, note, html)

    def label(self, vocabulary: str, code: str) -> str:
        return self.catalog.label(vocabulary, code, self.lang)

    def labels(self, vocabulary: str, codes: list[str], separator: str = ", ") -> Markup:
        """The labels of `codes`, escaped and joined (a function, not a macro: it runs for every
        fact and table cell, and a macro call costs many times more)."""
        return Markup(escape(separator)).join(
            self.catalog.label(vocabulary, code, self.lang) for code in codes
        )

    def row_data(self, kind: str, entry: Entry) -> Markup:
        """The `data-vh-*` attributes of an overview row, one per filter (facets.py): the filter
        form (filters.js) matches its choice against them. A function: it runs for every row."""
        return Markup(
            "".join(
                f' data-vh-{facet.key}="{escape(" ".join(facet.codes(entry, self.catalog)))}"'
                for facet in OVERVIEW_FACETS[kind]
            )
        )

    def title(self, entry: Entry) -> Markup:
        """What names a record, in the page's language: its title, or its proper name."""
        value = KINDS[entry.kind].title(entry.record)
        return self.text(value) if isinstance(value, Text) else escape(value)

    def cell(self, entry: Entry, field_name: str) -> Markup:
        """A field's value in a table cell: a text in the page's language, the labels of codes, the
        titles of linked records, a number or a year."""
        value = getattr(entry.record, field_name, None)  # None: a value the kind works out
        if isinstance(value, Text):
            return self.text(value)
        facet = Facet(field_name, entry.kind, field_name)
        return Markup(escape(", ")).join(label for _, label in facet.values(entry, self.catalog, self.lang))

    def news_about(self, network: Entry, count: int = 3) -> list:
        """The newest news of the records that name this network (its initiatives)."""
        linked = {(entry.kind, entry.id) for entry in self.catalog.linking(network, "initiatives")}
        items = news.news_items(self.catalog)
        return [item for item in items if (item.entry.kind, item.entry.id) in linked][:count]

    @jinja2.pass_context
    def url(self, context, kind: str, record_id: str) -> str:
        return context["root"] + record_path(kind, record_id)

    def date(self, value: dt.date | str) -> str:
        return format_date(value, self.lang)

    def number(self, value: int) -> str:
        """A whole number grouped as the page's language writes it: 12.000.000 or 12,000,000."""
        return format_number(value, self.lang)

    def field_rows(self, kind: str) -> list[FieldRow]:
        records = [entry.record for entry in self.catalog.entries.get(kind, {}).values()]
        return field_rows(kind, self.lang, self.catalog.vocabularies, records)

    def scaffold(self, kind: str) -> str:
        """The empty record of `kind`, to copy (the text `make new-initiative` writes)."""
        return scaffold_text(kind, self.catalog.vocabularies)

    # Places (sitegen/pages/regions.py, region_map.py) ----------------------------------------

    @jinja2.pass_context
    def region_map(self, context):
        return region_map.region_map(self.catalog, self.lang, context["root"])

    def locator(self, entry: Entry | str) -> tuple[str, str, int, int]:
        """A record's locator map, or a region's (by its code)."""
        if isinstance(entry, str):
            return region_map.region_locator(entry, self.catalog, self.lang)
        return region_map.locator(entry, self.catalog, self.lang)

    @jinja2.pass_context
    def region_url(self, context, code: str) -> str:
        return context["root"] + region_path(code)

    @jinja2.pass_context
    def municipality_url(self, context, name: str) -> str | None:
        """The region page of a municipality with it marked (`#gm0518`), if its region has a page."""
        municipality = self.catalog.places.by_name[name]
        region = region_index(self.catalog).region_of(municipality)
        return f"{context['root']}{region_path(region.code)}#{municipality.anchor}" if region else None

    def province_name(self, cbs_code: str) -> str:
        """A province by its CBS code, labelled in the page's language where the vocabulary has it."""
        code = region_index(self.catalog).province_by_cbs.get(cbs_code)
        return self.label("provinces", code) if code else self.catalog.places.province_names[cbs_code]

    def open_data_columns(self, kind: str) -> list[dict]:
        """Every field of the open-data files with its label and its CSV columns, for the docs page."""
        rows = [
            {"path": "id", "label": self.strings.t("open-data-id"), "csv": ["id"]},
            {
                "path": "page",
                "label": self.strings.t("open-data-page"),
                "csv": [f"page_{code}" for code in LANGUAGE_CODES],
            },
        ]
        for column in columns(KINDS[kind].model):
            label = " › ".join(self.strings.field(part) for part in column.path.split("."))
            rows.append({"path": column.path, "label": label, "csv": column.names})
        return rows

    def as_globals(self) -> dict:
        """The names the templates call, made once for a renderer's environment."""
        return {
            "lang": self.lang,
            "t": self.strings.t,
            "field": self.strings.field,
            "text": self.text,
            "markdown": self.markdown,
            "label": self.label,
            "labels": self.labels,
            "url": self.url,
            "title": self.title,
            "cell": self.cell,
            "activities_in_order": self.activities.in_order,
            "offer_of": self.activities.offer_of,
            "activities_in": self.activities.in_region,
            "school_of": self.schools.school_of,
            "school_info": self.schools.info,
            "initiatives_naming": self.schools.initiatives_naming,
            "news_about": self.news_about,
            "cell_codes": lambda entry, name: Facet(name, entry.kind, name).codes(entry, self.catalog),
            "kinds": list(KINDS.values()),
            "date": self.date,
            "number": self.number,
            "figure_value": lambda value: format_figure(value, self.lang),
            "catalog": self.catalog,
            "field_rows": self.field_rows,
            "overview_facets": OVERVIEW_FACETS.get,
            "row_data": self.row_data,
            "open_data_columns": self.open_data_columns,
            "scaffold": self.scaffold,
            "mailto": mailto,
            "pdf_size_slot": PDF_SIZE_SLOT,
            "region_map": self.region_map,
            "finder_texts": lambda: lookup.finder_texts(self.strings),
            "subsidy_bars": lambda: subsidy_chart.subsidy_bars(self.catalog),
            "described_initiatives": lambda: subsidy_chart.described_initiatives(self.catalog),
            "count_initiatives": lambda count: region_map.count_text(self.strings, "initiatives", count),
            "regions": lambda: region_index(self.catalog),
            "locator": self.locator,
            "region_url": self.region_url,
            "municipality_url": self.municipality_url,
            "map_credit_text": lambda: region_map.credit(self.lang),
            "count_text": lambda kind, count: region_map.count_text(self.strings, kind, count),
            "labels_of": lambda vocabulary, codes: ", ".join(self.label(vocabulary, code) for code in codes),
            "province_name": self.province_name,
            "a_to_z": lambda: a_to_z(region_index(self.catalog)),
            "classification_year": CLASSIFICATION_YEAR,
            "news_items": lambda: news.news_items(self.catalog),
            "update_anchor": news.update_anchor,
            "news_page": news.PAGE,
            "news_feed": news.FEED,
            "news_latest": news.LATEST,
        }


def mailto(address: str) -> str:
    """A mailto: link to exactly this address: `?`, `&` or `%` in it cannot add a copy or a body."""
    return "mailto:" + quote(address, safe="@")


_HEADING = re.compile(r'<h([12]) id="([a-z0-9-]+)"[^>]*>(.*?)</h\1>', re.S)


def _headings(html: str) -> list[Heading]:
    """The page's own headings (from our templates, already escaped) for the table of contents."""
    return [
        Heading(
            id=match.group(2), title=re.sub(r"<[^>]+>", "", match.group(3)).strip(), level=int(match.group(1))
        )
        for match in _HEADING.finditer(html)
    ]


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates kept in memory for as long as their owner lives: one complete build
    (both languages and their PDFs), or one `mkdocs serve` session, whose theme environments use it too.
    Jinja checks each entry against its template's source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class Renderer:
    """The generated pages and parts of one catalog in one language: one Jinja environment, made once
    (per build: the build's state holds it) with the helpers as its globals; a render passes only
    the way back to the language's root and what the template shows."""

    def __init__(self, catalog: Catalog, lang: str, compiled: CompiledTemplates | None = None):
        self.catalog, self.lang = catalog, lang
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(FRAGMENTS_DIR),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=compiled,
        )
        self.environment.globals.update(_Helpers(catalog, lang).as_globals())

    def _render(self, template: str, root: str, **values) -> Markup:
        data_root = root + language(self.lang).up_to_site_root  # the open data and the PDFs
        page = self.environment.get_template(template)
        return Markup(page.render(root=root, data_root=data_root, **values))

    def record(self, entry: Entry, root: str | None = None, links: RecordLinks | None = None) -> Rendered:
        """The body of a record page; `links` are its edit and correction links, `root` the way back
        to the language's root (by default from the record's own page)."""
        root = root_of(record_path(entry.kind, entry.id)) if root is None else root
        html = self._render(KINDS[entry.kind].template, root, entry=entry, record=entry.record, links=links)
        return Rendered(html=html, headings=_headings(html))

    def fragment(self, name: str, root: str, preview: bool = False, **values) -> Markup:
        """A generated part of a hand-written page (an overview table, the key figures). In a
        `preview` (`mkdocs serve`) the files the post-build steps write do not exist, so nothing
        links to them."""
        return self._render(f"{name}.html", root, preview=preview, **values)

    def region(self, region, root: str = "../../") -> Rendered:
        """The body of a region page (`regios/<code>/`)."""
        html = self._render("region.html", root, region=region)
        return Rendered(html=html, headings=_headings(html))

    def record_meta(self, entry: Entry, page_url: str) -> Markup:
        """What follows a record on its page: Pagefind filters and metadata, and schema.org JSON-LD."""
        return self._render(
            "record-meta.html",
            "",
            entry=entry,
            record=entry.record,
            search_facets=SEARCH_FACETS[entry.kind],
            names_itself_in=KINDS[entry.kind].names_itself_in,
            json_ld=json_ld(entry, self.catalog, self.lang, page_url),
        )


# One render without a build (the tests, the PDF step): a renderer of its own.


def render_record(
    entry: Entry, catalog: Catalog, lang: str, root: str | None = None, links: RecordLinks | None = None
) -> Rendered:
    return Renderer(catalog, lang).record(entry, root, links)


def render_fragment(
    name: str, catalog: Catalog, lang: str, root: str, preview: bool = False, **values
) -> Markup:
    return Renderer(catalog, lang).fragment(name, root, preview, **values)


def render_region(region, catalog: Catalog, lang: str, root: str = "../../") -> Rendered:
    return Renderer(catalog, lang).region(region, root)
