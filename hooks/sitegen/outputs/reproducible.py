"""Two builds of the same commit give the same `site/`, byte for byte.

Two things would differ between builds, and are fixed here:

- **The build date.** MkDocs stamps it into the sitemaps (`lastmod`) and the gzip header of
  `sitemap.xml.gz`, and the focus report prints it and writes it into the PDF's metadata. All of
  them read `SOURCE_DATE_EPOCH` (the reproducible-builds.org convention, which MkDocs supports).
  `source_date_epoch` sets it, unless it is set already, to the time of the commit being built,
  or, outside a git checkout, to the newest `last_verified` of the records.
- **Pagefind's filter files.** Pagefind 1.5 writes the values of each filter in hash-map order,
  which changes from run to run, and with them the file names, the per-language metadata file
  that lists them and `pagefind-entry.json` (Pagefind issue #638 fixed this for the fragments
  only). `normalise_pagefind` rewrites those files with the values, filters and languages in
  sorted order and names them by their content. The other Pagefind files are stable already.

The filter and metadata files are gzip-compressed CBOR after a `pagefind_dcd` signature. Only
definite-length integers, texts, arrays and maps occur, so a 40-line codec here reads and writes
them, rather than a new dependency for three kinds of small files.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import struct
import subprocess
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


def source_date_epoch(root: Path, newest_content_date: dt.date | None) -> str:
    """The build's date as seconds since 1970: the environment's, the commit's, or the content's."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        commit = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, timeout=30
        )
        if commit.returncode == 0 and commit.stdout.strip().isdigit():
            return commit.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    day = newest_content_date or dt.date(1970, 1, 1)
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))


# A small CBOR codec (RFC 8949): unsigned and negative integers, byte and text strings, arrays, maps.


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        value = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        value = int.from_bytes(data[at : at + size], "big")
        at += size
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major in (2, 3):
        raw = data[at : at + value]
        return (raw if major == 2 else raw.decode("utf-8")), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = {}
        for _ in range(value):
            key, at = _decode(data, at)
            pairs[key], at = _decode(data, at)
        return pairs, at
    raise ValueError(f"unexpected CBOR major type {major} in a Pagefind file")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size, code in ((24, 1, ">B"), (25, 2, ">H"), (26, 4, ">I"), (27, 8, ">Q")):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + struct.pack(code, value)
    raise ValueError("integer too large for CBOR")


def _encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise ValueError("unexpected value in a Pagefind file")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value.items())
    raise ValueError(f"unexpected {type(value).__name__} in a Pagefind file")


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} is not a Pagefind data file")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise ValueError(f"{path.name}: unexpected data after the CBOR value")
    return value


def _write(folder: Path, prefix: str, length: int, suffix: str, value: Any) -> str:
    """Write the value under a name made of its content; return the name without the suffix."""
    raw = SIGNATURE + _encode(value)
    name = f"{prefix}_{hashlib.sha256(raw).hexdigest()[:length]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def normalise_pagefind(bundle: Path) -> None:
    """Rewrite Pagefind's filter files, metadata files and entry file in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = meta[3]  # [version, pages, index chunks, filters, sorts, meta fields]
        renamed = []
        for name, old_hash in filters:
            old = bundle / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read(old)
            old.unlink()
            stable = [filter_name, sorted(values, key=lambda item: item[0])]
            renamed.append([name, _write(bundle / "filter", lang, 7, ".pf_filter", stable)])
        meta[3] = sorted(renamed)
        meta_path.unlink()
        info["hash"] = _write(bundle, f"pagefind.{lang}", 10, ".pf_meta", meta).removeprefix("pagefind.")
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
