"""The real site at phone and desktop widths in headless Chromium: the overview tables (a card a
row on narrow screens, labelled from the column headers; names never broken inside a word; the
caption's count the same as the filters'), list bullets inside the content margin on every kind
of page, and key-figure cards aligned with their column on both sides."""

from __future__ import annotations

import pytest

from sitegen.records.i18n import Strings
from sitegen.records.kinds import KINDS
from sitegen.site import LANGUAGES

pytestmark = pytest.mark.browser

WIDTHS = [320, 1280]
"""The narrowest phone and a desktop. A phone of 360 px has the layout of one of 320 px (the first
breakpoint, Material's and the site's, is 30em: 480 px) with more room on each line, so what fits
at 320 px fits there too; only the page titles, which grow with the window, are measured at both."""
NARROW = 44.984375 * 16
"""Below this width (Material's phone breakpoint, in CSS pixels) each row of an overview is a card."""
OVERVIEWS = [
    pytest.param(language, kind, id=language.page(kind.section))
    for language in LANGUAGES for kind in KINDS.values()
]

# Elements of the article shown on the page (not in a closed <details>) whose box reaches past
# the right edge of the window.
_WIDER_THAN_WINDOW = """() => Array.from(document.querySelectorAll('.md-content *'))
  .filter(element => { const box = element.getBoundingClientRect();
                       return box.width > 0 && box.right > window.innerWidth + 0.5
                              && element.checkVisibility(); })
  .map(element => element.tagName.toLowerCase() + '.' + element.className + ' ' +
                  Math.round(element.getBoundingClientRect().right))"""

# Every piece of a name that a line may not break: a run of letters up to the next space, or up
# to and with a hyphen or slash (a line may end after "Noord-"). Its line boxes must share one line.
_WORDS_BROKEN_INSIDE = r"""elements => {
  const broken = [];
  for (const element of elements) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const piece of text.textContent.matchAll(/[^\s\-\/]+[\-\/]?/g)) {
        const range = document.createRange();
        range.setStart(text, piece.index);
        range.setEnd(text, piece.index + piece[0].length);
        const lines = new Set(Array.from(range.getClientRects(), box => Math.round(box.top)));
        if (lines.size > 1) broken.push(`${element.textContent.trim()}: ${piece[0]}`);
      }
    }
  }
  return broken;
}"""

# Each cell's label on a card, as the page shows it (its ::before), beside its column header.
_CELL_LABELS = """table => {
  const headers = Array.from(table.tHead.rows[0].cells, cell => cell.textContent.trim());
  return Array.from(table.tBodies[0].rows).flatMap(row => Array.from(row.cells).slice(1)
    .filter(cell => cell.textContent.trim())
    .map(cell => [getComputedStyle(cell, '::before').content, headers[cell.cellIndex]]));
}"""


def overview_url(real_url: str, language, kind) -> str:
    return real_url + language.page(kind.section + "/")


def count_text(language, kind, count: int, total: int) -> str:
    """The count as the strings table words it, in the page's language."""
    number = "one" if total == 1 else "other"
    return Strings(language.code).t(f"overview-count-{kind.name}-{number}", count=count, total=total)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("language", "kind"), OVERVIEWS)
def test_overviews_fit_the_window_and_never_break_a_name_inside_a_word(
    page_at, real_url, language, kind, width
):
    page = page_at(width)
    page.goto(overview_url(real_url, language, kind))
    table = page.locator(f'table[data-vh-table="{kind.name}"]')
    assert table.locator("tbody tr").count() > 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(_WIDER_THAN_WINDOW) == []
    assert table.locator("tbody th").evaluate_all(_WORDS_BROKEN_INSIDE) == []
    labels = table.evaluate(_CELL_LABELS)
    assert labels
    if width < NARROW:  # a card a row, each value led by its column's header
        assert all(shown.startswith(f'"{header}: "') for shown, header in labels), labels[:3]
        rows = table.locator("tbody tr").evaluate_all(
            "rows => rows.map(row => [row.getBoundingClientRect().left, row.getBoundingClientRect().right])")
        assert all(0 <= left and right <= width for left, right in rows)
    else:  # a table with its header row
        assert all(shown == "none" for shown, _ in labels)
        assert table.locator("thead").is_visible()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(("language", "kind"), OVERVIEWS)
def test_caption_and_filter_count_agree_before_and_after_filtering(page_at, real_url, language, kind, width):
    page = page_at(width)
    page.goto(overview_url(real_url, language, kind))
    table = page.locator(f'table[data-vh-table="{kind.name}"]')
    counter = page.locator(f'form[data-vh-filters="{kind.name}"] .vh-filters__count')
    caption = table.locator("caption .vh-table__count")
    total = table.locator("tbody tr").count()
    assert caption.inner_text() == counter.inner_text() == count_text(language, kind, total, total)
    assert f"({caption.inner_text()})" in table.locator("caption").inner_text()
    # The option that leaves the fewest rows (each option ends in "(count)").
    select = page.locator(f'form[data-vh-filters="{kind.name}"] select').first
    options = select.evaluate(
        "s => Array.from(s.options).filter(o => o.value).map(o => [o.value, o.textContent])")
    value, count = min(((value, int(text.rsplit("(", 1)[1].rstrip(")"))) for value, text in options),
                       key=lambda option: option[1])
    assert 0 < count < total
    select.select_option(value)
    assert caption.inner_text() == counter.inner_text() == count_text(language, kind, count, total)
    assert table.locator("tbody tr:visible").count() == count


