"""The region map speaks (the real site): every region carries a number at a point inside it, the
key below the map names the same regions in the same order as links (so a region too small to tap
on a phone has a target of its own, at least 24 x 24 px), and the map's table fits a 320 px screen
with its caption whole (a card a row, with the roles of a table)."""

from __future__ import annotations

import re

import pytest

from conftest import read_page
from sitegen.records.places import fold

MAP_PAGES = ["", "en/", "regios/", "en/regios/", "initiatieven/", "en/netwerken/"]
_REGION = re.compile(r'<a href="([^"]+)" class="vh-map__region"><title>([^:<]+):')
_NUMBER = re.compile(r'<text x="(\d+)" y="(\d+)">(\d+)</text>')
_KEY_LINK = re.compile(r'<li><a href="([^"]+)">([^<]+)</a></li>')


def key_links(html: str) -> list[tuple[str, str]]:
    key = html[html.index('<ol class="vh-map__key"') :]
    return _KEY_LINK.findall(key[: key.index("</ol>")])


@pytest.mark.parametrize("path", MAP_PAGES)
def test_every_region_has_a_number_on_the_map_and_the_key_names_it_in_alphabetical_order(real_site, path):
    html = read_page(real_site, path)
    regions = _REGION.findall(html)
    numbers = _NUMBER.findall(html.split('class="vh-map__numbers"')[1].split("</g>")[0])
    key = key_links(html)
    assert len(regions) == len(numbers) == len(key) == 35
    assert [int(number) for _, _, number in numbers] == list(range(1, 36))
    assert [href for href, _ in key] == [href for href, _ in regions]  # number n is link n of the map
    labels = [label.replace("&#39;", "'") for _, label in key]
    assert labels == sorted(labels, key=fold)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["regios/", "en/"])
def test_each_number_stands_inside_its_own_region(page_at, real_url, path):
    page = page_at(1280)
    page.goto(real_url + path)
    misplaced = page.evaluate(
        """() => {
          const links = Array.from(document.querySelectorAll('.vh-map__key a'), a => a.href);
          return Array.from(document.querySelectorAll('.vh-map__numbers text')).flatMap((text, i) => {
            text.scrollIntoView({block: 'center'});
            const b = text.getBoundingClientRect();
            const hit = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
            const link = hit && hit.closest('a');
            const href = link && new URL(link.getAttribute('href'), location.href).href;
            return href === links[i] ? [] : [text.textContent];
          });
        }"""
    )
    assert misplaced == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 360])
def test_a_region_too_small_to_tap_has_a_key_link_of_at_least_24_px(page_at, real_url, width):
    page = page_at(width)
    page.goto(real_url + "regios/")
    sizes = page.evaluate(
        """() => {
          const key = new Map(Array.from(document.querySelectorAll('.vh-map__key a'), a => {
            const box = a.getBoundingClientRect();
            return [a.href, [box.width, box.height]];
          }));
          return Array.from(document.querySelectorAll('.vh-map__region'), a => {
            const box = a.getBoundingClientRect();
            const href = new URL(a.getAttribute('href'), location.href).href;
            return [href, box.width, box.height, key.get(href)];
          });
        }"""
    )
    small = [href for href, w, h, _ in sizes if w < 24 or h < 24]
    assert small  # the map alone would fail: the key is what makes them reachable
    for href, _, _, key in sizes:
        assert key is not None and key[0] >= 24 and key[1] >= 24, (href, key)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "en/regios/", "initiatieven/"])
def test_the_map_table_fits_a_320_px_screen_with_its_caption_whole(page_at, real_url, path):
    page = page_at(320)
    page.goto(real_url + path)
    page.locator("#vh-map-table").evaluate("element => { element.open = true; }")
    boxes = page.evaluate(
        """() => {
          const table = document.querySelector('#vh-map-table table');
          const wrap = table.closest('.vh-table-wrap');
          const caption = table.caption.getBoundingClientRect();
          return {scroll: wrap.scrollWidth, wrap: wrap.clientWidth, caption: [caption.left, caption.right],
                  box: [wrap.getBoundingClientRect().left, wrap.getBoundingClientRect().right],
                  page: document.documentElement.scrollWidth};
        }"""
    )
    assert boxes["scroll"] <= boxes["wrap"], boxes  # nothing to scroll sideways inside the box
    assert boxes["page"] <= 320, boxes
    assert boxes["box"][0] <= boxes["caption"][0] and boxes["caption"][1] <= boxes["box"][1], boxes
    # a card a row, still read as a table (table-roles.js sets the roles the markup may not carry)
    roles = page.locator("#vh-map-table tbody tr").first.evaluate(
        "row => [getComputedStyle(row).display, row.getAttribute('role'), row.cells[1].getAttribute('role')]"
    )
    assert roles == ["block", "row", "cell"]
