"""Markdown written in records: rendered without raw HTML, headings demoted, then sanitised.

Python-Markdown passes raw HTML and `javascript:` links through, so record Markdown is rendered
with the raw-HTML processors removed (tags come out as text), and the result goes through nh3
(Ammonia) with a small allow-list. Validation rejects what the sanitiser would silently strip
(links that are not https: or mailto:, images), so an editor learns about it instead of seeing
a link vanish.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .caches import per_build
from .messages import field_error

ALLOWED_SCHEMES = {"https", "mailto"}

_CLEANER = nh3.Cleaner(
    tags={"p", "br", "a", "ul", "ol", "li", "em", "strong", "code", "blockquote", "h3", "h4",
          "table", "thead", "tbody", "tr", "th", "td"},
    clean_content_tags={"script", "style"},
    attributes={"a": {"href", "title", "hreflang"}, "th": {"align"}, "td": {"align"}},
    url_schemes=ALLOWED_SCHEMES,
    url_relative="deny",
    link_rel="noopener noreferrer",
    strip_comments=True,
)


class _DemoteHeadings(Treeprocessor):
    """A record's text sits under the page's own headings: `#` becomes h3, deeper stays h4."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if re.fullmatch(r"h[1-6]", element.tag):
                element.tag = "h3" if element.tag in {"h1", "h2", "h3"} else "h4"


class _CollectTargets(Treeprocessor):
    """Note every link and image address, so validation sees what the reader would get."""

    def run(self, root: etree.Element) -> None:
        self.md.vh_targets = [  # type: ignore[attr-defined]
            (element.tag, element.get("href") or element.get("src") or "")
            for element in root.iter()
            if element.tag in {"a", "img"}
        ]


@dataclass(frozen=True)
class _Rendered:
    html: str
    targets: tuple[tuple[str, str], ...]


def _new_renderer() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists", "tables"])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 1)
    md.treeprocessors.register(_CollectTargets(md), "collect_targets", 0)
    return md


_RENDERER = _new_renderer()


@per_build(maxsize=8192)
def _render_unsanitised(source: str) -> _Rendered:
    _RENDERER.reset()
    html_text = _RENDERER.convert(source)
    return _Rendered(html_text, tuple(getattr(_RENDERER, "vh_targets", ())))


def render(source: str) -> Markup:
    """Record Markdown to safe HTML."""
    return Markup(_CLEANER.clean(_render_unsanitised(source).html))


def check_links(source: str) -> None:
    """Raise a field error for images and for links that are not https: or mailto:."""
    if "[" not in source and "<" not in source:
        return  # no link or image syntax at all (Markdown needs one of these): skip rendering
    targets = _render_unsanitised(source).targets
    if any(tag == "img" for tag, _ in targets):
        raise field_error("schema.image_in_text")
    for _, target in targets:
        target = html.unescape(target)
        scheme = target.split(":", 1)[0].strip().lower() if ":" in target else ""
        if scheme not in ALLOWED_SCHEMES or re.search(r"[\s\x00-\x1f]", target):
            raise field_error("schema.unsafe_link", target=target)
