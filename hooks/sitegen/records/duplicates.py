"""The same record twice: what two records of one kind may not share.

Editors start a new record from a copy of another, so a copy that kept the other's title, website
or dossier number is likely. The same title (in either language, ignoring case and spacing), the
same website (ignoring `www.`, case and a last `/`) or the same dossier number in two records is an
error; a record whose fields are mostly equal to another's is a warning (a near copy not yet
changed). Each finding is reported on the later file and names the earlier one with its line.

Comparing every pair would be quadratic in the number of records, so near copies are looked for
only among records that share their summary, description or sources with at most `_SHARED_BY`
others: a copy that was not changed enough still has those of its original.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ..site import LANGUAGE_CODES
from .kinds import KINDS
from .messages import Message, message

NEAR_COPY_SHARE = 0.8
"""A record with at least this share of its filled-in fields equal to another's is a near copy."""
NEAR_COPY_MIN_FIELDS = 6
_SHARED_BY = 20


@dataclass(frozen=True)
class Finding:
    """A record that shares something with an earlier one."""

    entry: Any  # catalog.Entry: the later record, where the finding is reported
    loc: tuple
    message: Message
    warning: bool = False


def _title_locs(entry) -> Iterator[tuple[tuple, str]]:
    kind = KINDS[entry.kind]
    title = kind.title(entry.record)
    if isinstance(title, str):
        yield (kind.title_field,), title
        return
    for lang in LANGUAGE_CODES:
        if getattr(title, lang, None):
            yield (kind.title_field, lang), getattr(title, lang)


def _website(url: str) -> str:
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    host = host.lower().removeprefix("www.")
    return f"{host}{slash}{path}".rstrip("/")


def _values(entry) -> Iterator[tuple[tuple, str, str]]:
    """(loc, kind of value, normalised value) of everything two records may not share."""
    for loc, title in _title_locs(entry):
        yield loc, "duplicate.title", " ".join(title.casefold().split())
    if entry.record.website:
        yield ("website",), "duplicate.website", _website(entry.record.website)
    for name in KINDS[entry.kind].duplicate_fields:
        for index, number in enumerate(getattr(entry.record, name)):
            yield (name, index), "duplicate.dossier", number.upper()


def find_duplicates(entries: dict[str, dict], where: Callable[[Any, tuple], str]) -> list[Finding]:
    """Shared titles, websites and dossier numbers (errors) and near copies (warnings).

    `where(entry, loc)` gives `path:line:column` of a field, for naming the other record.
    """
    findings: list[Finding] = []
    for kind_entries in entries.values():
        ordered = sorted(kind_entries.values(), key=lambda entry: entry.path)
        first: dict[tuple[str, str], tuple[Any, tuple]] = {}
        for entry in ordered:
            for loc, key, value in _values(entry):
                earlier = first.setdefault((key, value), (entry, loc))
                if earlier[0] is not entry:
                    original = _original(entry, loc, key)
                    findings.append(Finding(entry, loc, message(key, value=original, other=where(*earlier))))
        findings.extend(_near_copies(ordered, where, {f.entry.id for f in findings}))
    return findings


def _original(entry, loc: tuple, key: str) -> str:
    value: Any = entry.record
    for part in loc:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


def _fields(entry) -> dict[str, str]:
    """The record's filled-in top-level fields, each as comparable text."""
    data = entry.record.model_dump(mode="json", exclude_defaults=True)
    return {name: json.dumps(value, sort_keys=True, ensure_ascii=False) for name, value in data.items()}


def _signatures(entry) -> Iterator[tuple[str, Any]]:
    """What a copy that was not changed enough still shares with its original: its long texts or its
    sources. Only records sharing one of these are compared field by field."""
    record = entry.record
    for name in ("summary", "description"):  # a school's are optional
        if (text := getattr(record, name, None)) is not None:
            yield name, text.first
    if record.sources:
        yield "sources", tuple(source.url for source in record.sources)


def _near_copies(ordered: list, where: Callable[[Any, tuple], str], reported: set[str]) -> list[Finding]:
    position = {entry.id: index for index, entry in enumerate(ordered)}
    holders: dict[tuple[str, Any], list[str]] = defaultdict(list)
    for entry in ordered:
        for signature in _signatures(entry):
            holders[signature].append(entry.id)
    pairs: set[tuple[str, str]] = set()
    for ids in holders.values():
        if 1 < len(ids) <= _SHARED_BY:
            pairs.update(combinations(ids, 2))  # ids are in path order: (earlier, later)
    fields: dict[str, dict[str, str]] = {}
    findings = []
    flagged: set[str] = set()
    for earlier, later in sorted(pairs, key=lambda pair: (position[pair[1]], position[pair[0]])):
        if later in reported or later in flagged:
            continue
        a = fields.setdefault(earlier, _fields(ordered[position[earlier]]))
        b = fields.setdefault(later, _fields(ordered[position[later]]))
        names = set(a) | set(b)
        same = sum(1 for name in names if a.get(name) == b.get(name))
        if len(names) >= NEAR_COPY_MIN_FIELDS and same >= NEAR_COPY_SHARE * len(names):
            flagged.add(later)
            findings.append(
                Finding(
                    ordered[position[later]],
                    (),
                    message(
                        "duplicate.near_copy",
                        other=where(ordered[position[earlier]], ()),
                        same=same,
                        total=len(names),
                    ),
                    warning=True,
                )
            )
    return findings
