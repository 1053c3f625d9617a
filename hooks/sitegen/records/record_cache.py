"""What validating a record file gave, kept while the file stays the same: for `make serve`.

The preview rebuilds the site after every save; validating every record again each time made an
edit at 1,000 records take seconds. A `RecordCache` keeps, per record file, the digest of its
bytes and the result (the validated record, or the errors found in it). `load_catalog` asks it
before reading a file and gives it what it found; a file whose bytes changed is read again (a
file whose size and modification time are those the digest was made for is not read at all). The
result depends on the vocabularies and the places (`content/geo/`: the municipalities' table and
their other names) too, so a change to any of those files empties the cache.

It is an explicit object, made by whoever runs the builds it lives across (the site's plugin makes
one per `mkdocs serve`, see `pages/preview.py`); a build without one validates everything.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


@dataclass
class RecordCache:
    context: tuple[tuple[str, str | None], ...] = ()
    """The files the cached results were validated against (vocabularies, geodata), with digests."""
    results: dict[str, tuple[str, Any, list]] = field(default_factory=dict)
    """By the file's path (relative to the project): (digest, record or None, its errors)."""
    digests: dict[str, tuple[tuple[int, int], str]] = field(default_factory=dict)
    """By the file's path: ((size, modification time in ns), the digest of the bytes seen then)."""

    def use_context(self, paths: list[Path]) -> None:
        """Empty the cache when the files every record is checked against (the vocabularies, the
        geodata) differ from those the cached results were checked with."""
        current = tuple((path.as_posix(), digest(path) if path.is_file() else None) for path in paths)
        if current != self.context:
            self.results.clear()
            self.context = current

    def get(self, rel: str, path: Path) -> tuple[str, tuple[Any, list] | None]:
        """(the file's digest, (record or None, errors) when known for these bytes, else None)."""
        stat = os.stat(path)
        seen = self.digests.get(rel)
        if seen is not None and seen[0] == (stat.st_size, stat.st_mtime_ns):
            current = seen[1]
        else:
            current = digest(path)
            self.digests[rel] = ((stat.st_size, stat.st_mtime_ns), current)
        known = self.results.get(rel)
        if known is not None and known[0] == current:
            return current, (known[1], known[2])
        return current, None

    def put(self, rel: str, file_digest: str, record: Any, errors: list) -> None:
        self.results[rel] = (file_digest, record, list(errors))

    def forget_missing(self, present: set[str]) -> None:
        for rel in set(self.results) - present:
            del self.results[rel]
        for rel in set(self.digests) - present:
            del self.digests[rel]
