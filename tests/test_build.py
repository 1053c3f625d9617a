"""Real MkDocs builds of the fixture site and of the project's content, inspected as HTML."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, ParsedPage, empty_cells, overview_table, read_page, run_cli
from sitegen.outputs.build import build_site
from sitegen.records.catalog import CatalogError, load_catalog
from sitegen.records.kinds import record_path
from sitegen.site import LANGUAGES


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# Both languages --------------------------------------------------------------------------------


def test_every_page_exists_in_both_languages_at_the_same_path(fixture_site):
    dutch = {
        p.relative_to(fixture_site)
        for p in html_files(fixture_site)
        if not p.is_relative_to(fixture_site / "en")
    }
    english = {p.relative_to(fixture_site / "en") for p in html_files(fixture_site / "en")}
    assert dutch == english
    assert Path("netwerken/alpha/index.html") in dutch


def test_html_lang_matches_the_language_tree(fixture_site):
    for path in html_files(fixture_site):
        page = ParsedPage(path.read_text(encoding="utf-8"))
        expected = "en" if path.is_relative_to(fixture_site / "en") else "nl"
        assert page.lang == expected, path


def test_record_pages_exist_for_every_record_in_both_languages(fixture_site, fixture_project):
    catalog = load_catalog(fixture_project)
    for entry in catalog.all_entries():
        for language in LANGUAGES:
            assert (fixture_site / language.page(record_path(entry.kind, entry.id)) / "index.html").exists()


def test_record_page_shows_fields_with_labels_in_the_page_language(fixture_site):
    dutch = read_page(fixture_site, "netwerken/alpha")
    english = read_page(fixture_site, "en/netwerken/alpha")
    assert "Bèta en techniek" in dutch and "Science and technology" in english
    assert "ongeveer 40 scholen (peiljaar 2024)" in dutch
    assert "about 40 schools (as of 2024)" in english
    assert "Laatst gecontroleerd op 1 november 2026." in dutch
    assert "Last checked on 1 November 2026." in english
    assert '<a href="https://example.org/alpha"' in dutch


def test_merged_network_links_both_ways(fixture_site):
    old = read_page(fixture_site, "netwerken/beta-oud")
    new = read_page(fixture_site, "netwerken/alpha")
    assert 'href="../../netwerken/alpha/"' in old
    assert 'href="../../netwerken/beta-oud/"' in new


def test_parent_and_parts_link_to_each_other(fixture_site):
    assert 'href="../../initiatieven/hoofd/"' in read_page(fixture_site, "initiatieven/hostile")
    assert 'href="../../initiatieven/hostile/"' in read_page(fixture_site, "initiatieven/hoofd")


def test_missing_english_shows_dutch_marked_as_dutch_with_a_note(fixture_site):
    english = read_page(fixture_site, "en/initiatieven/hoofd")
    assert '<span lang="nl">Een initiatief zonder Engelse tekst.</span>' in english
    assert "Not yet translated; the Dutch text follows." in english
    assert '<div lang="nl" class="vh-untranslated-block">' in english
    assert "vh-untranslated" not in read_page(fixture_site, "initiatieven/hoofd")


def test_sitemaps_list_hreflang_alternates(fixture_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for sitemap in (fixture_site / "sitemap.xml", fixture_site / "en/sitemap.xml"):
        tree = ET.parse(sitemap)
        urls = tree.findall("s:url", ns)
        assert urls
        for url in urls:
            loc = url.find("s:loc", ns).text
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
            assert set(alternates) == {"nl", "en", "x-default"}
            assert loc in alternates.values()
            assert alternates["en"].replace("/en/", "/", 1) == alternates["nl"]


def test_every_page_names_the_same_page_in_the_other_language(fixture_site, fixture_port):
    """The head's hreflang links of a page point at that page in each language, as in the sitemap."""
    root = f"http://127.0.0.1:{fixture_port}/"
    pages = [path for path in html_files(fixture_site) if path.name == "index.html"]
    assert len(pages) > 20
    for path in pages:
        relative = path.parent.relative_to(fixture_site).as_posix()
        own = ("" if relative == "." else relative + "/").removeprefix("en/")
        links = {
            attrs["hreflang"]: attrs["href"]
            for tag, attrs in ParsedPage(path.read_text(encoding="utf-8")).elements
            if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs
        }
        assert links == {"nl": root + own, "en": root + "en/" + own, "x-default": root + own}, path
    assert (fixture_site / "initiatieven/hoofd/index.html").exists()


