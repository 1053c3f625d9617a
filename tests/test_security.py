"""The Content-Security-Policy of the built site (hooks/sitegen/csp.py): every page runs under
its own policy without a violation, search and filters included, and a script that got into a
page anyway does not run."""

from __future__ import annotations

import re

import pytest

from conftest import settle
from sitegen.pages import csp
from sitegen.pages.build_state import STATE, BuildState
from sitegen.pages.licence import Licence
from sitegen.site import DEFAULT_LANGUAGE, LANGUAGE_PATHS

PAGES = ["", "netwerken/", "initiatieven/", "netwerken/alpha/", "initiatieven/hostile/", "focus/", "404.html"]
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_the_policy_comes_before_any_script_and_hashes_only_inline_code():
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><script>var a = 1;</script>'
        '<script src="app.js"></script><script id="__config" type="application/json">{"a": 1}</script>'
        '</head><body><script type="application/ld+json">{"@type": "Project"}</script>'
        "<script>var a = 1;</script><script type=module>import('./x.js')</script></body></html>"
    )
    result = csp.with_policy(page)
    assert result.index("Content-Security-Policy") < result.index("<script")
    policy = POLICY_META.search(result).group(1)
    # two distinct inline scripts run (one twice); files, JSON and JSON-LD are not inline code
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/]+=*'", policy)) == 2
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy


def test_a_document_without_a_head_is_left_alone():
    assert csp.with_policy("<p>no head</p>") == "<p>no head</p>"


def test_every_built_page_carries_a_policy_and_no_other_host(fixture_site):
    pages = sorted(fixture_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        policies = POLICY_META.findall(path.read_text(encoding="utf-8"))
        assert len(policies) == 1, path
        sources = {word for directive in policies[0].split(";") for word in directive.split()[1:]}
        assert not [
            word for word in sources if re.match(r"https?:|\*|'unsafe-inline'|'unsafe-eval'", word)
        ], path


@pytest.mark.browser
@pytest.mark.parametrize("prefix", LANGUAGE_PATHS)
@pytest.mark.parametrize("path", PAGES)
def test_pages_run_under_their_policy_without_a_violation(page, fixture_url, prefix, path):
    page.goto(fixture_url + prefix + path)
    assert page.locator("head meta[http-equiv='Content-Security-Policy']").count() == 1
    settle(page)
    assert page.csp_violations() == []


@pytest.mark.browser
def test_search_and_filters_work_under_the_policy(page, fixture_url):
    page.goto(fixture_url + "initiatieven/?region=drenthe")
    assert page.locator('form[data-vh-filters="initiatives"]').is_visible()
    assert page.locator('table[data-vh-table="initiatives"] tbody tr:visible').count() == 1
    page.locator("#vh-search-input").click()
    page.locator("#vh-search-input").fill("netwerken")
    page.wait_for_selector("#vh-search-results a")  # Pagefind's WebAssembly engine runs
    assert page.csp_violations() == []


@pytest.mark.browser
def test_a_script_that_got_into_a_page_does_not_run(page, fixture_url):
    target = fixture_url + "initiatieven/hostile/"

    def inject(route):
        html = route.fetch().text()
        html = html.replace(
            "</article>",
            '<script>window.vhInjected = "inline"</script>'
            '<img src="data:," onerror="window.vhInjected = \'handler\'"></article>',
            1,
        )
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    page.route(target, inject)
    page.goto(target)
    settle(page)
    assert page.evaluate("window.vhInjected") is None
    blocked = page.csp_violations()
    assert sorted(blocked) == ["script-src-attr inline", "script-src-elem inline"]


def test_the_preview_of_make_serve_goes_without_a_policy():
    from sitegen.plugin import SitePlugin

    security = SitePlugin()

    page = '<html><head><meta charset="utf-8"><script>live()</script></head></html>'
    licence = Licence(name="CC0 1.0", url="https://creativecommons.org/publicdomain/zero/1.0/")
    preview = BuildState(language=DEFAULT_LANGUAGE, catalog=None, published=False, licence=licence)
    published = BuildState(language=DEFAULT_LANGUAGE, catalog=None, published=True, licence=licence)
    assert security.on_post_page(page, page=None, config={STATE: preview}) == page
    assert "Content-Security-Policy" in security.on_post_page(page, page=None, config={STATE: published})
