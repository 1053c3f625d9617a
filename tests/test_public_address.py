"""The public address: set once in mkdocs.yml, used by `make build` everywhere an address is
written (canonical links, sitemaps and their hreflang alternates, JSON-LD, the correction link,
the PDFs); only `make serve` uses a local one. A site built without SITE_URL holds no loopback
address in any file."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import ROOT, pdf_text
from test_pdf import inflated

LOOPBACK = re.compile(r"127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0", re.I)
PUBLIC = re.search(
    r'^site_url: !ENV \[SITE_URL, "([^"]+)"\]', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M
).group(1)
TEXT_FILES = {".html", ".xml", ".json", ".csv", ".txt", ".js", ".css"}


def test_the_public_address_is_a_real_https_address():
    address = urlsplit(PUBLIC)
    assert address.scheme == "https" and "." in address.netloc and not LOOPBACK.search(PUBLIC)
    assert PUBLIC.endswith("/")


def test_no_built_file_holds_a_loopback_address(public_site):
    found = []
    for path in sorted(public_site.rglob("*")):
        if path.suffix in TEXT_FILES:
            text = path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".pdf":
            text = inflated(path).decode("latin-1") + pdf_text(path)
        else:
            continue
        found += [f"{path.relative_to(public_site)}: {match.group(0)}" for match in LOOPBACK.finditer(text)]
    assert found == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_address_the_build_writes_is_the_public_one(public_site, prefix):
    page = (public_site / prefix / "netwerken" / "alpha" / "index.html").read_text(encoding="utf-8")
    expected = PUBLIC + prefix + "netwerken/alpha/"
    assert re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1) == expected
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["url"] == expected
    correction = re.search(r'class="vh-correction-link" href="([^"]+)"', page).group(1)
    assert parse_qs(urlsplit(correction.replace("&amp;", "&")).query)["page"] == [expected]
    sitemap = (public_site / prefix / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(location.startswith(PUBLIC + prefix) for location in locations)
    alternates = re.findall(r'hreflang="(\w+)" href="([^"]+)"', sitemap)
    assert {unquote(href) for lang, href in alternates if lang == "en"} >= {PUBLIC + "en/netwerken/alpha/"}


@pytest.mark.parametrize(
    ("pdf", "lang"), [("focus/focusrapport.pdf", "nl"), ("en/focus/focus-report.pdf", "en")]
)
def test_the_pdf_cover_names_the_public_address(public_site, pdf, lang):
    expected = PUBLIC + ("en/" if lang == "en" else "")
    assert expected in pdf_text(public_site / pdf)
