"""The map, the region pages and the look-up ("your municipality, town or school") in headless
Chromium: the look-up in the first screen of a phone, answering right below itself with the region
marked on the map; found by an exact name, another name, a name without accents, a former
municipality, a town, a province and a typo, by keyboard alone and by pointer, in both languages; a
name of two places waits for a choice; the marked municipality on its region page; the home page, the
map without JavaScript, in forced colours and in print; search finds a region page by a
municipality's name."""

from __future__ import annotations

import pytest

from conftest import ROOT
from sitegen.pages.regions import region_index
from sitegen.records.kinds import record_path
from sitegen.records.kinds.schools import municipalities_of
from sitegen.records.places import fold, load_places
from test_places import expected_map_names
from test_search import paths, search

pytestmark = pytest.mark.browser

BOX = "#vh-finder-input"


def type_in_the_box(page, text: str) -> None:
    box = page.locator(BOX)
    box.click()
    box.fill(text)  # at once, as a paste does; the keyboard tests below type key by key
    page.wait_for_selector("#vh-finder-list:not([hidden])")


def options(page) -> list[str]:
    return page.locator("#vh-finder-list [role=option]").all_inner_texts()


ANSWER = "#vh-answer-title"


def in_view(page, selector: str) -> bool:
    """Whether the element lies wholly within the window."""
    return page.evaluate(
        """(selector) => { const box = document.querySelector(selector).getBoundingClientRect();
           return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0; }""",
        selector,
    )


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
def test_the_answer_links_to_the_region_page_with_the_municipality_marked(
    page, real_url, start, typed, target, marked
):
    page.goto(real_url + start)
    type_in_the_box(page, typed)
    assert options(page)[0].startswith(marked)
    page.locator("#vh-finder-list [role=option]").first.click()  # by pointer
    page.wait_for_selector(ANSWER)
    assert page.evaluate("document.activeElement.id") == "vh-answer-title"
    page.locator(f"#vh-answer a[href$='{target.rsplit('/', 1)[1]}']").click()
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
    assert found[:2] == [
        "Bergen (gemeente in Limburg)",
        "Bergen (gemeente in Noord-Holland)",
    ]  # two municipalities
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
    assert page.locator(ANSWER).inner_text() == "Bergen: regio Noord-Holland Noord"
    assert page.evaluate("document.activeElement.id") == "vh-answer-title"


def test_a_name_that_is_nothing_says_so(page, real_url):
    page.goto(real_url + "en/")
    box = page.locator(BOX)
    box.click()
    box.press_sequentially("xyzzy", delay=20)
    page.wait_for_function("document.querySelector('.vh-finder__status').textContent !== ''")
    assert page.locator(".vh-finder__status").inner_text() == "Nothing found for “xyzzy”. Try the A–Z list."
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


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_without_javascript_the_home_page_offers_the_a_to_z_list_not_typing_instructions(
    page_at, real_url, prefix
):
    page = page_at(320, 568, java_script_enabled=False)
    page.goto(real_url + prefix)
    text = page.locator("main").inner_text()
    for instruction in ("Typ ", "Type ", "pijltjestoetsen", "arrow keys"):
        assert instruction not in text, instruction
    a_to_z = page.get_by_role(
        "link", name="Alle gemeenten van A tot Z" if not prefix else "All municipalities A–Z"
    )
    assert a_to_z.first.is_visible()
    assert in_view(page, ".vh-finder__all a")  # where the box would be: in the first screen
    assert page.locator(".vh-finder__credit").is_hidden()  # the credit of the box's data goes with it


# The look-up first, and every way a reader names a place ------------------------------------------


PHONE_ANSWERS = {
    "": ("Leeuwarden: regio Friesland", "hoort bij de arbeidsmarktregio Friesland", "(u bent hier)"),
    "en/": (
        "Leeuwarden: Friesland region",
        "belongs to the labour-market region Friesland",
        "(you are here)",
    ),
}


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize(("width", "height"), [(320, 568), (360, 640)])
def test_the_look_up_stays_in_the_first_screen_when_the_site_s_font_is_late(
    page_at, real_url, prefix, width, height
):
    """`font-display: optional` draws the page in the fallback font when the site's font is late (a
    slow phone), and the fallback's lines are longer: the box must fit the first screen in both."""
    page = page_at(width, height)
    page.route("**/*.woff2", lambda route: route.abort())  # routing also bypasses the cache
    page.goto(real_url + prefix)
    page.wait_for_selector(f"{BOX}:visible")
    assert page.evaluate("[...document.fonts].every((font) => font.status !== 'loaded')")
    assert in_view(page, BOX)


