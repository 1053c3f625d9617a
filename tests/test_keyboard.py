"""Keyboard use of the built site in headless Chromium, on phones and desktops: the whole Tab order
of every kind of page stops only on what a reader can see; the closed navigation drawer and the
closed search box take no focus; the menu button opens the drawer from the keyboard; the first
search result is one key away from the search field."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# One page of each kind (fixture site): home, networks overview, a network, initiatives overview,
# an initiative, a region, the municipalities, the focus report and its print page, news, open
# data, about, the accessibility statement, the 404 page.
PAGES = [
    "", "netwerken/", "netwerken/alpha/", "initiatieven/", "initiatieven/hoofd/",
    "regios/haaglanden/", "gemeenten/", "focus/", "focus/print/", "nieuws/", "open-data/", "over/",
    "toegankelijkheid/", "404.html",
]
PHONE, DESKTOP = 360, 1280
MAX_STOPS = 200

# Material's breakpoints: below the first the navigation is a drawer, below the second the search
# box is a full-screen overlay opened by its button.
DRAWER_WIDTHS = "(max-width: 76.234375em)"
OVERLAY_SEARCH_WIDTHS = "(max-width: 59.984375em)"

# What is wrong with the focused element, if anything: after its transitions have run and it is
# scrolled into view, it must have a size, lie inside the viewport and every clipping ancestor,
# not be `visibility: hidden` or transparent, and not sit in a closed drawer or search box.
_CHECK_FOCUS = """async ([drawerWidths, searchWidths]) => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  const first = window.__vhFirstStop || (window.__vhFirstStop = element);
  // Run to their end what moves, fades or shows the element (not colour changes, which every link
  // has): the stop is judged where its transitions leave it, without waiting for them.
  const moving = document.getAnimations().filter((a) => {
    const target = a.effect && a.effect.target;
    return target && target.contains(element) && !/color|shadow/.test(a.transitionProperty || "");
  });
  for (const animation of moving) {
    try { animation.finish(); } catch (error) { /* an endless animation has no end to jump to */ }
  }
  element.scrollIntoView({block: "nearest", inline: "nearest"});
  const text = (element.getAttribute("aria-label") || element.textContent || "").trim().slice(0, 40);
  const name = `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") || ""}" `
    + `href="${element.getAttribute("href") || ""}"> ${text}`;
  const problems = [];
  const box = element.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) problems.push("has no size");
  let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom];
  const clip = (r) => {
    left = Math.max(left, r.left); top = Math.max(top, r.top);
    right = Math.min(right, r.right); bottom = Math.min(bottom, r.bottom);
  };
  clip({left: 0, top: 0, right: innerWidth, bottom: innerHeight});
  let opacity = 1;
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const style = getComputedStyle(node);
    opacity *= parseFloat(style.opacity);
    const scroller = node === document.documentElement || node === document.body;  // the viewport's
    if (node !== element && !scroller && (style.overflowX !== "visible" || style.overflowY !== "visible")) {
      clip(node.getBoundingClientRect());
    }
  }
  if (right - left < 1 || bottom - top < 1) problems.push("lies outside the viewport or is clipped");
  if (getComputedStyle(element).visibility !== "visible") problems.push("is visibility: hidden");
  if (opacity < 0.05) problems.push("is transparent");
  const drawer = document.getElementById("__drawer");
  if (element.closest(".md-sidebar--primary") && matchMedia(drawerWidths).matches
      && !(drawer && drawer.checked)) problems.push("is in the closed navigation drawer");
  if (element.closest(".md-search__inner") && matchMedia(searchWidths).matches) {
    problems.push("opened the search overlay by Tab alone (only its button opens it)");
  }
  return {name, problems, again: element === first && window.__vhStops > 0,
          stop: (window.__vhStops = (window.__vhStops || 0) + 1)};
}"""


def tab_walk(page, max_stops: int = MAX_STOPS) -> tuple[int, list[str]]:
    """Press Tab until the focus is back at the first stop (or `max_stops`); return the number of
    stops and every stop that a reader could not see, with what is wrong."""
    hidden, stops = [], 0
    for _ in range(max_stops + 2):  # the focus may pass the document itself once on the way round
        page.keyboard.press("Tab")
        stop = page.evaluate(_CHECK_FOCUS, [DRAWER_WIDTHS, OVERLAY_SEARCH_WIDTHS])
        if stop is None:
            continue
        if stop["again"]:
            break
        stops += 1
        hidden += [f"{stop['name']}: {problem}" for problem in stop["problems"]]
        if stops >= max_stops:
            break
    return stops, hidden


# Dutch on the phone, where the drawer and the overlay search take part, on every page above; Dutch
# on the desktop on a page of every template; English on the phone (the same templates, another
# build's navigation and texts) on the home page, a record and the 404 page.
TEMPLATES = {
    "", "netwerken/", "netwerken/alpha/", "initiatieven/hoofd/", "regios/haaglanden/", "focus/print/",
    "nieuws/", "404.html",
}
WALKS = (
    [("", PHONE, path) for path in PAGES]
    + [("", DESKTOP, path) for path in PAGES if path in TEMPLATES]
    + [("en/", PHONE, path) for path in ("", "netwerken/alpha/", "404.html")]
)


@pytest.fixture
def sized_page(page_at, request):
    """A new page with the viewport width of the test's `width` parameter."""
    return page_at(request.getfixturevalue("width"))


