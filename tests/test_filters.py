"""The filters above the overview tables, in headless Chromium, on a site of synthetic records
(benchmarks/generate.py) with enough variety that every filter narrows the table."""

from __future__ import annotations

import pytest

from conftest import WITHOUT_PDF, built_once, load_by_path
from sitegen.outputs.build import build_site
from sitegen.records.i18n import Strings

generate = load_by_path("benchmarks/generate.py").generate

pytestmark = pytest.mark.browser

INITIATIVES = 40


@pytest.fixture(scope="module")
def synthetic_url(tmp_path_factory):
    def build(folder, url):
        project = generate(folder / "project", initiatives=INITIATIVES, networks=6, seed=7)
        return build_site(project, site_url=url, steps=WITHOUT_PDF)  # the filters need no PDF

    return built_once(tmp_path_factory, "synthetic", build).url


def visible_rows(page, kind: str) -> int:
    return page.locator(f'table[data-vh-table="{kind}"] tbody tr:visible').count()


def option_counts(select) -> list[tuple[str, int]]:
    """Each option of `select` with the number of rows it would leave (its label ends in "(count)")."""
    options = select.evaluate(
        "s => Array.from(s.options).filter(o => o.value).map(o => [o.value, o.textContent])")
    return [(value, int(text.rsplit("(", 1)[1].rstrip(")"))) for value, text in options]


def smallest_option(page, select) -> tuple[str, int]:
    """The option of `select` that leaves the fewest rows."""
    return min(option_counts(select), key=lambda item: item[1])


@pytest.mark.parametrize(("path", "kind", "total"), [
    ("initiatieven/", "initiatives", INITIATIVES),
    ("en/initiatieven/", "initiatives", INITIATIVES),
    ("netwerken/", "networks", 6),
])
def test_each_filter_narrows_the_table_and_survives_a_reload(page, synthetic_url, path, kind, total):
    page.goto(synthetic_url + path)
    form = page.locator(f'form[data-vh-filters="{kind}"]')
    assert form.is_visible()
    assert visible_rows(page, kind) == total
    names = form.locator("select").evaluate_all("selects => selects.map(s => s.name)")
    assert names
    for name in names:
        page.goto(synthetic_url + path)
        select = form.locator(f'select[name="{name}"]')
        value, count = smallest_option(page, select)
        select.select_option(value)
        assert visible_rows(page, kind) == count < total, name
        assert f"{name}={value}" in page.url
        counter = form.locator(".vh-filters__count").inner_text()
        assert str(count) in counter and str(total) in counter
        page.reload()
        assert form.locator(f'select[name="{name}"]').input_value() == value
        assert visible_rows(page, kind) == count


def test_filters_combine_and_the_text_field_narrows_too(page, synthetic_url):
    page.goto(synthetic_url + "initiatieven/?q=Samen+sterk+in+Venlo")
    venlo = visible_rows(page, "initiatives")
    assert 0 < venlo < INITIATIVES
    form = page.locator('form[data-vh-filters="initiatives"]')
    assert form.locator("input[name=q]").input_value() == "Samen sterk in Venlo"
    select = form.locator('select[name="year"]')
    value, count = smallest_option(page, select)  # counts are given the text filter
    select.select_option(value)
    assert visible_rows(page, "initiatives") == count <= venlo
    assert "q=Samen+sterk+in+Venlo" in page.url and f"year={value}" in page.url
    form.locator("button[type=reset]").click()
    page.wait_for_function("() => !location.search")
    assert visible_rows(page, "initiatives") == INITIATIVES


def test_shared_address_opens_the_filtered_view(page, synthetic_url):
    page.goto(synthetic_url + "initiatieven/")
    form = page.locator('form[data-vh-filters="initiatives"]')
    value, count = smallest_option(page, form.locator('select[name="sector"]'))
    page.goto(synthetic_url + f"initiatieven/?sector={value}&unknown=1")
    assert visible_rows(page, "initiatives") == count
    assert form.locator('select[name="sector"]').input_value() == value


def test_without_javascript_the_whole_table_shows_and_the_form_does_not(page_at, synthetic_url):
    page = page_at(1280, 720, java_script_enabled=False)
    page.goto(synthetic_url + "initiatieven/?sector=engineering-built-environment")
    assert not page.locator("form[data-vh-filters]").is_visible()
    assert visible_rows(page, "initiatives") == INITIATIVES


def test_filter_controls_are_labelled(page, synthetic_url):
    page.goto(synthetic_url + "en/initiatieven/")
    for control in page.locator("form[data-vh-filters] select, form[data-vh-filters] input").all():
        control_id = control.get_attribute("id")
        assert page.locator(f'label[for="{control_id}"]').count() == 1
    assert page.locator(".vh-filters__count").get_attribute("aria-live") == "polite"
    assert page.locator('label[for="vh-filters-initiatives-sector"]').inner_text() == "Sectors"


@pytest.mark.parametrize(("path", "kind", "lang"), [
    ("initiatieven/", "initiatives", "nl"),
    ("en/initiatieven/", "initiatives", "en"),
    ("netwerken/", "networks", "nl"),
    ("en/netwerken/", "networks", "en"),
])
def test_filters_that_match_nothing_say_so_and_hide_the_table(page, synthetic_url, path, kind, lang):
    page.goto(synthetic_url + path)
    form = page.locator(f'form[data-vh-filters="{kind}"]')
    table = page.locator(f'table[data-vh-table="{kind}"]')
    counter = form.locator(".vh-filters__count")
    total = visible_rows(page, kind)
    selects = form.locator("select")
    first = selects.first
    first.select_option(smallest_option(page, first)[0])
    # Another filter's option that, given the first, its count says leaves no row.
    for index in range(1, selects.count()):
        nothing = [value for value, count in option_counts(selects.nth(index)) if count == 0]
        if nothing:
            selects.nth(index).select_option(nothing[0])
            break
    else:
        pytest.fail("no two filters of the synthetic site leave nothing")
    assert visible_rows(page, kind) == 0
    assert counter.inner_text() == Strings(lang).t(f"overview-none-{kind}")
    assert counter.get_attribute("role") == "status"
    assert not table.is_visible()
    form.locator("button[type=reset]").click()
    page.wait_for_function("() => !location.search")
    assert table.is_visible() and visible_rows(page, kind) == total
    assert counter.inner_text() == table.locator("caption .vh-table__count").inner_text()
