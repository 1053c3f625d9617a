"""Load every file in `content/`, validate it, resolve references, and count every error.

`load_catalog(root)` returns a `Catalog` or raises `CatalogError` listing all problems in all
files at once, each as `path:line:column: field: message`. Nothing else in the project reads
`content/` directly. Warnings (things that are allowed but worth a look, such as an initiative's
municipality in another labour-market region) travel on the catalog: `Catalog.warnings`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..site import CONTENT_DIR, RECORD_KINDS
from .fields import model_at
from .places import GeoDataError, Places, load_places, vocabulary_problems
from .schema import (
    ID_PATTERN,
    ID_RULE,
    Initiative,
    KeyFigureGroup,
    Network,
    Record,
    Vocabularies,
    is_valid_id,
)
from .strict_yaml import YamlProblem, load_file, positions

VOCABULARIES_FILE = "vocabularies.yml"
KEY_FIGURES_FILE = "key-figures.yml"

_FRIENDLY_PATTERNS = {
    ID_PATTERN: "use only lowercase letters, digits and single hyphens",
}


@dataclass(frozen=True, order=True)
class RecordError:
    """One problem in one file, at the position an editor should look."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: str = "error"  # or "warning": reported, but the build goes on

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        message = f"warning: {self.message}" if self.severity == "warning" else self.message
        return f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"

    def github_annotation(self) -> str:
        """GitHub Actions workflow command that shows the problem on the line in the pull request."""
        message = str(self.field + ": " if self.field else "") + self.message
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{self.severity} file={self.path},line={self.line},col={self.column}::{message}"


class CatalogError(Exception):
    """All the problems found in `content/`; the build stops on it."""

    def __init__(self, errors: list[RecordError]):
        self.errors = sorted(errors)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''} in the records; nothing was built or changed:"
        return "\n".join([head, *(str(error) for error in self.errors)])


@dataclass(frozen=True)
class Entry:
    """A validated record with where it came from."""

    kind: str
    id: str
    path: str
    record: Record


@dataclass
class Catalog:
    vocabularies: Vocabularies
    key_figures: list[KeyFigureGroup]
    """content/key-figures.yml: groups of figures, one source and year each, newest first."""
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    places: Places | None = None
    """The CBS municipalities with their regions (content/geo/)."""
    warnings: list[RecordError] = field(default_factory=list)

    # The lookups below are built once, on first use: templates call them for every page, and a
    # scan of all records per page made a build of 5,000 records quadratic.

    @functools.cached_property
    def networks(self) -> dict[str, Network]:
        return {id_: entry.record for id_, entry in self.entries.get("networks", {}).items()}  # type: ignore[misc]

    @functools.cached_property
    def initiatives(self) -> dict[str, Initiative]:
        return {id_: entry.record for id_, entry in self.entries.get("initiatives", {}).items()}  # type: ignore[misc]

    def all_entries(self) -> list[Entry]:
        return [entry for kind in RECORD_KINDS for entry in self.entries.get(kind, {}).values()]

    @functools.cached_property
    def _related(self) -> dict[str, dict[str, list[Entry]]]:
        related: dict[str, dict[str, list[Entry]]] = {"predecessors": {}, "initiatives": {}, "parts": {}}
        for entry in self.entries.get("networks", {}).values():
            if entry.record.merged_into:  # type: ignore[attr-defined]
                related["predecessors"].setdefault(entry.record.merged_into, []).append(entry)  # type: ignore[attr-defined]
        for entry in self.entries.get("initiatives", {}).values():
            for network_id in entry.record.networks:  # type: ignore[attr-defined]
                related["initiatives"].setdefault(network_id, []).append(entry)
            if entry.record.parent:  # type: ignore[attr-defined]
                related["parts"].setdefault(entry.record.parent, []).append(entry)  # type: ignore[attr-defined]
        return related

    def predecessors(self, network_id: str) -> list[Entry]:
        """Networks that merged into this one."""
        return self._related["predecessors"].get(network_id, [])

    def initiatives_of(self, network_id: str) -> list[Entry]:
        """Initiatives that name this network as related."""
        return self._related["initiatives"].get(network_id, [])

    def entries_of(self, kind: str, ids: list[str]) -> list[Entry]:
        """The entries of `kind` with these ids (references are checked when the catalog loads)."""
        return [self.entries[kind][record_id] for record_id in ids]

    def parts_of(self, initiative_id: str) -> list[Entry]:
        """Initiatives whose parent is this one."""
        return self._related["parts"].get(initiative_id, [])

    def label(self, vocabulary: str, code: str, lang: str) -> str:
        return getattr(self.vocabularies, vocabulary)[code].label(lang)


