"""A way to the editors without GitHub: e-mail from the correction block of every record page, the
footer of every page and the accessibility statement, to the one address in mkdocs.yml, with the
page's title and address prefilled and every part percent-encoded; and a record's contact at the
top of its page (a person only with publish: true)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import BUILD_SETTINGS
from sitegen import site
from sitegen.pages.editing import mail_url

ADDRESS = BUILD_SETTINGS["EDITORS_EMAIL"]
LANGUAGES = {language.code: language.path for language in site.LANGUAGES}


def mail_links(html: str, css_class: str | None = None) -> list[str]:
    pattern = r'<a (?:class="([^"]*)" )?href="(mailto:[^"]+)"(?: class="([^"]*)")?'
    return [
        unescape(match.group(2))
        for match in re.finditer(pattern, html)
        if css_class is None or css_class in (match.group(1) or "") + (match.group(3) or "")
    ]


def heading_text(html: str) -> str:
    """The page's h1 as text, without the "(in Dutch)" note of an untranslated title."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    return unescape(re.sub(r'<span class="vh-untranslated">.*?</span>|<[^>]+>', "", heading)).strip()


def mail_parts(link: str) -> tuple[str, dict[str, str]]:
    address = urlsplit(link)
    assert not re.search(r"[\s<>\"']", link), link  # everything percent-encoded
    query = parse_qs(address.query, strict_parsing=True)
    assert set(query) == {"subject", "body"} and all(len(value) == 1 for value in query.values())
    return unquote(address.path), {key: value[0] for key, value in query.items()}


def test_a_hostile_title_cannot_add_recipients_or_headers():
    link = mail_url("redactie@example.nl", "Over & ?cc=x@evil.nl <b>", "Adres: https://x.nl/a?b=1&c=2\n")
    address, parts = mail_parts(link)
    assert address == "redactie@example.nl"
    assert parts == {"subject": "Over & ?cc=x@evil.nl <b>", "body": "Adres: https://x.nl/a?b=1&c=2\n"}
    assert mail_url(None, "x", "y") is None


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("record", ["netwerken/alpha/", "initiatieven/hoofd/", "initiatieven/hostile/"])
def test_every_record_s_correction_block_offers_e_mail_with_the_page_prefilled(
    fixture_site, fixture_url, lang, record
):
    path = LANGUAGES[lang] + record
    html = (fixture_site / path / "index.html").read_text(encoding="utf-8")
    block = html[html.index('class="vh-correction"') :]
    [link] = mail_links(block, "vh-mail-link")
    address, parts = mail_parts(link)
    assert address == ADDRESS
    title = heading_text(html)
    assert title in parts["subject"] and parts["subject"].startswith(
        {"nl": "Correctie", "en": "Correction"}[lang]
    )
    assert fixture_url + path in parts["body"]


def test_every_page_s_footer_offers_e_mail_about_that_page(fixture_site, fixture_url):
    pages = sorted(fixture_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('class="md-copyright"') :]
        [link] = mail_links(footer, "vh-editors-mail")
        address, parts = mail_parts(link)
        assert address == ADDRESS, page
        relative = page.relative_to(fixture_site).as_posix()
        if relative.endswith("index.html"):
            assert fixture_url + relative.removesuffix("index.html") in parts["body"], relative
            title = unescape(re.search(r"<title>(.*?)</title>", html).group(1)).split(" - ")[0]
            if relative in ("index.html", "en/index.html"):
                title = heading_text(html)  # the home page's <title> is the site's name alone
            assert title in parts["subject"], (relative, parts)


@pytest.mark.parametrize(("lang", "words"), [("nl", "e-mail"), ("en", "e-mail")])
def test_the_accessibility_statement_names_the_e_mail_route(fixture_site, lang, words):
    html = (fixture_site / LANGUAGES[lang] / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    content = html[html.index('id="report"') : html.index('class="md-copyright"')]
    assert words in content.lower()
    [link] = [link for link in mail_links(content) if mail_parts(link)[0] == ADDRESS]
    assert mail_parts(link)[1]["subject"].startswith({"nl": "Over de pagina", "en": "About the page"}[lang])
    assert f">{ADDRESS}</a>" in content  # the address itself is shown


def test_a_record_s_contact_is_at_the_top_and_a_person_only_with_consent(fixture_site):
    def top(path: str) -> str:
        html = (fixture_site / path / "index.html").read_text(encoding="utf-8")
        return html[html.index("<h1") : html.index('id="facts"')]

    published = top("initiatieven/hoofd")
    assert "vh-contact-line" in published
    assert (
        "Regio Drenthe" in published
        and "Jan Open" in published
        and 'href="mailto:info@example.org"' in published
    )
    private = top("netwerken/alpha")
    assert "Netwerk Alpha" in private
    assert "Piet Geheim" not in private and "piet.geheim" not in private
