"""The map, the region pages and "find your municipality" in headless Chromium: the look-up by an
exact name, another name, a name without accents, by keyboard alone and by pointer, in both
languages; the marked municipality; the map without JavaScript, in forced colours and in print;
search finds a region page by a municipality's name."""

from __future__ import annotations

import pytest

from conftest import ROOT
from sitegen.records.places import fold, load_places
from test_places import expected_map_names
from test_search import paths, search

pytestmark = pytest.mark.browser

BOX = "#vh-finder-input"


def type_in_the_box(page, text: str) -> None:
    box = page.locator(BOX)
    box.click()
    box.fill("")
    box.press_sequentially(text, delay=20)
    page.wait_for_selector("#vh-finder-list:not([hidden])")


def options(page) -> list[str]:
    return page.locator("#vh-finder-list [role=option]").all_inner_texts()


@pytest.mark.parametrize(
    ("start", "typed", "target", "marked"),
    [
        ("", "Hoogeveen", "regios/drenthe/#gm0118", "Hoogeveen"),
        ("", "Den Haag", "regios/haaglanden/#gm0518", "'s-Gravenhage"),
        ("", "sudwest fryslan", "regios/friesland/#gm1900", "Súdwest-Fryslân"),
        ("en/", "the hague", "en/regios/haaglanden/#gm0518", "'s-Gravenhage"),
        ("en/regios/groningen/", "LJOUWERT", "en/regios/friesland/#gm0080", "Leeuwarden"),
    ],
)
def test_the_look_up_lands_on_the_region_page_with_the_municipality_marked(
    page, real_url, start, typed, target, marked
):
    page.goto(real_url + start)
    type_in_the_box(page, typed)
    assert options(page)[0].startswith(marked)
    page.locator("#vh-finder-list [role=option]").first.click()  # by pointer
    page.wait_for_url(real_url + target)
    target_item = page.locator(":target")
    assert target_item.inner_text().startswith(marked)
    assert target_item.evaluate("el => getComputedStyle(el).fontWeight") == "700"
    assert (
        target_item.evaluate("el => getComputedStyle(el, '::before').content") != "none"
    )  # not colour alone
    assert page.csp_violations() == []
    assert page.foreign_requests == []


def test_the_look_up_works_by_keyboard_alone(page, real_url):
    page.goto(real_url)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "vh-finder-input":
            break
    else:
        pytest.fail("the look-up box is not reachable with Tab")
    box = page.locator(BOX)
    page.keyboard.type("bergen", delay=20)
    page.wait_for_selector("#vh-finder-list:not([hidden])")
    assert box.get_attribute("aria-expanded") == "true"
    found = options(page)
    assert found[0].startswith("Bergen (L.)") and found[1].startswith("Bergen (NH.)")  # two municipalities
    assert page.locator(".vh-finder__status").inner_text() == f"{len(found)} suggesties"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator("#vh-finder-list [role=option]").nth(1)
    assert box.get_attribute("aria-activedescendant") == second.get_attribute("id")
    assert second.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == page.locator(
        "#vh-finder-list [role=option]"
    ).first.get_attribute("id")
    page.keyboard.press("Escape")  # closes the list, keeps the text
    assert box.get_attribute("aria-expanded") == "false" and box.input_value() == "bergen"
    page.keyboard.press("Escape")  # clears the text
    assert box.input_value() == ""
    page.keyboard.type("bergen nh", delay=20)
    page.wait_for_selector("#vh-finder-list:not([hidden])")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(real_url + "regios/noord-holland-noord/#gm0373")


def test_a_name_that_is_nothing_says_so(page, real_url):
    page.goto(real_url + "en/")
    box = page.locator(BOX)
    box.click()
    box.press_sequentially("xyzzy", delay=20)
    page.wait_for_function("document.querySelector('.vh-finder__status').textContent !== ''")
    assert page.locator(".vh-finder__status").inner_text() == "No municipality found for “xyzzy”."
    assert box.get_attribute("aria-expanded") == "false"


def test_the_browser_folds_names_as_the_build_does(page, real_url):
    names = [
        name for m in load_places(ROOT / "content").municipalities.values() for name in (m.name, *m.aliases)
    ]
    page.goto(real_url)
    page.wait_for_function("typeof window.vhFold === 'function'")
    assert page.evaluate("names => names.map(window.vhFold)", names) == [fold(name) for name in names]


def test_without_javascript_the_map_links_and_the_a_to_z_list_answer(page_at, real_url):
    page = page_at(1280, 720, java_script_enabled=False)
    page.goto(real_url)
    assert not page.locator(".vh-finder__box").is_visible()
    page.locator("svg.vh-map__svg a[href$='regios/drenthe/']").click()
    page.wait_for_url(real_url + "regios/drenthe/")
    page.locator("a", has_text="Alle gemeenten van A tot Z").first.click()
    page.wait_for_url(real_url + "gemeenten/")
    page.locator("a[href$='#gm0118']").click()
    page.wait_for_url(real_url + "regios/drenthe/#gm0118")


def test_every_region_of_the_map_has_a_link_with_an_accessible_name(page, real_url, real_catalog):
    for path, lang in (("", "nl"), ("en/netwerken/", "en")):
        page.goto(real_url + path)
        links = page.locator("svg.vh-map__svg a")
        assert links.count() == 35
        for name in expected_map_names(real_catalog, lang):
            assert page.get_by_role("link", name=name, exact=True).count() == 1, name


def test_the_map_in_forced_colours_keeps_its_patterns(page, real_url):
    page.emulate_media(forced_colors="active")
    page.goto(real_url + "regios/")
    style = page.evaluate("""() => ({
        hatch: getComputedStyle(document.querySelector('#vh-map-c3 .vh-map__hatch')).stroke,
        ground: getComputedStyle(document.querySelector('#vh-map-c3 .vh-map__fill-3')).fill,
        border: getComputedStyle(document.querySelector('.vh-map__region path')).stroke,
        text: getComputedStyle(document.body).color,
        canvas: getComputedStyle(document.body).backgroundColor})""")
    # the system's text colour on its background: the patterns, not the colours, tell the classes apart
    assert style["hatch"] == style["border"] == style["text"]
    assert style["ground"] == style["canvas"] != style["text"]


def test_the_map_prints(page, real_url):
    page.goto(real_url + "regios/")
    page.emulate_media(media="print")
    assert page.locator("svg.vh-map__svg").is_visible()
    assert page.locator(".vh-map__legend").is_visible()
    assert not page.locator(".vh-finder").is_visible()


def test_the_map_and_a_region_page_reflow_at_320_pixels(page_at, real_url):
    page = page_at(320, 640)
    for path in ("", "regios/haaglanden/", "en/gemeenten/"):
        page.goto(real_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path


@pytest.mark.parametrize(
    ("start", "query", "region"),
    [
        ("", "Tynaarlo", "regios/groningen/"),  # a Drenthe municipality in the labour-market region Groningen
        ("en/", "Vaals", "en/regios/zuid-limburg/"),
    ],
)
def test_search_finds_the_region_page_by_a_municipalitys_name(page, real_url, start, query, region):
    page.goto(real_url + start)
    assert region in paths(search(page, query), real_url)
