"""Pagefind search in headless Chromium against built sites served on localhost: Dutch stemming,
one index per language, the header search box and its keys, filters, and a site under a sub-path."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES, WITHOUT_PDF, built_once, copy_project
from sitegen.outputs.build import build_site
from sitegen.outputs.search_index import FILTERS
from sitegen.records.kinds import KINDS

pytestmark = pytest.mark.browser


def search(page, query: str, every: bool = True) -> list[str]:
    """Enter `query` in the header's search box at once, as a paste does (typing it key by key is
    what the keyboard tests do); return the addresses of the results shown, after asking for more
    until all are there (`every`) or as first shown."""
    page.locator("#vh-search-input").click()
    page.locator("#vh-search-input").fill(query)
    status = page.locator("[data-vh-search-status]")
    page.wait_for_function(
        "el => el.textContent && !el.textContent.endsWith('…')", arg=status.element_handle(), timeout=10_000
    )
    more = page.locator("[data-vh-search-more]")
    while every and more.is_visible():
        shown = len(search_links(page))
        more.click()
        page.wait_for_function(
            "shown => document.querySelectorAll('#vh-search-results a').length > shown", arg=shown
        )
    return search_links(page)


def search_links(page) -> list[str]:
    return page.eval_on_selector_all("#vh-search-results a", "links => links.map(a => a.href)")


def paths(urls: list[str], base: str) -> list[str]:
    return [url.removeprefix(base) for url in urls]


def test_dutch_stemming_finds_record_pages_for_inflected_forms(page, real_url):
    page.goto(real_url + "netwerken/")
    # "opleidingen" (plural) finds "opleiding" in the Hoogeveen initiative ("technische mbo-opleiding").
    found = indexed(page, "opleidingen")
    assert "initiatieven/regio-hoogeveen-sterk-techniekonderwijs/" in found
    assert all(not path.startswith("en/") for path in found)


def test_dutch_plural_finds_singular_in_the_fixture(page, fixture_url):
    page.goto(fixture_url)
    # The alpha network says "Het netwerk Alpha verbindt scholen."; the query is plural.
    assert "netwerken/alpha/" in indexed(page, "netwerken")
    # and the other way round: "school" finds "scholen" is not stemming, but "verbinden" finds "verbindt" is
    assert "netwerken/alpha/" in indexed(page, "verbinden")


def test_english_query_on_the_english_site_finds_only_english_pages(page, real_url):
    page.goto(real_url + "en/")
    shown = paths(search(page, "schools", every=False), real_url)  # the box shows what the index answers
    found = ranked(page, "schools")  # every answer of the index (the box shows five at a time)
    assert shown and len(found) > len(shown), "no results for 'schools' on the English site"
    assert all(path.startswith("en/") for path in shown), shown
    assert all(url.startswith("/en/") for url in found), found
    # English stemming: "networks" finds pages that say "network"
    assert any(url.startswith("/en/netwerken/") for url in ranked(page, "networking"))


def test_dutch_site_finds_only_dutch_pages(page, real_url):
    page.goto(real_url)
    shown = paths(search(page, "techniek", every=False), real_url)
    found = ranked(page, "techniek")
    assert shown and all(not path.startswith("en/") for path in shown), shown
    assert len(found) > len(shown) and all(not url.startswith("/en/") for url in found), found


def test_results_show_title_kind_and_a_highlighted_excerpt(page, fixture_url):
    page.goto(fixture_url + "initiatieven/")
    search(page, "netwerk")
    title = page.locator("h1", has_text=re.compile(r"^Netwerk Alpha$"))
    first = page.locator("#vh-search-results li").filter(has=title).first
    assert first.locator("h1").inner_text() == "Netwerk Alpha"
    assert first.locator(".vh-search-result__kind").inner_text() == "VO-HO netwerk"
    assert first.locator("mark").count() >= 1
    assert re.match(r"\d+ resulta", page.locator("[data-vh-search-status]").inner_text())


def test_hostile_text_in_results_is_text(page, fixture_url):
    page.goto(fixture_url)
    search(page, "vijandig")
    assert page.locator("#vh-search-results li").count() >= 1
    assert page.locator("#vh-search-results script, #vh-search-results img").count() == 0
    assert page.dialogs == []


def test_the_404_page_contact_details_and_navigation_are_not_indexed(page, fixture_url):
    page.goto(fixture_url)
    # The 404 page says "Ga naar de startpagina"; no other page of the fixture site does.
    found = indexed(page, "startpagina")
    assert not any(path.startswith(("404", "en/404")) for path in found)
    assert indexed(page, "Geheim") == []  # the name in a contact block (unpublished, so not even shown)
    assert indexed(page, "Open") == [] or not any(  # a published contact's name stays out of search too
        "initiatieven/hoofd/" in path for path in indexed(page, "Jan Open")
    )
    # the correction block is the same on every record page: pages about the form may mention it
    assert not [path for path in indexed(page, "correctieformulier") if RECORD_PAGE.search("/" + path)]
    # navigation: "Nieuws" is in every page's navigation, but only its own page says it in its title
    found = indexed(page, "Nieuws")
    assert found and found[0] == "nieuws/", found


RECORD_PAGE = re.compile(r"/(netwerken|initiatieven)/[^/]+/$")


def test_the_index_holds_what_a_record_says_not_what_every_record_repeats(page, fixture_url):
    page.goto(fixture_url)
    record_pages = lambda query: [path for path in indexed(page, query) if RECORD_PAGE.search("/" + path)]  # noqa: E731
    # labels, headings and sentences of the record template (they are on every record page)
    assert record_pages("Kenmerken") == []  # the facts heading
    assert record_pages("Startjaar") == []  # a field label
    assert record_pages("geraadpleegd") == []  # the sources block
    # a list of related records: "hostile" names its parent and its network, whose pages answer
    assert record_pages("Hoofdinitiatief") == ["initiatieven/hoofd/"]
    alpha = record_pages("Alpha")
    assert "netwerken/alpha/" in alpha and "initiatieven/hostile/" not in alpha
    # what the record says of itself, its facts included, is found
    assert "initiatieven/hoofd/" in record_pages("Drenthe")
    assert "initiatieven/hostile/" in record_pages("Haaglanden")


def test_results_come_five_at_a_time_and_more_follow_on_request(page, real_url):
    page.goto(real_url)
    found = search(page, "netwerken", every=False)
    assert len(found) == 5
    status = page.locator("[data-vh-search-status]").inner_text()
    total = int(re.fullmatch(r"(\d+) resultaten\. De eerste 5 worden getoond\.", status).group(1))
    assert total > 5
    more = page.locator("[data-vh-search-more]")
    assert more.is_visible() and more.inner_text() == "Meer resultaten tonen"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "count => document.querySelectorAll('#vh-search-results a').length === count", arg=min(total, 10)
    )
    # the focus goes to the first new result, and the first five stay as they were
    assert page.evaluate("document.activeElement.href") == search_links(page)[5]
    assert search_links(page)[:5] == found
    assert more.is_visible() == (total > 10)


def test_keyboard_opens_moves_through_results_and_closes(page, fixture_url):
    page.goto(fixture_url + "netwerken/alpha/")
    page.locator("body").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "vh-search-input"
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("netwerk", delay=20)
    page.wait_for_selector("#vh-search-results a")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.href")
    assert first and first == page.eval_on_selector("#vh-search-results a", "a => a.href")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "vh-search-input"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    # "s" opens it as well, and Tab reaches the results
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "vh-search-input"
    page.keyboard.type("alpha", delay=20)
    page.wait_for_selector("#vh-search-results a")
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#vh-search-results')"):
            break
    assert page.evaluate("!!document.activeElement.closest('#vh-search-results')")
    assert page.evaluate("document.activeElement.href") in search_links(page)


def test_search_box_is_labelled_in_the_page_language(page, fixture_url):
    page.goto(fixture_url)
    assert page.locator("#vh-search-input").get_attribute("aria-label") == "Zoeken op de site"
    page.goto(fixture_url + "en/")
    assert page.locator("#vh-search-input").get_attribute("aria-label") == "Search the site"


def test_record_facets_are_pagefind_filters(page, fixture_url):
    page.goto(fixture_url)
    filters = page.evaluate("""async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        const all = await pagefind.filters();
        const found = await pagefind.search(null, {filters: {region: 'Drenthe'}});
        const pages = await Promise.all(found.results.map(r => r.data()));
        return {all, urls: pages.map(p => p.url)};
    }""")
    assert set(FILTERS) <= set(filters["all"])
    assert "Samenwerkingsinitiatief" in filters["all"]["kind"]
    # the initiative, and the school that lies there too
    assert sorted(filters["urls"]) == ["/initiatieven/hoofd/", "/scholen/rsg-wolfsbos/"]


def test_material_search_is_off_in_the_built_site(fixture_site):
    assert not (fixture_site / "search" / "search_index.json").exists()
    assert (fixture_site / "pagefind" / "pagefind.js").exists()
    assert 'data-md-component="search"' not in (fixture_site / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def subpath_url(tmp_path_factory):
    """The fixture site built for and served under /vohonet/."""

    def build(folder, url):
        project = copy_project(folder / "project", FIXTURES / "content")
        site = build_site(project, site_url=url + "vohonet/", steps=WITHOUT_PDF)  # the search needs no PDF
        (folder / "served").mkdir()
        shutil.move(str(site), folder / "served" / "vohonet")
        return folder / "served"

    return built_once(tmp_path_factory, "subpath", build).url + "vohonet/"


def test_search_works_under_a_sub_path(page, subpath_url):
    page.goto(subpath_url + "en/netwerken/")
    found = search(page, "network")
    assert subpath_url + "en/netwerken/alpha/" in found
    page.goto(subpath_url)
    assert subpath_url + "netwerken/alpha/" in search(page, "netwerken")


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("404.html", "netwerken", "netwerken/alpha/"),
        ("en/404.html", "network", "en/netwerken/alpha/"),
    ],
)
def test_the_404_page_searches_its_own_language(page, fixture_url, path, query, expected):
    # The 404 page is served at any address, so its links and the search box start from the root.
    page.goto(fixture_url + path)
    assert expected in paths(search(page, query), fixture_url)


def test_enter_opens_the_first_result_of_what_was_just_typed(page, fixture_url):
    page.goto(fixture_url)
    search(page, "netwerken")
    page.locator("#vh-search-input").fill("")
    page.locator("#vh-search-input").press_sequentially("vijandig", delay=10)
    page.keyboard.press("Enter")  # before the pause is over: not the first result of "netwerken"
    page.wait_for_url("**/initiatieven/hostile/")


def test_the_closed_search_box_has_no_keyboard_stops(page, fixture_url):
    page.goto(fixture_url)
    search(page, "netwerken")
    page.keyboard.press("Escape")
    assert page.locator(".md-search__output").evaluate("element => element.inert")
    page.keyboard.press("s")
    assert not page.locator(".md-search__output").evaluate("element => element.inert")


# The status in two sentences, from strings.yml (search-one, search-other, search-more) -------------


@pytest.mark.parametrize(
    ("prefix", "query", "pattern"),
    [
        ("", "netwerken", r"(\d+) resultaten\. De eerste 5 worden getoond\."),
        ("en/", "network", r"(\d+) results\. The first 5 are shown\."),
    ],
)
def test_the_status_says_how_many_were_found_and_how_many_are_shown(page, real_url, prefix, query, pattern):
    page.goto(real_url + prefix)
    search(page, query, every=False)
    status = page.locator("[data-vh-search-status]").inner_text()
    assert re.fullmatch(pattern, status), status
    assert int(re.fullmatch(pattern, status).group(1)) > 5


@pytest.mark.parametrize(("prefix", "one", "few", "sentences"), [
    ("", "Wisselstroom", "Freudenthal", ("1 resultaat.", "{} resultaten.")),
    ("en/", "Wisselstroom", "Insula", ("1 result.", "{} results.")),
])
def test_the_status_of_one_result_and_of_all_results_shown_is_one_sentence(
    page, real_url, prefix, one, few, sentences
):
    # The name of one activity of U-Talent (the offer lists are not indexed); a name on a few pages.
    page.goto(real_url + prefix)
    status = page.locator("[data-vh-search-status]")
    assert len(search(page, one, every=False)) == 1 and status.inner_text() == sentences[0]
    found = search(page, few, every=False)
    assert 1 < len(found) <= 5 and status.inner_text() == sentences[1].format(len(found))


# What the index holds ----------------------------------------------------------------------------


def pagefind_pages(page, query: str | None, filters: dict | None = None) -> dict[str, str]:
    """Every page the index of the current page's language answers, by address, with its indexed text."""
    return page.evaluate(
        """async ([query, filters]) => {
            const pagefind = await import('/pagefind/pagefind.js');
            await pagefind.init();
            const found = await pagefind.search(query, {filters});
            const pages = await Promise.all(found.results.map((result) => result.data()));
            return Object.fromEntries(pages.map((p) => [p.url, p.content]));
        }""",
        [query, filters or {}],
    )


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_pages_for_editors_are_not_in_the_readers_index(page, real_site, real_url, prefix):
    # "YAML" is said only on the pages for editors: the fields and how to contribute.
    for path in ("velden/", "bijdragen/"):
        assert "YAML" in (real_site / prefix / path / "index.html").read_text(encoding="utf-8")
    page.goto(real_url + prefix)
    assert pagefind_pages(page, "YAML") == {}
    assert not [url for url in pagefind_pages(page, "record") if url.endswith(("/velden/", "/bijdragen/"))]
    # they are still pages of the site, linked from the navigation
    assert page.locator('.md-nav__link[href$="velden/"]').count() >= 1