@pytest.mark.parametrize(("prefix", "width", "height"), [("", 320, 568), ("", 360, 640), ("en/", 320, 568)])
def test_on_a_phone_the_look_up_is_in_the_first_screen_and_lands_on_the_answer(
    page_at, real_url, real_catalog, prefix, width, height
):
    title, said, here_words = PHONE_ANSWERS[prefix]
    real_url += prefix
    page = page_at(width, height)
    page.goto(real_url)
    page.wait_for_selector(f"{BOX}:visible")
    assert in_view(page, BOX)
    assert "CC BY 4.0" in page.locator(".vh-finder__credit").inner_text()  # the towns' credit
    assert page.evaluate(
        "document.querySelector('#vh-finder-input').getBoundingClientRect().bottom"
        " < document.querySelector('#key-figures').getBoundingClientRect().top"
    )  # the key figures come after it
    type_in_the_box(page, "Leeuwarden")
    page.keyboard.press("Enter")  # one place fits exactly
    page.wait_for_selector(ANSWER)
    assert in_view(page, ANSWER)
    assert page.locator(ANSWER).inner_text() == title
    answer = page.locator("#vh-answer")
    assert said in answer.inner_text()
    region = region_index(real_catalog).regions["friesland"]
    hrefs = [href for href in answer.locator("a").evaluate_all("links => links.map(a => a.href)")]
    assert region.networks and region.initiatives
    for entry in (*region.networks, *region.initiatives):
        assert f"{real_url}{record_path(entry.kind, entry.id)}" in hrefs, entry.id
    assert f"{real_url}aanbod/?region=friesland" in hrefs  # the networks' offer
    assert f"{real_url}regios/friesland/#gm0080" in hrefs
    # "you are here" on the map: marked by a border, named in the link's title
    here = page.locator("a.vh-map__region--here")
    assert here.count() == 1 and here.get_attribute("href").endswith("regios/friesland/")
    assert here.get_attribute("aria-current") == "location"
    assert here.locator("title").text_content().endswith(here_words)
    border = page.locator("svg.vh-map__svg path.vh-map__here")  # drawn over the neighbours' borders
    assert border.count() == 1 and border.get_attribute("d") == here.locator("path").get_attribute("d")
    assert page.csp_violations() == [] and page.foreign_requests == []


def test_the_answer_lists_the_schools_of_the_municipality(page, real_url, real_catalog):
    by_place = {}
    for entry in real_catalog.entries["schools"].values():
        for name in municipalities_of(entry, real_catalog):
            by_place.setdefault(name, []).append(entry.id)
    place, ids = max(by_place.items(), key=lambda item: len(item[1]))
    page.goto(real_url)
    type_in_the_box(page, place)
    page.locator("#vh-finder-list [role=option]").first.click()
    page.wait_for_selector(ANSWER)
    hrefs = page.locator("#vh-answer a[href*='scholen/']").evaluate_all("links => links.map(a => a.href)")
    assert sorted(hrefs) == sorted(f"{real_url}scholen/{school}/" for school in ids)


