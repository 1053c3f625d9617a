"""WCAG 2.1 A/AA with axe-core in headless Chromium, on every kind of page in both languages,
plus the checks axe cannot make: reflow at 320 px and keyboard access."""

from __future__ import annotations

import pytest

from sitegen.site import LANGUAGE_PATHS

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [
    "", "netwerken/", "initiatieven/", "netwerken/alpha/", "netwerken/beta-oud/",
    "initiatieven/hostile/", "initiatieven/hoofd/", "focus/", "over/", "toegankelijkheid/", "velden/",
    "404.html", "regios/", "regios/haaglanden/#gm0518", "gemeenten/", "nieuws/",
]


# axe-core measures what is drawn: first every transition and finite animation is run to its end
# at once (a page opened at an anchor fades Material's header topic in), then axe runs.
_SETTLED_THEN_AXE = """async (tags) => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  document.getAnimations()
    .filter((animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
    .forEach((animation) => animation.finish());
  return axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
}"""


def violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (a page of a context made with
    `bypass_csp=True` has axe-core from its start: conftest.py, `contexts`)."""
    result = page.evaluate(_SETTLED_THEN_AXE, WCAG_21_AA)
    return [
        f"{item['id']} ({item['impact']}): {[node['target'] for node in item['nodes']][:3]}"
        for item in result["violations"]
    ]


@pytest.mark.parametrize("prefix", LANGUAGE_PATHS)
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(page_without_csp, fixture_url, prefix, path):
    page_without_csp.goto(fixture_url + prefix + path)
    assert violations(page_without_csp) == []


def accessible_roles(page, selector: str, role: str) -> list[str]:
    """The accessible names of the nodes of `role` in the element at `selector`, as Chromium's
    accessibility tree (what a screen reader gets) has them."""
    client = page.context.new_cdp_session(page)
    root = client.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = client.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    nodes = client.send("Accessibility.queryAXTree", {"nodeId": node, "role": role})["nodes"]
    return [item.get("name", {}).get("value", "") for item in nodes if not item.get("ignored")]


@pytest.mark.parametrize("prefix", LANGUAGE_PATHS)
@pytest.mark.parametrize("path", ["netwerken/", "initiatieven/"])
def test_overviews_as_cards_on_a_phone_are_accessible_and_still_a_table(page_at, fixture_url, prefix, path):
    page = page_at(360, bypass_csp=True)
    page.goto(fixture_url + prefix + path)
    assert violations(page) == []
    table = "table[data-vh-table]"
    headers = page.locator(f"{table} thead th").all_inner_texts()
    rows = page.locator(f"{table} tbody tr").count()
    filled = page.locator(f"{table} tbody td:not(:empty)").all_text_contents()
    assert page.locator(f"{table} thead").bounding_box()["width"] <= 1  # the labels on the cards say it
    assert len(accessible_roles(page, table, "table")) == 1
    assert accessible_roles(page, table, "columnheader") == headers  # hidden from sight only
    assert len(accessible_roles(page, table, "rowheader")) == rows
    # A cell's name is its value: the label before it on the card is not read a second time.
    assert accessible_roles(page, table, "cell") == [text.strip() for text in filled]
    # The explicit roles (for browsers that drop a table's semantics with its display) come from
    # table-roles.js: HTML forbids them in the markup.
    explicit = {"tr": "row", "th[scope=col]": "columnheader", "th[scope=row]": "rowheader", "td": "cell"}
    without = ", ".join(f"{table} {part}:not([role={role}])" for part, role in explicit.items())
    assert page.locator(table).get_attribute("role") == "table"
    assert page.locator(without).count() == 0


@pytest.mark.parametrize("path", ["netwerken/alpha/", "initiatieven/", "en/initiatieven/hostile/"])
def test_pages_reflow_at_320_pixels(page_at, fixture_url, path):
    page = page_at(320, 640)
    page.goto(fixture_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_language_switch_is_keyboard_reachable_and_labelled(page, fixture_url):
    page.goto(fixture_url + "netwerken/alpha/")
    links = page.locator(".md-select__link")
    assert [links.nth(i).get_attribute("lang") for i in range(links.count())] == ["nl", "en"]
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "en":
            break
    else:
        pytest.fail("the English link is not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(fixture_url + "en/netwerken/alpha/")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_open_search_box_with_results_has_no_wcag_violations(page_without_csp, real_url, width):
    page = page_without_csp
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(real_url)
    if page.locator("[data-vh-search-open]").is_visible():  # narrow screens: the magnifier opens it
        page.locator("[data-vh-search-open]").click()
    else:
        page.locator("#vh-search-input").click()
    page.locator("#vh-search-input").fill("netwerken")
    page.wait_for_selector("[data-vh-search-more]:not([hidden])")  # results and the more button
    assert violations(page) == []


@pytest.mark.parametrize(("path", "typed"), [("", "den"), ("en/regios/drenthe/", "fries")])
def test_the_map_and_the_open_look_up_with_suggestions_have_no_wcag_violations(
    page_without_csp, real_url, path, typed
):
    page = page_without_csp
    page.goto(real_url + path)
    page.locator("#vh-finder-input").click()
    page.locator("#vh-finder-input").fill(typed)
    page.wait_for_selector("#vh-finder-list:not([hidden])")
    page.keyboard.press("ArrowDown")  # an active option
    assert violations(page) == []


@pytest.mark.parametrize(
    ("path", "typed"), [("", "Leeuwarden"), ("en/regios/drenthe/", "Weesp"), ("en/", "Limburg")]
)
def test_the_answer_of_the_look_up_has_no_wcag_violations(page_without_csp, real_url, path, typed):
    """The answer below the box (its headings in order under the box's own), and the marked map."""
    page = page_without_csp
    page.goto(real_url + path)
    page.locator("#vh-finder-input").click()
    page.locator("#vh-finder-input").fill(typed)
    page.wait_for_selector("#vh-finder-list:not([hidden])")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector("#vh-answer-title")
    assert violations(page) == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_record_to_copy_on_the_fields_page_is_accessible_when_open(
    page_without_csp, fixture_url, prefix
):
    page_without_csp.goto(fixture_url + prefix + "velden/")
    page_without_csp.locator("#new-initiatives summary").click()
    assert page_without_csp.locator("#new-initiatives pre").is_visible()
    assert violations(page_without_csp) == []