# The pages whose title holds the longest words, and one of each other kind.
TITLE_PAGES = [
    "", "initiatieven/", "toegankelijkheid/", "netwerken/", "regios/zaanstreek-waterland/",
    "initiatieven/techniekloods-hardenberg/", "focus/terugblik-2018-2023/", "en/initiatieven/",
    "en/toegankelijkheid/",
]


@pytest.mark.parametrize("width", [320, 360])
def test_page_titles_never_break_inside_a_word_on_phones(page_at, real_url, width):
    page = page_at(width)
    for path in TITLE_PAGES:
        page.goto(real_url + path)
        assert page.locator(".md-typeset h1").evaluate_all(_WORDS_BROKEN_INSIDE) == [], path


def test_page_titles_fit_a_phone_in_the_fallback_font_too(page_at, real_url):
    """`font-display: optional` draws a page in the fallback font for good when the site's font
    comes late, as on a slow phone; its words are wider (DejaVu Sans here, Roboto on Android), and
    the titles still fit: no word broken, no page scrolling sideways."""
    page = page_at(320)
    page.route("**/*.woff2", lambda route: route.abort())  # routing also bypasses the cache
    for path in TITLE_PAGES:
        page.goto(real_url + path)
        assert page.evaluate("[...document.fonts].every((font) => font.status !== 'loaded')"), path
        assert page.locator(".md-typeset h1").evaluate_all(_WORDS_BROKEN_INSIDE) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path


# Pages with other tables: the map's table (home, regions) and the open-data files and fields.
TABLE_PAGES = ["", "en/", "regios/", "open-data/", "en/open-data/"]


@pytest.mark.parametrize("width", [320])
def test_other_tables_keep_names_whole_and_the_page_from_scrolling_sideways(page_at, real_url, width):
    page = page_at(width)
    for path in TABLE_PAGES:
        page.goto(real_url + path)
        for details in page.locator("details:has(table)").all():
            details.evaluate("element => { element.open = true; }")
        assert page.locator(".md-typeset table").count() > 0, path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert page.locator(".md-typeset table a").evaluate_all(_WORDS_BROKEN_INSIDE) == [], path


# Every kind of page with a list (Markdown lists, record facts, related records, sources, news),
# at a phone's width.
LIST_PAGES = [
    "", "netwerken/", "netwerken/u-talent/", "initiatieven/regio-hoogeveen-sterk-techniekonderwijs/",
    "regios/", "regios/drenthe/", "gemeenten/", "nieuws/", "focus/", "focus/terugblik-2018-2023/",
    "focus/netwerkprofielen/", "focus/print/", "over/", "open-data/", "bijdragen/", "velden/",
    "toegankelijkheid/", "privacy/", "en/initiatieven/regio-hoogeveen-sterk-techniekonderwijs/",
    "en/netwerken/u-talent/", "en/over/",
]

# The left edge of each visible list item's bullet or number, against the left edge of the
# article's content box. The marker's width is measured by moving it inside the item.
_MARKERS_OUTSIDE_THE_MARGIN = r"""() => {
  const content = document.querySelector('.md-content__inner');
  const edge = content.getBoundingClientRect().left + parseFloat(getComputedStyle(content).paddingLeft);
  const result = {measured: 0, outside: []};
  for (const item of content.querySelectorAll('li')) {
    const style = getComputedStyle(item);
    if (style.display !== 'list-item' || style.listStyleType === 'none') continue;
    if (style.listStylePosition !== 'outside' || !item.getClientRects().length) continue;
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT, {acceptNode: node =>
      node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP});
    const text = walker.nextNode();
    if (!text) continue;
    const first = document.createRange();
    const at = text.textContent.search(/\S/);
    first.setStart(text, at);
    first.setEnd(text, at + 1);
    const start = first.getBoundingClientRect().left;
    item.style.listStylePosition = 'inside';
    const marker = first.getBoundingClientRect().left - start;
    item.style.listStylePosition = '';
    result.measured += 1;
    if (start - marker < edge - 0.5) {
      result.outside.push(`${item.textContent.trim().slice(0, 40)}: ${Math.round(start - marker - edge)} px`);
    }
  }
  return result;
}"""


def test_list_bullets_stay_inside_the_content_margin_on_phones(page_at, real_url):
    page = page_at(360)
    measured = {}
    for path in LIST_PAGES:
        page.goto(real_url + path)
        result = page.evaluate(_MARKERS_OUTSIDE_THE_MARGIN)
        assert result["outside"] == [], path
        measured[path] = result["measured"]
    # Lists inside record facts (partners, themes, schools) were the ones hanging outside.
    assert measured["netwerken/u-talent/"] > 0
    assert measured["initiatieven/regio-hoogeveen-sterk-techniekonderwijs/"] > 0
    assert sum(measured.values()) > 100


# Each group's cards: the leftmost card's left edge and the rightmost card's right edge, beside
# the group's content box (where its heading and source line are).
_FIGURE_EDGES = """() => Array.from(document.querySelectorAll('ul.vh-figures')).map(list => {
  const column = list.parentElement;
  const box = column.getBoundingClientRect();
  const style = getComputedStyle(column);
  const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
  const right = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
  const cards = Array.from(list.children, card => card.getBoundingClientRect());
  return [Math.min(...cards.map(card => card.left)) - left,
          Math.max(...cards.map(card => card.right)) - right];
})"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["", "en/", "focus/kerncijfers/"])
def test_key_figure_cards_line_up_with_their_column_on_both_sides(page_at, real_url, path, width):
    page = page_at(width)
    page.goto(real_url + path)
    edges = page.evaluate(_FIGURE_EDGES)
    assert len(edges) > 1
    assert all(abs(left) < 0.5 and abs(right) < 0.5 for left, right in edges), edges