def choose_first(page, typed: str) -> list[str]:
    type_in_the_box(page, typed)
    found = options(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector(ANSWER)
    return found


@pytest.mark.parametrize(
    ("start", "typed", "first", "title", "said"),
    [
        (
            "",
            "Weesp",
            "Weesp (tot 2022 een gemeente, nu Amsterdam)",
            "Weesp: regio Groot Amsterdam",
            "Weesp is sinds 2022 een deel van de gemeente Amsterdam.",
        ),
        (
            "",
            "Boxmeer",
            "Boxmeer (tot 2022 een gemeente, nu Land van Cuijk)",
            "Boxmeer: regio Noordoost-Brabant",
            "Boxmeer is sinds 2022 een deel van de gemeente Land van Cuijk.",
        ),
        (
            "",
            "Haarlemmerliede en Spaarnwoude",
            "Haarlemmerliede en Spaarnwoude (tot 2019 een gemeente, nu Haarlemmermeer)",
            "Haarlemmerliede en Spaarnwoude: regio Groot Amsterdam",
            "deel van de gemeente Haarlemmermeer",
        ),
        (
            "",
            "Driebergen",
            "Driebergen-Rijsenburg (woonplaats in Utrechtse Heuvelrug, Utrecht)",
            "Driebergen-Rijsenburg: regio Midden-Utrecht",
            "ligt in de gemeente Utrechtse Heuvelrug",
        ),
        (
            "en/",
            "Driebergen",
            "Driebergen-Rijsenburg (town in Utrechtse Heuvelrug, Utrecht)",
            "Driebergen-Rijsenburg: Central Utrecht region",
            "lies in the municipality of Utrechtse Heuvelrug",
        ),
        (
            "",
            "Amsterdm",
            "Amsterdam (gemeente in Noord-Holland)",
            "Amsterdam: regio Groot Amsterdam",
            "De gemeente Amsterdam (Noord-Holland) hoort bij de arbeidsmarktregio Groot Amsterdam.",
        ),
    ],
)
def test_former_municipalities_towns_and_typos_find_their_place(
    page, real_url, start, typed, first, title, said
):
    page.goto(real_url + start)
    found = choose_first(page, typed)
    assert found[0] == first
    assert page.locator(ANSWER).inner_text() == title
    assert said in page.locator("#vh-answer").inner_text()


def test_a_typo_says_the_names_are_the_nearest(page, real_url):
    page.goto(real_url)
    type_in_the_box(page, "Amsterdm")
    assert options(page)[0].startswith("Amsterdam")
    assert page.locator(".vh-finder__status").inner_text().startswith("Geen naam die zo begint; bedoelt u")


@pytest.mark.parametrize(
    ("start", "typed", "option", "regions"),
    [
        ("", "Limburg", "Limburg (provincie)", ["Midden-Limburg", "Noord-Limburg", "Zuid-Limburg"]),
        ("en/", "North Holland", "North Holland (province)", ["North Holland North", "Greater Amsterdam"]),
    ],
)
def test_a_province_offers_its_regions(page, real_url, start, typed, option, regions):
    page.goto(real_url + start)
    type_in_the_box(page, typed)
    assert option in options(page)
    page.locator("#vh-finder-list [role=option]", has_text=option).click()
    page.wait_for_selector(ANSWER)
    links = page.locator("#vh-answer li a").all_inner_texts()
    assert set(regions) <= set(links)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("", ["Bergen (gemeente in Limburg)", "Bergen (gemeente in Noord-Holland)"]),
        ("en/", ["Bergen (municipality in Limburg)", "Bergen (municipality in North Holland)"]),
    ],
)
def test_a_name_of_two_places_offers_both_and_enter_picks_neither(page, real_url, start, expected):
    page.goto(real_url + start)
    type_in_the_box(page, "Bergen")
    found = options(page)
    assert found[:2] == expected
    assert not any("(NH.)" in text or "(L.)" in text for text in found)  # provinces written out
    page.keyboard.press("Enter")
    assert page.locator("#vh-answer").is_hidden()
    assert page.url == real_url + start
    assert page.locator(BOX).get_attribute("aria-expanded") == "true"
    status = page.locator(".vh-finder__status").inner_text()
    assert status.startswith(
        "Meer dan één plaats past bij „Bergen”" if not start else "More than one place fits “Bergen”"
    )


def test_a_school_opens_its_page(page, real_url, real_catalog):
    school = next(iter(sorted(real_catalog.entries["schools"].values(), key=lambda entry: entry.id)))
    page.goto(real_url)
    type_in_the_box(page, school.record.name)
    page.locator("#vh-finder-list [role=option]", has_text=school.record.name).first.click()
    page.wait_for_url(real_url + f"scholen/{school.id}/")


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
