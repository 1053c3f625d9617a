"""What the theme's own templates (`overrides/*.html`, `overrides/partials/`) need of one build.

Material's templates read this as `vh`, one typed object per build (registered by the plugin in
`on_env`), instead of keys spread over `config.extra`: the language switch and the language roots
of the hreflang alternates, the header's search texts, the footer's links, the contact routes, the
404 page in every language, and in a preview with invalid records the list of their errors.

`wire_languages` also checks `extra.languages` (which Material's language switch reads) against the
site model, and gives each language's build its own public address.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records.i18n import Strings
from ..site import LANGUAGES, language
from . import news
from .editing import mail_url
from .settings import Contact, contact_of

FOOTER_LINKS = {
    "footer-contribute": "bijdragen/",
    "footer-privacy": "privacy/",
    "footer-accessibility": "toegankelijkheid/",
}


class LanguageSettingError(ValueError):
    """`extra.languages` or `theme.language` does not match the site model."""


@dataclass(frozen=True)
class Theme:
    strings: Strings
    language_switch: list[dict]
    """One entry per language: its name, code and the way to its root from this build's root."""
    language_roots: dict[str, str]
    """The public root address of each language (hreflang alternates of pages and sitemaps)."""
    site_root: str
    """The way from this build's root to the site root, where the Pagefind bundle lives."""
    footer_label: str
    footer_mail: str
    footer_links: list[dict]
    editors_mail_default: str | None
    """The editors' address with the site's name, for pages without a page of their own (404)."""
    not_found: list[dict]
    """The 404 page's text in every language, the build's own first."""
    contact: Contact
    """The routes to the editors that this build has (`pages/settings.py`)."""
    news_feed: str = news.FEED
    preview_errors: str = ""
    """In `mkdocs serve` with invalid records: the list of their errors, on every page and the 404."""


def check_languages(config) -> None:
    """`extra.languages` (Material's language switch reads it) says what the site model says."""
    expected = {lang.code: {"name": lang.name, "path": lang.path} for lang in LANGUAGES}
    found = config.extra.get("languages")
    if found != expected or list(found) != list(expected):
        raise LanguageSettingError(
            f"extra.languages must be {expected} (the site model, hooks/sitegen/site.py); it is {found}"
        )
    try:
        language(config.theme["language"])
    except ValueError as error:
        raise LanguageSettingError(f"theme.language: {error}") from None


def public_address(config) -> str:
    """This language's public root: `mkdocs.yml` holds the site's one address, and a language's build
    lives under its path (`mkdocs serve` serves at the address it was given, e.g. `make serve-en`'s
    .../en/). Sets `config.site_url` to it, which MkDocs uses for canonical links and the sitemap."""
    own = language(config.theme["language"])
    site_url = config.site_url or ""
    if site_url and own.path and not site_url.endswith("/" + own.path):
        site_url = config.site_url = site_url.rstrip("/") + "/" + own.path
    return site_url


def theme_of(config, preview_errors: str = "") -> Theme:
    """The theme's view of the build of `config` (after `public_address`).

    The language links are relative (`en/` from the Dutch root, `../` from the English one), so the
    site works under any sub-path. `overrides/partials/alternate.html` adds the page's own path, so the
    switch lands on the same page in the other language; `language_roots` (absolute) feed the
    hreflang alternates of every page's head (`overrides/main.html`) and of the sitemaps.
    """
    own = language(config.theme["language"])
    strings = Strings(own.code)
    site_url = config.site_url or ""
    base = site_url.removesuffix(own.path) if own.path else site_url
    up = own.up_to_site_root
    return Theme(
        strings=strings,
        language_switch=[
            {"name": lang.name, "lang": lang.code, "link": (up + lang.path) or "./", "path": up + lang.path}
            for lang in LANGUAGES
        ],
        language_roots={other.code: base + other.path for other in LANGUAGES},
        site_root=up,
        footer_label=strings.t("footer-label"),
        footer_mail=strings.t("mail-link"),
        footer_links=[{"path": path, "title": strings.t(key)} for key, path in FOOTER_LINKS.items()],
        editors_mail_default=mail_url(
            config.extra.get("editors_email"),
            strings.t("mail-subject", title=config.site_name),
            strings.t("mail-body", title=config.site_name, url=site_url),
        ),
        not_found=_not_found(own.code, up),
        contact=contact_of(config),
        preview_errors=preview_errors,
    )


def _not_found(lang: str, up: str) -> list[dict]:
    """The 404 page speaks every language, the page's own first (most hosts serve only the root one)."""
    return sorted(
        (
            {
                "lang": other.code,
                "title": Strings(other.code).t("not-found-title"),
                "text": Strings(other.code).t("not-found-text"),
                "home": Strings(other.code).t("home"),
                "link": up + other.path,
            }
            for other in LANGUAGES
        ),
        key=lambda item: item["lang"] != lang,
    )
