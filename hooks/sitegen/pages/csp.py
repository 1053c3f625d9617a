"""The Content-Security-Policy of the built site: one `<meta>` per page, with the hashes of its
own inline scripts.

Records come from pull requests and are escaped or sanitised when rendered; the policy is the
second line of defence. A script that got into a page anyway does not run, because it is
neither a file of this site nor one of the inline scripts the page was built with (Material
writes a few, and the first depends on how deep the page is, so the hashes are taken per page).
Nothing loads from another host either: fonts, styles, scripts, images and search requests all
stay on the site's own origin.

Pagefind compiles its WebAssembly search engine, hence `'wasm-unsafe-eval'` (which allows
WebAssembly, not JavaScript `eval`). A `<meta>` policy cannot set `frame-ancestors` or
reporting; a host that can send headers should send `POLICY` with `frame-ancestors 'none'`.
`make serve` adds a live-reload script of its own, so the plugin leaves the preview without one.
"""

from __future__ import annotations

import base64
import hashlib
import re

POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
}
"""The directives every page gets; `script-src` gains the hashes of the page's inline scripts."""

# A regular expression, not an HTML parser: it runs over every page of the build (10,000 at the
# benchmark's size), and the pages are the output of our own templates and Material's, in which
# record text is always escaped, so `<script` only ever starts a script element.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""(?<![\w-])type\s*=\s*["']?([^"'\s>]+)""", re.I)  # not data-type=
_SRC = re.compile(r"(?<![\w-])src\s*=", re.I)
_JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for the page's inline scripts that run (not JSON or JSON-LD data)."""
    hashes = []
    for attributes, body in _SCRIPT.findall(html):
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).lower() not in _JAVASCRIPT_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy_for(html: str) -> str:
    directives = dict(POLICY, **{"script-src": POLICY["script-src"] + inline_script_hashes(html)})
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str) -> str:
    """The page with its policy as the first thing after the character set, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html  # not a page (no <head>): nothing runs in it
    return html[: anchor.end()] + "\n    " + meta + html[anchor.end():]