# Helpers ---------------------------------------------------------------------------------------


def field_name(loc: tuple) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        elif part == "[key]":
            continue
        else:
            name += f".{part}" if name else str(part)
    return name


def _message(error: dict, model: type[BaseModel]) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return "this field is required"
    if kind == "extra_forbidden":
        holder = model_at(model, error["loc"][:-1])
        allowed = ", ".join(holder.model_fields) if holder else ""
        return f"unknown field; allowed here: {allowed}" if allowed else "unknown field"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        hint = _FRIENDLY_PATTERNS.get(pattern, f"it must match {pattern}")
        return f"'{value}' is not allowed here; {hint}"
    message = error["msg"].removeprefix("Value error, ")
    if message[:1].islower() or message[:1] == "'":
        return message  # the project's own messages already name the value and what is allowed
    message = message[0].lower() + message[1:]
    if isinstance(value, (str, int, float, bool)):
        return f"'{value}': {message}"
    return message


def _at(pos: dict, loc: tuple, default: tuple[int, int] = (1, 1)) -> tuple[int, int]:
    """The position of the deepest part of `loc` that exists in the file."""
    for end in range(len(loc), -1, -1):
        prefix = tuple(part for part in loc[:end] if part != "[key]")
        if prefix in pos:
            return pos[prefix]
    return default


def _validate(
    model: Any, data: Any, context: dict, rel: str, node: Any, errors: list[RecordError]
) -> Any | None:
    try:
        if isinstance(model, TypeAdapter):
            return model.validate_python(data, context=context)
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        pos = positions(node)  # only needed, and only computed, when something is wrong
        holder = model if not isinstance(model, TypeAdapter) else KeyFigureGroup
        for error in exc.errors():
            loc = tuple(error["loc"])
            if error["type"] == "extra_forbidden":
                line, column = pos.get((*loc, "__key__"), _at(pos, loc))
            else:
                line, column = _at(pos, loc)
            errors.append(RecordError(rel, line, column, field_name(loc), _message(error, holder)))
        return None


def _read(path: Path, root: Path, errors: list[RecordError]) -> tuple[Any, Any] | None:
    rel = path.relative_to(root).as_posix()
    try:
        data, node = load_file(path)
    except YamlProblem as problem:
        errors.append(RecordError(rel, problem.line, problem.column, "", problem.message))
        return None
    return data, node


# Loading ---------------------------------------------------------------------------------------