def test_navigation_and_section_titles_are_translated(fixture_site):
    assert "Focusrapport" in read_page(fixture_site, "")
    assert "Focus report" in read_page(fixture_site, "en")
    assert "Focusrapport" not in read_page(fixture_site, "en")


def test_record_pages_stay_out_of_the_navigation(fixture_site):
    home = read_page(fixture_site, "")
    assert "netwerken/alpha/" not in home


def test_the_404_page_speaks_both_languages(fixture_site):
    page = (fixture_site / "404.html").read_text(encoding="utf-8")
    assert 'lang="nl"' in page and "Pagina niet gevonden" in page
    assert '<section lang="en"' in page and "Page not found" in page


def test_overview_tables_list_every_record_accessibly(fixture_site):
    networks = read_page(fixture_site, "netwerken")
    assert "<caption>" in networks and '<th scope="col"' in networks
    assert overview_table(networks).count('<th scope="row"') == 2
    initiatives = read_page(fixture_site, "en/initiatieven")
    assert overview_table(initiatives).count('<th scope="row"') == 2
    # Only one of the two has themes: the column is shown, and the other's cell stays empty.
    table = overview_table(initiatives)
    assert ">Content themes</th>" in table and "Aligned programmes" in table
    assert empty_cells(table) == 1
    # Only one of the two networks has a founding year: the column is shown, one cell is empty.
    table = overview_table(networks)
    assert ">Opgericht</th>" in table and empty_cells(table) == 1


def test_home_page_shows_key_figures_in_groups_with_year_and_source(fixture_site):
    home = read_page(fixture_site, "")
    assert "vh-figure__value" in home
    assert ">Peiljaar 2024</h3>" in home and ">Peiljaar niet genoemd</h3>" in home
    assert "Geen peiljaar; ouder dan de cijfers hierboven." in home
    english = read_page(fixture_site, "en")
    assert ">Year 2024</h3>" in english and "No year; older than the figures above." in english


# Safety ----------------------------------------------------------------------------------------


def test_hostile_record_text_renders_as_text(fixture_site):
    for path in ("initiatieven/hostile", "en/initiatieven/hostile", "initiatieven", "en/initiatieven"):
        html = read_page(fixture_site, path)
        page = ParsedPage(html)
        for script in page.scripts:
            assert "alert(" not in script, path
        for block in page.data_blocks:  # record text as JSON data, unable to close its element
            assert "<" not in block and ">" not in block, path
        assert not any(
            tag in {"iframe", "style", "img"} and "onerror" in attrs or tag == "iframe"
            for tag, attrs in page.elements
        ), path
        assert not any(name.startswith("on") for _, attrs in page.elements for name in attrs), path
        assert not any(
            (attrs.get("href") or "").startswith(("file:", "javascript:")) for _, attrs in page.elements
        )
    dutch = read_page(fixture_site, "initiatieven/hostile")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in dutch
    assert "{{ 7*7 }}" in read_page(fixture_site, "en/initiatieven/hostile")
    title = ParsedPage(dutch).title
    assert "<script>" in title  # the title element holds the escaped text, shown literally
    assert '<meta name="description" content="&lt;/title&gt;' in dutch


def test_record_markdown_is_sanitised_and_headings_demoted(fixture_site):
    html = read_page(fixture_site, "initiatieven/hostile")
    assert "<h3>Kop in tekst</h3>" in html
    assert '<a href="https://example.org/veilig" rel="noopener noreferrer">veilig</a>' in html
    assert html.count("<h1") == 1


def test_unpublished_contact_shows_only_the_organisation(fixture_site):
    for path in ("netwerken/alpha", "en/netwerken/alpha"):
        html = read_page(fixture_site, path)
        assert "Netwerk Alpha" in html
        assert "Piet Geheim" not in html and "piet.geheim" not in html
    published = read_page(fixture_site, "initiatieven/hoofd")
    assert "Jan Open" in published and "mailto:info@example.org" in published


def test_no_page_loads_anything_from_another_host(fixture_site):
    loads = {"script": "src", "img": "src", "iframe": "src", "source": "src", "link": "href", "embed": "src"}
    remote = re.compile(r"^(?:[a-z]+:)?//", re.I)
    for path in fixture_site.rglob("*.html"):
        for tag, attrs in ParsedPage(path.read_text(encoding="utf-8")).elements:
            target = attrs.get(loads.get(tag, ""), "") or ""
            if tag == "link" and attrs.get("rel") in {"alternate", "canonical"}:
                continue  # links for crawlers, not loaded by the page
            assert not remote.match(target), (path, tag, target)
    for path in fixture_site.rglob("*.css"):
        assert not re.search(r"(?:url\(|@import)\s*[\"']?(?:https?:)?//", path.read_text(encoding="utf-8")), (
            path
        )


