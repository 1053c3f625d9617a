"""The navigation drawer of narrow screens in headless Chromium, beyond its keys (test_keyboard.py):
with JavaScript a real button in the header opens it, in place of Material's label; without
JavaScript that label opens it; and coming back to a page ("back") finds the drawer and the search
box closed, as Material's `autocomplete="off"` had them, now through the toggles' empty form
(overrides/base.html)."""

from __future__ import annotations

import pytest

from conftest import settle

pytestmark = pytest.mark.browser

PHONE = 360
DRAWER_OPEN = "document.getElementById('__drawer').checked"


def test_the_menu_button_replaces_the_label_and_opens_the_drawer_by_pointer(page_at, fixture_url):
    page = page_at(PHONE)
    page.goto(fixture_url + "netwerken/alpha/")
    button = page.locator("[data-vh-drawer-button]")
    assert button.evaluate("element => element.tagName") == "BUTTON"
    assert button.is_visible() and page.locator("[data-vh-drawer-label]").is_hidden()
    button.click()
    assert page.evaluate(DRAWER_OPEN)
    assert button.get_attribute("aria-expanded") == "true"
    page.locator(".md-overlay").click(position={"x": PHONE - 10, "y": 400})  # Material's overlay closes it
    assert not page.evaluate(DRAWER_OPEN)
    button.focus()
    assert button.get_attribute("aria-expanded") == "false"


def test_the_menu_button_is_not_shown_beside_the_navigation(page_at, fixture_url):
    page = page_at(1280)
    page.goto(fixture_url + "netwerken/alpha/")
    assert page.locator("[data-vh-drawer-button]").is_hidden()
    assert page.locator("[data-vh-drawer-label]").is_hidden()


def test_without_javascript_the_label_opens_the_drawer(page_at, fixture_url):
    page = page_at(PHONE, java_script_enabled=False)
    page.goto(fixture_url + "netwerken/alpha/")
    assert page.locator("[data-vh-drawer-button]").is_hidden()
    page.locator("[data-vh-drawer-label]").click()
    assert page.evaluate(DRAWER_OPEN)


@pytest.mark.parametrize("toggle", ["__drawer", "__search"])
def test_coming_back_finds_the_toggles_closed(page_at, fixture_url, toggle):
    page = page_at(PHONE)
    page.goto(fixture_url + "netwerken/alpha/")
    settle(page)
    # Chromium keeps a page that listens for `unload` out of its back-forward cache: the page is
    # then loaded again, and the browser restores its form fields unless autocomplete says no.
    page.evaluate("window.addEventListener('unload', () => {})")
    page.evaluate(f"document.getElementById('{toggle}').click()")
    assert page.evaluate(f"document.getElementById('{toggle}').checked")
    page.goto(fixture_url + "netwerken/")
    page.go_back()
    settle(page)
    assert page.url == fixture_url + "netwerken/alpha/"
    assert not page.evaluate(f"document.getElementById('{toggle}').checked")
