"""Rendering without MkDocs: record Markdown is sanitised, record text escaped, fallbacks marked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from conftest import empty_cells
from sitegen.pages.formats import format_date
from sitegen.pages.licence import licence_of
from sitegen.pages.render import FRAGMENTS, render_fragment, render_record
from sitegen.pages.settings import Contact
from sitegen.records import markdown_text
from sitegen.records.kinds import KINDS
from sitegen.records.schema import Markdown, Text


@pytest.mark.parametrize(
    "source",
    [
        "Hallo <script>alert(1)</script> wereld",
        '<img src=x onerror="alert(1)">',
        "<img src=x onerror=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        '<form action="https://evil.example"><input></form>',
        '<base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        "<!-- <script>alert(1)</script> -->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        '<a rel="attachment" href="file:///etc/passwd">x</a>',
        "[x](https://a.example){: onclick=\"alert(1)\" }",
        '<div onclick="alert(1)">x</div>',
    ],
)
def test_raw_html_in_record_markdown_comes_out_as_text(source):
    html = str(markdown_text.render(source))
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "<style" not in html and "<form" not in html and "<base" not in html and "<meta" not in html
    assert not re.search(r"<[^>]*\son[a-z]+=", html), html  # no event-handler attribute on any element
    assert not any(f"<{tag}" in html for tag in ("svg", "noscript", "div"))


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x61;script:alert(1)", "java&#9;script:alert(1)",
     "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "//evil.example", "http://example.org",
     "../../etc/passwd", "/absolute"],
)
def test_links_other_than_https_and_mailto_are_refused_and_stripped(link):
    source = f"[klik]({link})"
    with pytest.raises(Exception, match="is not allowed"):
        markdown_text.check_links(source)
    assert "href" not in str(markdown_text.render(source))


def test_safe_markdown_survives():
    html = str(
        markdown_text.render(
            "**vet** en [web](https://example.org/?a=1&b=2) en [mail](mailto:info@example.org)"
            "\n\n- een\n- twee"
        )
    )
    assert "<strong>vet</strong>" in html
    assert 'href="https://example.org/?a=1&amp;b=2"' in html
    assert 'href="mailto:info@example.org"' in html
    assert "<li>een</li>" in html


def test_headings_in_record_text_are_demoted_below_the_page_headings():
    html = str(markdown_text.render("# Een\n\n## Twee\n\n#### Vier"))
    assert "<h1" not in html and "<h2" not in html
    assert "<h3>Een</h3>" in html and "<h3>Twee</h3>" in html and "<h4>Vier</h4>" in html


def test_images_are_refused():
    with pytest.raises(Exception, match="images are not allowed"):
        markdown_text.check_links("![logo](https://example.org/logo.png)")


def test_text_falls_back_to_dutch():
    text = Text(nl="Hallo")
    assert text.get("en") == "Hallo" and text.lang_of("en") == "nl"
    assert Text(nl="Hallo", en="Hello").get("en") == "Hello"


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (dt.date(2026, 11, 1), "nl", "1 november 2026"),
        (dt.date(2026, 11, 1), "en", "1 November 2026"),
        ("2020-06", "nl", "juni 2020"),
        ("2020-06-15", "en", "15 June 2020"),
        ("2019", "en", "2019"),
        ("2019-07", "en", "July 2019"),
    ],
)
def test_dates_are_written_out_in_the_page_language_in_their_own_precision(value, lang, expected):
    assert format_date(value, lang) == expected


@pytest.fixture
def catalog(fixture_catalog):
    return fixture_catalog


def test_record_render_escapes_every_plain_field(catalog):
    entry = catalog.entries["initiatives"]["hostile"]
    for lang in ("nl", "en"):
        html = str(render_record(entry, catalog, lang).html)
        assert "<script>" not in html
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
        assert "&lt;/dd&gt;&lt;script&gt;" in html
    assert "{{ 7*7 }}" in str(render_record(entry, catalog, "en").html)


def test_record_render_lists_the_page_headings_for_the_table_of_contents(catalog):
    rendered = render_record(catalog.entries["networks"]["alpha"], catalog, "en")
    assert rendered.headings[0].level == 1 and rendered.headings[0].title == "Netwerk Alpha"
    assert [h.id for h in rendered.headings[1:3]] == ["facts", "about"]


def test_untranslated_markdown_is_marked_dutch(catalog):
    entry = catalog.entries["initiatives"]["hoofd"]
    html = str(render_record(entry, catalog, "en").html)
    assert '<div lang="nl" class="vh-untranslated-block"><p class="vh-untranslated" lang="en">' in html
    assert Markdown(nl="x").lang_of("en") == "nl"


def test_overview_fragment_links_relative_to_the_page(catalog):
    html = str(render_fragment("networks-table", catalog, "nl", "../"))
    assert 'href="../netwerken/alpha/"' in html


def test_a_merged_network_name_is_escaped_once_in_the_network_count(catalog):
    entries = dict(catalog.entries["networks"])
    old = entries["beta-oud"]
    renamed = old.record.model_copy(update={"name": "Bèta & <Oud>"})
    entries["beta-oud"] = dataclasses.replace(old, record=renamed)
    hostile = dataclasses.replace(catalog, entries={**catalog.entries, "networks": entries})
    html = str(render_fragment("network-count", hostile, "nl", ""))
    assert "Bèta &amp; &lt;Oud&gt;" in html and "&amp;amp;" not in html and "<Oud>" not in html


def test_an_optional_column_is_hidden_only_when_no_row_has_a_value(catalog):
    def without(kind: str, **empty):
        entries = {
            id: dataclasses.replace(entry, record=entry.record.model_copy(update=empty))
            for id, entry in catalog.entries[kind].items()
        }
        return dataclasses.replace(catalog, entries={**catalog.entries, kind: entries})

    def cells(html: str) -> list[int]:
        """The number of cells of the heading row and of every row."""
        return [row.count("<th") + row.count("<td") for row in re.findall(r"<tr\b.*?</tr>", html, re.S)]

    # One initiative of the two has themes, both have a start year: every column, one empty cell.
    shown = str(render_fragment("initiatives-table", catalog, "en", ""))
    assert ">Content themes</th>" in shown and ">Start year</th>" in shown
    assert empty_cells(shown) == 1 and len(set(cells(shown))) == 1
    # No initiative has themes or a start year: neither column.
    bare = without("initiatives", themes=[], start_year=None)
    hidden = str(render_fragment("initiatives-table", bare, "en", ""))
    assert ">Content themes</th>" not in hidden and ">Start year</th>" not in hidden
    assert empty_cells(hidden) == 0 and len(set(cells(hidden))) == 1
    # The same for the networks' founding year.
    assert ">Founded</th>" in str(render_fragment("networks-table", catalog, "en", ""))
    unfounded = str(render_fragment("networks-table", without("networks", founded=None), "en", ""))
    assert ">Founded</th>" not in unfounded and empty_cells(unfounded) == 0


@pytest.mark.parametrize("name", ["focus-downloads", "open-data-files"])
def test_the_preview_names_the_downloads_without_linking_to_them(catalog, name):
    built = str(render_fragment(name, catalog, "nl", "../"))
    preview = str(render_fragment(name, catalog, "nl", "../", preview=True))
    assert re.search(r'href="[^"]+\.(pdf|json|csv)"', built)
    assert not re.search(r'href="[^"]+\.(pdf|json|csv)"', preview)
    assert "voorvertoning van make serve" in preview and "voorvertoning" not in built


def test_a_published_address_is_one_mailto_address(catalog):
    # Valid for the schema, yet as a raw mailto: link it would add a copy to someone else.
    entry = catalog.entries["initiatives"]["hoofd"]
    contact = entry.record.contact.model_copy(
        update={"email": "info?bcc=x%40evil.example&body=hi@example.org"}
    )
    entry = dataclasses.replace(entry, record=entry.record.model_copy(update={"contact": contact}))
    html = str(render_record(entry, catalog, "nl").html)
    assert 'href="mailto:info%3Fbcc%3Dx%2540evil.example%26body%3Dhi@example.org"' in html


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            [
                "€ 12.000.000",
                "Rijksoverheid",
                "2020-2023",
                "ongeveer € 1.500.000",
                "33",
                "genoemd in juli 2019",
                "Stichting Voorbeeld",
                "Sterk Techniekonderwijs 2020–2023",
            ],
        ),
        (
            "en",
            [
                "€12,000,000",
                "Central government",
                "about €1,500,000",
                "stated in July 2019",
                "Lead applicant",
            ],
        ),
    ],
)
def test_funding_participants_and_penvoerder_are_shown_in_the_page_language(catalog, lang, expected):
    html = str(render_record(catalog.entries["initiatives"]["hoofd"], catalog, lang).html)
    for text in expected:
        assert text in html, text
    assert 'href="https://example.org/besluit"' in html


def _other_records(catalog, kind: str, removed: bool):
    """The catalog with the records of `kind` renamed (every record's title or name), or removed."""
    if removed:
        return dataclasses.replace(catalog, entries={**catalog.entries, kind: {}})
    field = "title" if kind == "initiatives" else "name"
    value = Text(nl="Ander record", en="Another record") if field == "title" else "Ander record"
    entries = {
        id: dataclasses.replace(entry, record=entry.record.model_copy(update={field: value}))
        for id, entry in catalog.entries[kind].items()
    }
    return dataclasses.replace(catalog, entries={**catalog.entries, kind: entries})


@pytest.mark.parametrize("name", sorted(FRAGMENTS))
def test_a_generated_part_shows_no_records_of_the_kinds_it_does_not_name(catalog, name):
    """`make serve` rebuilds a hand-written page after a save to a record only when one of its parts
    names the record's kind (FRAGMENTS): a part must not change when records of another kind do."""
    values = dict(
        editors_mail="mailto:redactie@example.org",
        contact=Contact(email="redactie@example.org", repository="https://github.com/example/website"),
        licence=licence_of({"open_data_licence": {"name": "CC0 1.0", "url": "https://example.org/cc0"}}),
    )
    for lang in ("nl", "en"):
        shown = str(render_fragment(name, catalog, lang, "../", **values))
        for kind in set(KINDS) - FRAGMENTS[name]:
            for removed in (False, True):
                other = _other_records(catalog, kind, removed)
                assert str(render_fragment(name, other, lang, "../", **values)) == shown, (kind, removed)


@pytest.mark.parametrize("name", sorted(name for name, kinds in FRAGMENTS.items() if kinds))
def test_a_generated_part_that_names_a_kind_shows_its_records(catalog, name):
    """The other way round: each kind a part names changes it (else the page is rebuilt for nothing)."""
    values = dict(editors_mail="mailto:redactie@example.org")
    shown = str(render_fragment(name, catalog, "nl", "../", **values))
    for kind in FRAGMENTS[name]:
        changed = [
            str(render_fragment(name, _other_records(catalog, kind, removed), "nl", "../", **values))
            for removed in (False, True)
        ]
        assert any(html != shown for html in changed), kind
