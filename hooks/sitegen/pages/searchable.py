"""What of a page the readers' search index may hold (Pagefind indexes it after the build, see
`sitegen.outputs.search_index`).

`searchable` wraps a page's own content in `data-pagefind-body`, so navigation, header, footer and
pages without content of their own (the 404 page) stay out, and shapes the text so that snippets
read well; `kept_out_of_search` says which pages stay out altogether, and `search_weight` how much a
hand-written page's words count: the statements (privacy, accessibility) and the pages about the site
say `search: {boost: 0.2}` in their front matter, the key Material's own search (`make serve`) reads,
so that a reader's query finds the records and the offer before them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_BLOCKS = r"(?:dt|dd|dl|li|ul|ol|p|h[1-6]|th|td|tr|div|section|figcaption|figure)"
_BLOCK_END = re.compile(rf"(</{_BLOCKS}>)(?=<(?!/))")
_SPACE_BEFORE_BLOCK_END = re.compile(rf"\s+(?=</{_BLOCKS}>)")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


def searchable(html: str, weight: float | None = None) -> str:
    """The page's content, marked as the part of the page the search index holds; `weight` scales
    its words against other pages' (Pagefind's `data-pagefind-weight`, 1 when not given)."""
    # Pagefind ends a block (a fact's <div>, a <p>, an <li>) with a full stop when its text ends
    # in a letter or digit, so a snippet reads "Drenthe. https://…" and never runs one value into
    # the next; a space before the end tag hides that letter from it, so the spaces go (they show
    # nothing: a line's trailing space is dropped). A line break after a block end that an element
    # follows keeps "Scholen</dt><dd>ongeveer" apart. Preformatted text keeps its spaces.
    parts = _PRE.split(html)
    for index in range(0, len(parts), 2):
        parts[index] = _BLOCK_END.sub(r"\1\n", _SPACE_BEFORE_BLOCK_END.sub("", parts[index]))
    weighted = f' data-pagefind-weight="{weight:g}"' if weight is not None else ""
    return f"<div data-pagefind-body{weighted}>{''.join(parts)}</div>"


def kept_out_of_search(meta: Mapping[str, Any]) -> bool:
    """Pages for editors (the fields, contributing) stay out of the readers' search index: their front
    matter says `search: {exclude: true}`, as Material's own search (`make serve`) reads it too."""
    setting = meta.get("search")
    return isinstance(setting, dict) and setting.get("exclude") is True


def search_weight(meta: Mapping[str, Any]) -> float | None:
    """The front matter's `search: {boost: N}` (0 < N <= 10, as Pagefind's weights go), or None."""
    setting = meta.get("search")
    boost = setting.get("boost") if isinstance(setting, dict) else None
    if boost is None:
        return None
    if isinstance(boost, bool) or not isinstance(boost, (int, float)) or not 0 < boost <= 10:
        raise ValueError(f"search.boost must be a number above 0 and at most 10, not {boost!r}")
    return float(boost)
