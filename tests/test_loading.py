"""How the pages load, for a fast first screen on a phone (`make audit` measures the result): no
script or font holds up the first paint, the print styles wait for printing, and what the scripts
bring to life (the filters, the place finder, the search box) has its place in the first layout, so
nothing moves when the scripts have run; each script comes once, where it is used."""

from __future__ import annotations

import re

import pytest

from conftest import ParsedPage, read_page, settle
from sitegen.records.kinds import KINDS

PAGES = ["", "en/", *(kind.section + "/" for kind in KINDS.values())]


@pytest.mark.parametrize("path", PAGES)
def test_no_script_or_screen_style_waits_for_more_than_the_page(real_site, path):
    html = read_page(real_site, path)
    elements = ParsedPage(html).elements
    scripts = [attrs for tag, attrs in elements if tag == "script" and attrs.get("src")]
    assert scripts and all("defer" in attrs for attrs in scripts), [attrs["src"] for attrs in scripts]
    styles = {attrs["href"].rsplit("/", 1)[-1]: attrs.get("media") for tag, attrs in elements
              if tag == "link" and attrs.get("rel") == "stylesheet"}
    assert styles["print.css"] == "print"
    assert all(media is None for name, media in styles.items() if name != "print.css")
    # Chromium holds the first paint for a preloaded font, even one with `font-display: optional`.
    assert not [attrs for tag, attrs in elements if tag == "link" and attrs.get("rel") == "preload"]
    head = html[: html.index("</head>")]  # Material's class for "scripts run" before the body draws
    assert '<script>document.documentElement.classList.replace("no-js", "js")</script>' in head


_SCRIPT_SOURCE = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')


def test_each_script_is_loaded_once_and_only_where_the_page_uses_it(real_site):
    """No page asks twice for one script (a page shows the map's table and an overview together),
    and the table roles' script comes only with a table shown as cards."""
    for path in real_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        sources = _SCRIPT_SOURCE.findall(html)
        assert len(sources) == len(set(sources)), path
        uses_cards = "vh-table--cards" in html
        assert any(src.endswith("/table-roles.js") for src in sources) == uses_cards, path


# The top of every block of the article, from the top of the page.
_BLOCKS = """() => Array.from(
  document.querySelectorAll('.md-content__inner > *, .md-content__inner > div > *'))
  .map(element => Math.round(element.getBoundingClientRect().top + window.scrollY))"""


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_nothing_moves_when_the_scripts_have_run(real_url, page_at, path):
    """The article's blocks stand where they stand with the site's scripts refused (the first layout,
    drawn before the deferred scripts run) once the scripts have run. The fonts are refused in both
    loads: whether a font with `font-display: optional` comes in time is not what is compared."""
    page = page_at(360, 800)
    page.route("**/assets/fonts/**", lambda route: route.abort())
    page.route("**/assets/javascripts/**", lambda route: route.abort())
    page.goto(real_url + path)
    settle(page)
    before = page.evaluate(_BLOCKS)
    page.unroute("**/assets/javascripts/**")
    page.goto(real_url + path)
    settle(page)
    assert page.evaluate("() => !document.documentElement.classList.contains('no-js')")
    assert page.evaluate(_BLOCKS) == before


def test_no_font_swaps_in_after_the_page_has_drawn(real_site):
    """`font-display: optional`: a font that has not come in time for the first layout is not swapped
    in later (which moved every line of text below it: layout shift), it is used from the next page on."""
    css = (real_site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\s*{([^}]*)}", css)
    assert faces and all(re.search(r"font-display:\s*optional;", face) for face in faces)
