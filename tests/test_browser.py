"""The built site in headless Chromium: the language switch, and nothing loaded from elsewhere."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("start", "language", "target"),
    [
        ("netwerken/alpha/", "English", "en/netwerken/alpha/"),
        ("en/netwerken/alpha/", "Nederlands", "netwerken/alpha/"),
        ("initiatieven/hoofd/", "English", "en/initiatieven/hoofd/"),
        ("en/focus/", "Nederlands", "focus/"),
    ],
)
def test_language_switch_lands_on_the_same_page_in_the_other_language(
    page, fixture_url, start, language, target
):
    page.goto(fixture_url + start)
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link", has_text=language).click()
    page.wait_for_url(fixture_url + target)
    expected_lang = "en" if target.startswith("en/") else "nl"
    assert page.locator("html").get_attribute("lang") == expected_lang


def test_record_pages_request_nothing_from_another_host_and_run_no_record_script(page, fixture_url):
    for path in (
        "",
        "netwerken/alpha/",
        "initiatieven/hostile/",
        "en/initiatieven/hostile/",
        "initiatieven/",
    ):
        page.goto(fixture_url + path)
        page.wait_for_load_state("networkidle")
    assert page.foreign_requests == []
    assert page.dialogs == []


def test_skip_link_is_the_first_tab_stop_on_record_pages(page, fixture_url):
    page.goto(fixture_url + "netwerken/alpha/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "md-skip" in focused