def load_catalog(root: Path) -> Catalog:
    """Read and check everything in `root/content`; raise CatalogError with every problem found."""
    root = Path(root)
    content = root / CONTENT_DIR
    errors: list[RecordError] = []

    places = None
    try:
        places = load_places(content)
    except GeoDataError as problem:
        errors.append(RecordError(f"{CONTENT_DIR}/geo", 1, 1, "", str(problem)))

    vocabularies = None
    vocabularies_rel = f"{CONTENT_DIR}/{VOCABULARIES_FILE}"
    if not (root / vocabularies_rel).exists():
        errors.append(RecordError(vocabularies_rel, 1, 1, "", "the vocabularies file is missing"))
    elif (read := _read(root / vocabularies_rel, root, errors)) is not None:
        vocabularies = _validate(Vocabularies, read[0], {}, vocabularies_rel, read[1], errors)
        if vocabularies is not None and places is not None:
            vocabularies = _with_places(vocabularies, places, read, vocabularies_rel, errors)
    context = {"vocabularies": vocabularies, "places": places}

    key_figures: list[KeyFigureGroup] = []
    figures_path = content / KEY_FIGURES_FILE
    if figures_path.exists() and (read := _read(figures_path, root, errors)) is not None:
        adapter = TypeAdapter(list[KeyFigureGroup])
        rel = figures_path.relative_to(root).as_posix()
        key_figures = _validate(adapter, read[0] or [], context, rel, read[1], errors) or []
        errors.extend(_check_newest_first(key_figures, rel, read[1]))

    entries: dict[str, dict[str, Entry]] = {}
    present: dict[str, set[str]] = {kind: set() for kind in RECORD_KINDS}  # also invalid records
    for kind, record_kind in RECORD_KINDS.items():
        model = record_kind.model
        entries[kind] = {}
        folder = root / record_kind.folder
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            rel = path.relative_to(root).as_posix()
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix != ".yml":
                errors.append(RecordError(rel, 1, 1, "", "a record file name ends in .yml"))
                continue
            record_id = path.stem
            if not is_valid_id(record_id):
                errors.append(
                    RecordError(
                        rel,
                        1,
                        1,
                        "id",
                        f"the file name '{record_id}' is the record's id and address; {ID_RULE}",
                    )
                )
                continue
            present[kind].add(record_id)
            if (read := _read(path, root, errors)) is None:
                continue
            data, node = read
            if not isinstance(data, dict):
                errors.append(
                    RecordError(rel, 1, 1, "", "a record is a list of fields (key: value), one per line")
                )
                continue
            record = _validate(model, data, context, rel, node, errors)
            if record is not None:
                entries[kind][record_id] = Entry(kind, record_id, rel, record)
            # The node tree is dropped here: kept for 5,000 records, its millions of objects make
            # every garbage collection walk them all and loading several times slower.

    errors.extend(_check_references(root, entries, present))
    warnings: list[RecordError] = []
    if places is not None and vocabularies is not None:
        _check_regions(root, entries, vocabularies, places, errors, warnings)
    if errors:
        raise CatalogError(errors)
    assert vocabularies is not None
    return Catalog(vocabularies=vocabularies, key_figures=key_figures, entries=entries, places=places,
                   warnings=sorted(warnings))


def _with_places(
    vocabularies: Vocabularies, places: Places, read: tuple, rel: str, errors: list[RecordError]
) -> Vocabularies:
    """The vocabularies with the municipalities of the CBS table; place codes checked against it."""
    pos = positions(read[1])
    if isinstance(read[0], dict) and "municipalities" in read[0]:
        line, column = _at(pos, ("municipalities",))
        errors.append(RecordError(rel, line, column, "municipalities",
                                  "the municipalities come from content/geo/; remove this list"))
    for loc, message in vocabulary_problems(places, vocabularies):
        line, column = _at(pos, loc)
        errors.append(RecordError(rel, line, column, field_name(loc), message))
    return vocabularies.model_copy(update={"municipalities": places.vocabulary()})


def _check_regions(
    root: Path, entries: dict[str, dict[str, Entry]], vocabularies: Vocabularies, places: Places,
    errors: list[RecordError], warnings: list[RecordError],
) -> None:
    """An initiative's labour-market region holds at least one of its municipalities (an error);
    its municipalities in other regions are named (a warning: it may span two regions)."""
    regions = vocabularies.labour_market_regions
    for entry in entries.get("initiatives", {}).values():
        record: Initiative = entry.record  # type: ignore[assignment]
        if not record.municipalities:
            continue
        region = regions[record.labour_market_region]
        found = [places.by_name[name] for name in record.municipalities]
        if all(municipality.region != region.cbs_code for municipality in found):
            where = ", ".join(f"{m.name} in {places.region_names[m.region]}" for m in found)
            _report(root, entry, ("labour_market_region",), errors, (
                f"'{record.labour_market_region}' ({region.nl}) holds none of the municipalities ({where}); "
                "choose the region of at least one of them"
            ))
            continue
        for index, municipality in enumerate(found):
            if municipality.region != region.cbs_code:
                _report(root, entry, ("municipalities", index), warnings, (
                    f"'{municipality.name}' lies in labour-market region "
                    f"{places.region_names[municipality.region]}, "
                    f"not in {region.nl}; the map counts the initiative in both regions"
                ), severity="warning")


