"""The focus report's PDFs, as a reader's tools see them: pdfinfo, pdffonts, pdftotext, pdfdetach.

The real content's PDFs come from the session's complete build; the hostile case reads the public
site's (conftest.py, `public_site`), whose records include a network whose every text is markup,
script or a local file's address.
"""

from __future__ import annotations

import re
import subprocess
import zlib
from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import ROOT, pdf_text
from sitegen.outputs.pdf import allows, site_fetcher
from sitegen.pages.focus_report import build_report
from sitegen.pages.formats import format_size
from sitegen.records.catalog import load_catalog
from sitegen.site import LANGUAGE_CODES, LANGUAGES, language

PDFS = {"nl": "focus/focusrapport.pdf", "en": "en/focus/focus-report.pdf"}
TITLES = {"nl": "Focusrapport: Regionale VO-HO netwerken", "en": "Focus report: Regional VO-HO networks"}

def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def info(pdf: Path) -> dict[str, str]:
    return dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in run("pdfinfo", str(pdf)).splitlines())
    )


def inflated(pdf: Path) -> bytes:
    """Every stream of the PDF decompressed, beside the raw bytes: object streams hide the catalog."""
    data = pdf.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return b"\n".join(parts)


def embedded_files(pdf: Path) -> str:
    return run("pdfdetach", "-list", str(pdf))


# The real content ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_pdf_has_title_is_tagged_and_has_a_sensible_number_of_pages(real_site, lang):
    details = info(real_site / PDFS[lang])
    assert details["Title"] == TITLES[lang]
    assert details["Tagged"] == "yes"
    assert 8 <= int(details["Pages"]) <= 60
    assert details["Page size"].endswith("(A4)")


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_pdf_names_the_site_as_its_author_not_the_networks(real_site, real_url, lang):
    details = info(real_site / PDFS[lang])
    address = f"{real_url}{language(lang).path}"
    assert details["Author"] == f"Website Regionale VO-HO netwerken ({address})"
    cover = pdf_text(real_site / PDFS[lang]).split("Inhoud" if lang == "nl" else "Contents", 1)[0]
    compiled = {"nl": "Samengesteld door de website", "en": "Compiled by the website"}[lang]
    assert f"{compiled} Regionale VO-HO netwerken" in cover


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_pdf_sets_its_language(real_site, lang):
    assert f"/Lang ({lang})".encode() in inflated(real_site / PDFS[lang])


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_font_is_embedded_and_the_text_font_is_the_sites_own(real_site, lang):
    rows = run("pdffonts", str(real_site / PDFS[lang])).splitlines()[2:]
    assert rows
    for row in rows:
        # name type encoding emb sub uni object-id generation: emb is the fourth column from the end
        assert row.split()[-5] == "yes", row
    assert any("Source-Sans-3" in row for row in rows)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_pdf_names_every_network_and_every_chapter_in_its_language(real_site, lang):
    text = pdf_text(real_site / PDFS[lang])
    catalog = load_catalog(ROOT)
    for network in catalog.records("networks").values():
        assert network.name in text
    chapters = {
        lang.code: [
            c.title for c in build_report(load_config(str(ROOT / lang.config_file)), catalog, "").chapters
        ]
        for lang in LANGUAGES
    }
    other = "en" if lang == "nl" else "nl"
    for title in chapters[lang]:
        assert " ".join(title.split()) in text
    for title in set(chapters[other]) - set(chapters[lang]):
        assert title not in text, f"{title!r} from the {other} report is in the {lang} PDF"
    assert ("Pagina 2 van" if lang == "nl" else "Page 2 of") in text


@pytest.mark.parametrize(("lang", "page"), [("nl", "focus/index.html"), ("en", "en/focus/index.html")])
def test_focus_section_links_to_the_pdf_with_its_size(real_site, lang, page):
    html = (real_site / page).read_text(encoding="utf-8")
    pdf_name = PDFS[lang].rsplit("/", 1)[1]
    assert f'focus/{pdf_name}" type="application/pdf"' in html
    size = format_size((real_site / PDFS[lang]).stat().st_size, lang)
    assert f'<span class="vh-pdf-size">(PDF, {size})</span>' in html
    assert "data-vh-pdf-size" not in html


def test_pdf_links_point_at_the_site_or_at_https_only(real_site):
    targets = re.findall(rb"/URI \((.*?)\)", inflated(real_site / PDFS["nl"]))
    assert targets
    for target in targets:
        assert target.startswith((b"https://", b"http://127.0.0.1", b"mailto:")), target


# Hostile records and the restricted fetcher ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_hostile_record_text_is_printed_as_text_and_embeds_no_local_file(public_site, lang):
    pdf = public_site / PDFS[lang]
    text = pdf_text(pdf)
    assert "Vijandig <script>alert('naam')</script> netwerk" in text
    assert "<script>alert('uni')</script>" in text
    assert "0 embedded files" in embedded_files(pdf)
    content = inflated(pdf)
    assert b"root:x:0:0" not in content
    assert b"/EmbeddedFile" not in content
    assert b"/URI (file:" not in content


def test_fetcher_allows_only_files_inside_the_site(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "report.css").write_text("p {}")
    (tmp_path / "secret.txt").write_text("secret")
    assert allows(site, (site / "assets" / "report.css").as_uri())
    assert not allows(site, "file:///etc/passwd")
    assert not allows(site, Path(f"{site}/assets/../../secret.txt").as_uri())
    assert not allows(site, (tmp_path / "secret.txt").as_uri())
    assert not allows(site, "https://example.org/report.css")
    assert not allows(site, "file://evil.example/share/x.css")
    assert not allows(site, (site / "assets" / "missing.css").as_uri())


def test_weasyprint_with_the_site_fetcher_attaches_and_loads_nothing_from_outside(tmp_path):
    import weasyprint

    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "secret.txt").write_text("root:x:0:0:secret")
    html = f"""<html lang="nl"><head><title>t</title>
    <link rel="attachment" href="{(tmp_path / "secret.txt").as_uri()}">
    <link rel="stylesheet" href="https://example.org/x.css"></head>
    <body><a rel="attachment" href="file:///etc/passwd">passwd</a>
    <a rel="attachment" href="{(tmp_path / "secret.txt").as_uri()}">secret</a>
    <img src="{(tmp_path / "secret.txt").as_uri()}"></body></html>"""
    target = tmp_path / "out.pdf"
    weasyprint.HTML(string=html, base_url=site.as_uri() + "/", url_fetcher=site_fetcher(site)).write_pdf(
        target
    )
    assert "0 embedded files" in embedded_files(target)
    assert b"root:x:0:0" not in inflated(target)
