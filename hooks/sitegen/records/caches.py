"""Caches that live for one build: the site's texts, the walked fields and rendered Markdown.

Each is a plain `functools.lru_cache`, registered here by `per_build`; `clear()` empties them all.
The state of every MkDocs build is made with `clear()` (`pages/build_state.py`), so an edit of
`strings.yml` or `field_descriptions.nl.yml` shows in the next `mkdocs serve` rebuild, and nothing
one build cached is seen by the next.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

_CACHES: list[Any] = []


def per_build(function: Callable | None = None, *, maxsize: int | None = None):
    """`functools.lru_cache` (unbounded unless `maxsize`), emptied at the start of every build."""

    def register(inner: Callable):
        cached = functools.lru_cache(maxsize=maxsize)(inner)
        _CACHES.append(cached)
        return cached

    return register(function) if function is not None else register


def clear() -> None:
    for cached in _CACHES:
        cached.cache_clear()