def test_privacy_defaults(fixture_site):
    html = read_page(fixture_site, "")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert "Made with" not in html
    assert (fixture_site / "assets/fonts/source-sans-3-latin-400-normal.woff2").exists()


# Failure ---------------------------------------------------------------------------------------


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.site  # builds
def test_a_bad_record_stops_the_build_and_the_previous_site_survives(fixture_project):
    site = build_site(fixture_project, steps=[])  # the pages are the site to keep; no post-build step
    before = _tree_digest(site)
    record = fixture_project / "content/initiatives/hoofd.yml"
    record.write_text(
        record.read_text().replace("sectors: [engineering-built-environment]", "sectors: [tech]")
    )
    with pytest.raises(CatalogError) as caught:
        build_site(fixture_project)
    assert "content/initiatives/hoofd.yml:5:11: sectors[0]: 'tech' is geen bekende sector" in str(
        caught.value
    )
    assert _tree_digest(site) == before


def test_two_builds_of_the_same_sources_are_identical_byte_for_byte(fixture_site, fixture_port, tmp_path):
    """Built again in another folder, later: every file the same, the Pagefind bundle included; the
    dates come from the sources (here the newest last_verified, 2026-11-01), not from the clock."""
    from conftest import FIXTURES, copy_project

    again = build_site(
        copy_project(tmp_path / "again", FIXTURES / "content"), site_url=f"http://127.0.0.1:{fixture_port}/"
    )
    first = {path.relative_to(fixture_site): path for path in fixture_site.rglob("*") if path.is_file()}
    second = {path.relative_to(again): path for path in again.rglob("*") if path.is_file()}
    assert sorted(first) == sorted(second)
    assert any(name.parts[0] == "pagefind" and name.suffix == ".pf_filter" for name in first)
    different = [str(name) for name in first if first[name].read_bytes() != second[name].read_bytes()]
    assert different == []
    assert "<lastmod>2026-11-01</lastmod>" in (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    info = subprocess.run(
        ["pdfinfo", str(fixture_site / "focus/focusrapport.pdf")], capture_output=True, text=True
    )
    assert re.search(r"CreationDate:\s+\w+ Nov\s+1 00:00:00 2026", info.stdout), info.stdout


@pytest.mark.site  # builds
def test_a_failing_mkdocs_build_leaves_the_previous_site(fixture_project, fixture_site):
    from sitegen.outputs.build import BuildFailed

    # the previous site: a complete build (open data, search index and PDFs survive too)
    site = shutil.copytree(fixture_site, fixture_project / "site")
    before = _tree_digest(site)
    page = fixture_project / "docs/en/over.md"
    page.write_text(page.read_text() + "\n[broken](does-not-exist.md)\n")
    with pytest.raises(BuildFailed):
        build_site(fixture_project)
    assert _tree_digest(site) == before


def test_command_line_reports_every_error_and_exits_non_zero(fixture_project):
    record = fixture_project / "content/initiatives/hoofd.yml"
    record.write_text(
        record.read_text().replace("parties: [vmbo]", "parties: [vmbo, vmbo-x]\nparties: [mbo]")
    )
    other = fixture_project / "content/networks/alpha.yml"
    other.write_text(other.read_text().replace("status: active", "status: actief"))
    result = run_cli(fixture_project, "check")
    assert result.returncode == 1
    assert result.stderr.startswith("2 fouten in de records:\n")
    assert "niets gebouwd" not in result.stderr  # the check builds nothing, so it does not say so
    assert (
        "content/initiatives/hoofd.yml:7:1: het veld 'parties' staat er twee keer (eerst op regel 6)"
        in result.stderr
    )
    assert (
        "content/networks/alpha.yml:5:9: status: 'actief' is hier niet toegestaan; "
        "kies uit: active, merged, ended" in result.stderr
    )


# The real content ------------------------------------------------------------------------------


def test_real_content_builds_every_record_in_both_languages(real_site):
    catalog = load_catalog(ROOT)
    assert catalog.records("networks") and catalog.records("initiatives")
    for entry in catalog.all_entries():
        for language in LANGUAGES:
            page = real_site / language.page(record_path(entry.kind, entry.id)) / "index.html"
            assert page.exists(), page
            assert page.stat().st_size < 60_000, f"{page} is over the 60 KB budget"