@pytest.mark.parametrize(("prefix", "width", "path"), WALKS)
def test_every_tab_stop_is_visible(sized_page, fixture_url, prefix, width, path):
    sized_page.goto(fixture_url + prefix + path)
    stops, hidden = tab_walk(sized_page)
    assert stops > 5, "the walk found hardly any stops: is the page there?"
    assert not hidden, "focus stops a reader cannot see:\n" + "\n".join(hidden)


def tab_to(page, selector: str, max_stops: int = 40) -> None:
    for _ in range(max_stops):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} is not reachable with Tab")


@pytest.mark.parametrize("width", [PHONE])
@pytest.mark.parametrize("path", ["netwerken/alpha/", "en/focus/missie/"])
def test_the_menu_button_opens_the_drawer_by_keyboard(sized_page, fixture_url, width, path):
    page = sized_page
    page.goto(fixture_url + path)
    tab_to(page, "[data-vh-drawer-button]")
    button = page.locator("[data-vh-drawer-button]")
    assert button.evaluate("element => element.tagName") == "BUTTON"  # a label may not take role="button"
    label = "Navigation menu" if path.startswith("en/") else "Navigatiemenu"
    assert button.get_attribute("aria-label") == label
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    # The focus is in the drawer, and every stop of the open drawer is visible.
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    hidden, in_drawer = [], 0
    while page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')") and in_drawer < 60:
        stop = page.evaluate(_CHECK_FOCUS, [DRAWER_WIDTHS, OVERLAY_SEARCH_WIDTHS])
        hidden += [f"{stop['name']}: {problem}" for problem in stop["problems"]]
        in_drawer += 1
        page.keyboard.press("Tab")
    assert in_drawer >= 10, "the open drawer holds the whole navigation"
    assert not hidden, "focus stops a reader cannot see in the open drawer:\n" + "\n".join(hidden)
    # Tab past its last link closed it; Escape closes it from inside and returns to the button.
    assert not page.evaluate("document.getElementById('__drawer').checked")
    page.locator("[data-vh-drawer-button]").focus()
    page.keyboard.press(" ")
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.hasAttribute('data-vh-drawer-button')")
    assert button.get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("key", ["Tab", "ArrowDown"])
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_the_first_result_is_one_key_from_the_search_field(sized_page, fixture_url, width, key):
    page = sized_page
    page.goto(fixture_url + "initiatieven/")
    if width == PHONE:  # the closed box takes no focus: its button opens it
        tab_to(page, "[data-vh-search-open]")
        page.keyboard.press("Enter")
    else:
        tab_to(page, "#vh-search-input")
    assert page.evaluate("document.activeElement.id") == "vh-search-input"
    page.keyboard.type("netwerk", delay=20)
    page.wait_for_selector("#vh-search-results a")
    page.keyboard.press(key)
    first = page.eval_on_selector("#vh-search-results a", "a => a.href")
    assert page.evaluate("document.activeElement.href") == first
    stop = page.evaluate(_CHECK_FOCUS, [DRAWER_WIDTHS, OVERLAY_SEARCH_WIDTHS])
    assert [p for p in stop["problems"] if not p.startswith("opened the search")] == []