def _report(
    root: Path, entry: Entry, loc: tuple, into: list[RecordError], message: str, severity: str = "error"
) -> None:
    line, column = _at(positions(load_file(root / entry.path)[1]), loc)
    into.append(RecordError(entry.path, line, column, field_name(loc), message, severity))


def _year_key(year: str) -> tuple[int, int]:
    first, _, last = year.partition("-")
    return int(first), int(last or first)


def _check_newest_first(groups: list[KeyFigureGroup], rel: str, node: Any) -> list[RecordError]:
    """Key-figure groups with a year go newest first, so the page can say which figures are newer."""
    errors = []
    previous: str | None = None
    for index, group in enumerate(groups):
        if group.year is None:
            continue
        if previous is not None and _year_key(group.year) > _year_key(previous):
            line, column = _at(positions(node), (index, "year"))
            errors.append(RecordError(
                rel, line, column, f"[{index}].year",
                f"the groups go newest first: move this group ({group.year}) above the one of {previous}",
            ))
        previous = group.year
    return errors


def _check_references(
    root: Path, entries: dict[str, dict[str, Entry]], present: dict[str, set[str]]
) -> list[RecordError]:
    """References between valid records name records that exist; merges and parents make sense.

    A reference to a record whose file exists but is invalid is not reported again: that file's
    own errors are.
    """
    errors: list[RecordError] = []
    networks = entries.get("networks", {})
    initiatives = entries.get("initiatives", {})
    network_ids, initiative_ids = present["networks"], present["initiatives"]

    def error(entry: Entry, loc: tuple, message: str) -> None:
        # Positions come from reading the file again: rare, and cheaper than keeping every tree.
        line, column = _at(positions(load_file(root / entry.path)[1]), loc)
        errors.append(RecordError(entry.path, line, column, field_name(loc), message))

    def known(ids) -> str:
        return ", ".join(sorted(ids)) or "(none yet)"

    for entry in networks.values():
        record: Network = entry.record  # type: ignore[assignment]
        if record.status == "merged" and not record.merged_into:
            error(entry, ("status",), "status is merged, so merged_into must name the network it merged into")
        if record.merged_into:
            if record.status != "merged":
                error(entry, ("merged_into",), "merged_into is only allowed with status: merged")
            elif record.merged_into == entry.id:
                error(entry, ("merged_into",), "a network cannot merge into itself")
            elif record.merged_into not in network_ids:
                error(
                    entry,
                    ("merged_into",),
                    f"'{record.merged_into}' is not a known network; known: {known(network_ids)}",
                )

    for entry in initiatives.values():
        record: Initiative = entry.record  # type: ignore[no-redef]
        for index, network_id in enumerate(record.networks):
            if network_id not in network_ids:
                error(
                    entry,
                    ("networks", index),
                    f"'{network_id}' is not a known network; known: {known(network_ids)}",
                )
        if record.parent:
            if record.parent not in initiative_ids:
                error(
                    entry,
                    ("parent",),
                    f"'{record.parent}' is not a known initiative; known: {known(initiative_ids)}",
                )
            else:
                seen = {entry.id}
                current = record.parent
                while current and current in initiatives:
                    if current in seen:
                        error(entry, ("parent",), f"parents go round in a circle through '{current}'")
                        break
                    seen.add(current)
                    current = initiatives[current].record.parent  # type: ignore[attr-defined]
    return errors