@pytest.mark.parametrize(("prefix", "kinds"), [
    ("", ["VO-HO netwerk", "Samenwerkingsinitiatief"]),
    ("en/", ["VO-HO network", "Collaboration initiative"]),
])
def test_record_snippets_never_run_a_value_into_an_address(page, real_url, prefix, kinds):
    page.goto(real_url + prefix)
    records = {}
    for kind in kinds:
        records |= pagefind_pages(page, None, {"kind": kind})
    assert len(records) > 20
    with_address = {url: text for url, text in records.items() if "https://" in text}
    assert len(with_address) > 20, "the record pages' websites are indexed"
    # Every value ends its sentence before an address: never "Bèta en techniek https://…".
    run_in = {
        url: [match.group(0) for match in re.finditer(r"\S+ \S*[^\s.:;!?] https?://\S+", text)]
        for url, text in with_address.items()
    }
    assert {url: hits for url, hits in run_in.items() if hits} == {}
    # and the map credit, the same on every record page, is not in their text
    assert not [url for url, text in records.items() if "CC BY 4.0" in text]


# What ranks first, and what is not content ---------------------------------------------------------


def indexed(page, query: str) -> list[str]:
    """The index's answer to `query` on the current page's language, best first, by path from the
    site's root (`netwerken/alpha/`): what the index holds, without paging through the box, which
    the tests of the box itself do."""
    return [url.removeprefix("/") for url in ranked(page, query)]


