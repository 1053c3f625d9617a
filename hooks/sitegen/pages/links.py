"""Links whose text already shows their address, for print.

Printed, an external link shows its address after its text (`print.css`, the PDF's `report.css`);
a link whose text is that address gets the class `vh-shows-url` instead, so the address is printed
once. `shows_address` is the one rule (the focus report's rewriter uses it too); `mark_shown_addresses`
applies it to the content of a page. A `mailto:` link carries its plain address in
`data-vh-address`, which print shows instead of the prefilled subject and body of its `href`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

SHOWS_URL = "vh-shows-url"
MAIL_ADDRESS = "data-vh-address"
_SCHEME_AND_WWW = re.compile(r"^(https?://)?(www\.)?")
# A link as the templates and Markdown write it: its attributes, and text without other elements.
_LINK = re.compile(r"<a\b([^>]*)>([^<]*)</a>")
_HREF = re.compile(r'\shref="([^"]*)"')
_CLASS = re.compile(r'\sclass="([^"]*)"')


def mail_address(href: str) -> str | None:
    """The plain address of a `mailto:` link (without subject or body), or None for another link."""
    if not href.startswith("mailto:"):
        return None
    return unquote(href.removeprefix("mailto:").partition("?")[0])


def shows_address(text: str, href: str) -> bool:
    """Whether a link's (unescaped) text is its http(s) address, with or without the scheme, `www.`
    or the final slash, or the plain address of its `mailto:`."""
    address = mail_address(href)
    if address is not None:
        return bool(address) and text.strip() == address
    shown = _SCHEME_AND_WWW.sub("", text.strip()).rstrip("/")
    address = _SCHEME_AND_WWW.sub("", href.strip()).rstrip("/")
    return bool(shown) and href.startswith(("http://", "https://")) and shown == address


def _mark(match: re.Match) -> str:
    attributes, text = match.group(1), match.group(2)
    href = _HREF.search(attributes)
    if not href:
        return match.group(0)
    target = html.unescape(href.group(1))
    if not shows_address(html.unescape(text), target):
        address = mail_address(target)
        if address and MAIL_ADDRESS not in attributes:
            return f'<a{attributes} {MAIL_ADDRESS}="{html.escape(address)}">{text}</a>'
        return match.group(0)
    classes = _CLASS.search(attributes)
    if classes is None:
        attributes += f' class="{SHOWS_URL}"'
    elif SHOWS_URL not in classes.group(1).split():
        attributes = _CLASS.sub(f' class="{classes.group(1)} {SHOWS_URL}"', attributes, count=1)
    return f"<a{attributes}>{text}</a>"


def mark_shown_addresses(content: str) -> str:
    """The page's HTML with every link whose text shows its address marked `vh-shows-url`, and every
    other `mailto:` link given its plain address."""
    return _LINK.sub(_mark, content)