def ranked(page, query: str) -> list[str]:
    """The index's answer to `query` on the current page's language, best first, by address."""
    return page.evaluate(
        """async (query) => {
            const pagefind = await import('/pagefind/pagefind.js');
            await pagefind.init();
            const found = await pagefind.search(query);
            return Promise.all(found.results.map(async (result) => (await result.data()).url));
        }""",
        query,
    )


STATEMENTS = ("/privacy/", "/toegankelijkheid/", "/open-data/")


@pytest.mark.parametrize(("prefix", "query"), [("", "gegevens"), ("en/", "personal")])
def test_records_and_the_offer_rank_above_the_statements(page, real_url, prefix, query):
    page.goto(real_url + prefix)
    found = ranked(page, query)
    kinds = ("/netwerken/", "/initiatieven/", "/aanbod/", "/scholen/")
    first_record = next(at for at, url in enumerate(found) if any(kind in url for kind in kinds))
    statements = [at for at, url in enumerate(found) if url.endswith(STATEMENTS)]
    assert statements and first_record < min(statements), found[:10]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_statements_weigh_less_in_the_index(real_site, prefix):
    for path in STATEMENTS:
        html = (real_site / prefix / path.strip("/") / "index.html").read_text(encoding="utf-8")
        assert '<div data-pagefind-body data-pagefind-weight="0.2">' in html, path


def test_the_map_table_and_the_open_data_field_lists_are_not_content(page, real_site, real_url):
    for path in ("", "netwerken/", "initiatieven/", "regios/"):  # the pages with the map
        html = (real_site / path / "index.html").read_text(encoding="utf-8")
        assert '<details class="vh-map-table" id="vh-map-table" data-pagefind-ignore="all">' in html, path
    html = (real_site / "open-data" / "index.html").read_text(encoding="utf-8")
    assert html.count('<div class="vh-table-wrap" data-pagefind-ignore="all">') == len(KINDS)  # a list a kind
    page.goto(real_url)
    assert "/" not in ranked(page, "kaart als tabel")  # the home page's map, as a table


def test_a_trade_finds_the_records_that_name_it(page, real_url):
    page.goto(real_url)
    found = ranked(page, "lassen")
    assert "/initiatieven/sto-westerkwartier-noordenveld/" in found
    assert not [url for url in found if url.endswith(STATEMENTS)]
