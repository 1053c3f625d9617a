"""Load every file in `content/`, validate it, resolve references, and count every error.

`load_catalog(root)` returns a `Catalog` or raises `CatalogError` listing all problems in all
files at once, each as `path:line:column: field: message` in the editors' words (`messages.py`).
Two records sharing a title, website or dossier number are an error too (`duplicates.py`). Nothing
else in the project reads `content/` directly. Warnings (things that are allowed but worth a look,
such as an initiative's municipality in another labour-market region, or a near copy of another
record) travel on the catalog: `Catalog.warnings`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..site import CONTENT_DIR
from .caches import per_build
from .duo import DUO_DIR, TABLE_FILE, DuoDataError, Location, load_duo
from .duplicates import find_duplicates
from .fields import model_at
from .i18n import vocabulary_label
from .kinds import KINDS, RecordKind, unknown_message
from .messages import Message, message, table
from .places import GEO_DIR, GeoDataError, Places, load_places, vocabulary_problems
from .record_cache import RecordCache
from .schema import (
    ID_MAX_LENGTH,
    PATTERN_MESSAGES,
    KeyFigureGroup,
    ProgrammeRegions,
    Record,
    Vocabularies,
    is_valid_id,
)
from .strict_yaml import YamlProblem, load_file, positions
from .workflow_commands import annotation

VOCABULARIES_FILE = "vocabularies.yml"
KEY_FIGURES_FILE = "key-figures.yml"
PROGRAMME_REGIONS_FILE = "programme-regions.yml"


@dataclass(frozen=True)
class RecordError:
    """One problem in one file, at the position an editor should look, in the editor's words."""

    path: str
    line: int
    column: int
    field: str
    message: Message
    severity: str = "error"  # or "warning": reported, but the build goes on

    def text(self, lang: str | None = None) -> str:
        """`path:line:column: field: message` in the messages' language (see `messages.language`)."""
        where = f"{self.path}:{self.line}:{self.column}"
        said = self._said(lang)
        return f"{where}: {self.field}: {said}" if self.field else f"{where}: {said}"

    def _said(self, lang: str | None) -> str:
        said = self.message.text(lang)
        return message("check.warning", text=said).text(lang) if self.severity == "warning" else said

    def __str__(self) -> str:
        return self.text()

    def github_annotation(self, lang: str | None = None) -> str:
        """GitHub Actions workflow command that shows the problem on the line in the pull request."""
        said = (self.field + ": " if self.field else "") + self.message.text(lang)
        return annotation(self.severity, said, str(self.path), self.line, self.column)


def in_order(errors: list[RecordError]) -> list[RecordError]:
    """By file, line and column: the order an editor works through them."""
    return sorted(
        errors, key=lambda error: (error.path, error.line, error.column, error.field, error.message.key)
    )


class CatalogError(Exception):
    """All the problems found in `content/`; the build stops on it."""

    def __init__(self, errors: list[RecordError]):
        self.errors = in_order(errors)
        super().__init__(self.report())

    def report(self, lang: str | None = None, head: str = "build.problems") -> str:
        """The heading (`build.problems`, or `check.problems` for the check) and every error."""
        lines = [message(head, count=len(self.errors)).text(lang)]
        return "\n".join([*lines, *(error.text(lang) for error in self.errors)])

    def __str__(self) -> str:
        return self.report()


@dataclass(frozen=True)
class Entry:
    """A validated record with where it came from."""

    kind: str
    id: str
    path: str
    record: Record

    def title_in(self, lang: str) -> str:
        """The record's title (or proper name) as plain text in `lang`."""
        return KINDS[self.kind].title_in(self.record, lang)


@dataclass
class Catalog:
    vocabularies: Vocabularies
    key_figures: list[KeyFigureGroup]
    """content/key-figures.yml: groups of figures, one source and year each, newest first."""
    entries: dict[str, dict[str, Entry]] = field(default_factory=dict)
    places: Places | None = None
    """The CBS municipalities with their regions (content/geo/)."""
    duo: dict[str, Location] = field(default_factory=dict)
    """DUO's school locations the records name, by code (content/duo/)."""
    programme_regions: ProgrammeRegions | None = None
    """content/programme-regions.yml: a programme's regions and which the site describes."""
    warnings: list[RecordError] = field(default_factory=list)
    """What is allowed but worth a look (see the module's docstring); `make check` shows it."""

    # The lookups below are built once, on first use: templates call them for every page, and a
    # scan of all records per page made a build of 5,000 records quadratic.

    def records(self, kind: str) -> dict[str, Record]:
        """The records of one kind by id."""
        return self._records[kind]

    @functools.cached_property
    def _records(self) -> dict[str, dict[str, Record]]:
        return {
            kind: {id_: entry.record for id_, entry in self.entries.get(kind, {}).items()} for kind in KINDS
        }

    def all_entries(self) -> list[Entry]:
        return [entry for kind in KINDS for entry in self.entries.get(kind, {}).values()]

    @functools.cached_property
    def _linking(self) -> dict[tuple[str, str, str], list[Entry]]:
        """(kind, id, what the target calls them) -> the entries that link to that record."""
        found: dict[tuple[str, str, str], list[Entry]] = {}
        for entry in self.all_entries():
            for link in KINDS[entry.kind].links:
                for target in link.ids(entry.record):
                    found.setdefault((link.to, target, link.back), []).append(entry)
        return found

    def linking(self, entry: Entry, back: str) -> list[Entry]:
        """The records that link to `entry` through links called `back` on its side (a network's
        `initiatives`, an initiative's `parts`), in the order of the catalog."""
        return self._linking.get((entry.kind, entry.id, back), [])

    def linked(self, entry: Entry) -> set[tuple[str, str]]:
        """(kind, id) of every record this one links to or is linked from: the pages that show it."""
        found = {(link.to, target) for link in KINDS[entry.kind].links for target in link.ids(entry.record)}
        for kind in KINDS.values():
            for link in kind.links:
                if link.to == entry.kind:
                    found |= {(other.kind, other.id) for other in self.linking(entry, link.back)}
        return found

    def entries_of(self, kind: str, ids: list[str]) -> list[Entry]:
        """The entries of `kind` with these ids (references are checked when the catalog loads)."""
        return [self.entries[kind][record_id] for record_id in ids]

    def label(self, vocabulary: str, code: str, lang: str) -> str:
        return vocabulary_label(getattr(self.vocabularies, vocabulary)[code], lang)


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


_FOUND = (
    (bool, "found.boolean"),
    (int, "found.number"),
    (str, "found.text"),
    (list, "found.list"),
    (dict, "found.fields"),
)


def _found(value: Any) -> Message:
    return message(next((key for kind, key in _FOUND if isinstance(value, kind)), "found.text"))


def _message(error: dict, model: type[BaseModel]) -> Message:
    """Pydantic's error as the editors' message: the schema's own errors carry their key as their
    type; pydantic's built-in ones are put into words here."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return message("field.required")
    if kind == "extra_forbidden":
        holder = model_at(model, error["loc"][:-1])
        if holder:
            return message("field.unknown", allowed=", ".join(holder.model_fields))
        return message("field.unknown_no_fields")
    if value is None:  # `field:` with nothing after it
        return message("field.empty")
    if kind in table():
        return Message(kind, tuple(sorted(ctx.items())))
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in PATTERN_MESSAGES:
        return message(PATTERN_MESSAGES[ctx["pattern"]], value=value)
    if kind == "string_type":
        return message("field.text_expected", found=_found(value))
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return message("field.number_expected", value=value)
    if kind in {"bool_type", "bool_parsing"}:
        return message("field.boolean_expected", value=value)
    if kind == "list_type":
        if isinstance(value, str) and re.match(r"-[^\s-]", value):
            return message("yaml.dash_space")  # `-engineering` is read as one text, not a list
        return message("field.list_expected")
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        if isinstance(value, str) and re.match(r"[A-Za-z_][A-Za-z0-9_-]*:[^\s/]", value):
            return message("yaml.colon_space")  # `nl:Hallo` is read as one text, not a field
        return message("field.fields_expected", found=_found(value))
    if kind == "literal_error":
        return message(
            "field.choice", value=value, expected=", ".join(re.findall(r"'([^']*)'", ctx.get("expected", "")))
        )
    if kind == "greater_than_equal":
        return message("field.too_small", value=value, limit=ctx["ge"])
    if kind == "less_than_equal":
        return message("field.too_large", value=value, limit=ctx["le"])
    if kind == "too_short":
        return message("field.too_few", count=ctx["min_length"])
    if kind in {"string_too_long", "too_long"}:
        return message("field.too_long", value=value, count=ctx["max_length"])
    if kind == "value_error":  # the only validator that raises a plain ValueError is EmailStr's
        return message("field.email", value=value)
    return message("field.other", value=value, detail=error["msg"])


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
        errors.append(RecordError(rel, problem.line, problem.column, problem.field, problem.message))
        return None
    return data, node


# Loading ---------------------------------------------------------------------------------------


def load_catalog(root: Path, cache: RecordCache | None = None) -> Catalog:
    """Read and check everything in `root/content`; raise CatalogError with every problem found.

    With a `cache` (`make serve`), a record file whose bytes, vocabularies and geodata are unchanged since
    the cache saw it is not read or validated again: its record (the same object) or its errors
    come from the cache."""
    root = Path(root)
    errors: list[RecordError] = []
    places, vocabularies = _load_places_and_vocabularies(root, errors, cache)
    duo = _load_duo(root, errors)
    context = {"vocabularies": vocabularies, "places": places, "duo": duo}
    key_figures = _load_key_figures(root, context, errors)
    programme_regions = _load_programme_regions(root, context, errors)
    errors.extend(_unknown_folders(root))
    entries: dict[str, dict[str, Entry]] = {}
    present: dict[str, set[str]] = {}  # also the ids of invalid records
    for kind in KINDS.values():
        entries[kind.name], present[kind.name] = _load_records(root, kind, context, errors, cache)
    if cache is not None:
        cache.forget_missing({rel for kind in KINDS for rel in _paths(kind, present)})
    warnings = _check_across(root, entries, present, vocabularies, places, errors)
    errors.extend(_check_programme_records(root, programme_regions, present))
    if errors:
        raise CatalogError(errors)
    assert vocabularies is not None
    return Catalog(
        vocabularies=vocabularies,
        key_figures=key_figures,
        entries=entries,
        places=places,
        duo=duo or {},
        programme_regions=programme_regions,
        warnings=in_order(warnings),
    )


def _load_programme_regions(root: Path, context: dict, errors: list[RecordError]) -> ProgrammeRegions | None:
    """The programme's regions; each `record` names an initiative (checked once the records are read)."""
    path = root / CONTENT_DIR / PROGRAMME_REGIONS_FILE
    if not path.exists() or (read := _read(path, root, errors)) is None:
        return None
    rel = path.relative_to(root).as_posix()
    return _validate(ProgrammeRegions, read[0], context, rel, read[1], errors)


def _check_programme_records(root: Path, regions: ProgrammeRegions | None, present) -> list[RecordError]:
    """Each region's `record` is an initiative that exists."""
    if regions is None:
        return []
    rel = f"{CONTENT_DIR}/{PROGRAMME_REGIONS_FILE}"
    errors = []
    for index, region in enumerate(regions.regions):
        if region.record and region.record not in present["initiatives"]:
            where = _positions_of(str(root / rel), *_stamp(root / rel))
            line, column = _at(where, ("regions", index, "record"))
            known = ", ".join(sorted(present["initiatives"]))
            said = message("ref.unknown_initiative", value=region.record, known=known)
            errors.append(RecordError(rel, line, column, f"regions[{index}].record", said))
    return errors


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _load_duo(root: Path, errors: list[RecordError]) -> dict[str, Location] | None:
    """DUO's table of school locations (content/duo/); None when it is wrong."""
    try:
        return load_duo(root / CONTENT_DIR)
    except (DuoDataError, KeyError) as problem:
        said = message("duo.problem", detail=str(problem))
        errors.append(RecordError(f"{CONTENT_DIR}/{DUO_DIR}/{TABLE_FILE}", 1, 1, "", said))
        return None


def _load_places_and_vocabularies(root: Path, errors: list[RecordError], cache: RecordCache | None):
    """The CBS geodata and the vocabularies (with the municipalities of the CBS table), each None
    when it is wrong; what every record is checked against."""
    content = root / CONTENT_DIR
    places = None
    try:
        places = load_places(content)
    except GeoDataError as problem:
        errors.append(
            RecordError(f"{CONTENT_DIR}/geo", 1, 1, "", message("geo.problem", detail=str(problem)))
        )
    vocabularies = None
    vocabularies_rel = f"{CONTENT_DIR}/{VOCABULARIES_FILE}"
    if not (root / vocabularies_rel).exists():
        errors.append(RecordError(vocabularies_rel, 1, 1, "", message("file.vocabularies_missing")))
    elif (read := _read(root / vocabularies_rel, root, errors)) is not None:
        vocabularies = _validate(Vocabularies, read[0], {}, vocabularies_rel, read[1], errors)
        if vocabularies is not None and places is not None:
            vocabularies = _with_places(vocabularies, places, read, vocabularies_rel, errors)
    if cache is not None:
        cache.use_context([root / vocabularies_rel, *sorted((content / GEO_DIR).glob("*"))])
    return places, vocabularies


def _load_key_figures(root: Path, context: dict, errors: list[RecordError]) -> list[KeyFigureGroup]:
    figures_path = root / CONTENT_DIR / KEY_FIGURES_FILE
    if not figures_path.exists() or (read := _read(figures_path, root, errors)) is None:
        return []
    rel = figures_path.relative_to(root).as_posix()
    adapter = TypeAdapter(list[KeyFigureGroup])
    key_figures = _validate(adapter, read[0] or [], context, rel, read[1], errors) or []
    errors.extend(_check_newest_first(key_figures, rel, read[1]))
    return key_figures


def _load_records(
    root: Path, kind: RecordKind, context: dict, errors: list[RecordError], cache: RecordCache | None
) -> tuple[dict[str, Entry], set[str]]:
    """The valid records of one kind by id, and the ids of all its files (valid or not)."""
    entries: dict[str, Entry] = {}
    present: set[str] = set()
    folder = root / kind.folder
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        rel = path.relative_to(root).as_posix()
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix != ".yml":
            errors.append(RecordError(rel, 1, 1, "", message("file.extension")))
            continue
        record_id = path.stem
        if not is_valid_id(record_id):
            said = message("file.bad_id", value=record_id, max=ID_MAX_LENGTH)
            errors.append(RecordError(rel, 1, 1, "id", said))
            continue
        present.add(record_id)
        if cache is not None:
            file_digest, known = cache.get(rel, path)
            if known is None:
                first = len(errors)
                known = (_read_record(path, root, kind.model, context, errors), errors[first:])
                cache.put(rel, file_digest, *known)
            else:
                errors.extend(known[1])
            record = known[0]
        else:
            record = _read_record(path, root, kind.model, context, errors)
        if record is not None:
            entries[record_id] = Entry(kind.name, record_id, rel, record)
        # The node tree is dropped here: kept for 5,000 records, its millions of objects make
        # every garbage collection walk them all and loading several times slower.
    return entries, present


def _check_across(
    root: Path, entries, present, vocabularies, places, errors: list[RecordError]
) -> list[RecordError]:
    """What no record shows on its own: links, each kind's rules, regions, duplicates. Errors go to
    `errors`; the warnings are returned."""
    errors.extend(_check_references(root, entries, present))
    warnings: list[RecordError] = []
    if places is not None and vocabularies is not None:
        _check_regions(root, entries, vocabularies, places, errors, warnings)
    for finding in find_duplicates(entries, lambda entry, loc: _where(root, entry, loc)):
        line, column = _position(root, finding.entry, finding.loc)
        severity = "warning" if finding.warning else "error"
        (warnings if finding.warning else errors).append(
            RecordError(finding.entry.path, line, column, field_name(finding.loc), finding.message, severity)
        )
    return warnings


def _unknown_folders(root: Path) -> list[RecordError]:
    """A folder in `content/` that no kind of record declares: its files would be left out unseen."""
    content = root / CONTENT_DIR
    known = {GEO_DIR, DUO_DIR, *KINDS}
    folders = sorted(path.name for path in content.iterdir() if path.is_dir()) if content.is_dir() else []
    listed = ", ".join(f"{kind.folder}/" for kind in KINDS.values())
    return [
        RecordError(
            f"{CONTENT_DIR}/{name}", 1, 1, "", message("file.unknown_folder", value=name, known=listed)
        )
        for name in folders
        if name not in known and not name.startswith(".")
    ]


def _with_places(
    vocabularies: Vocabularies, places: Places, read: tuple, rel: str, errors: list[RecordError]
) -> Vocabularies:
    """The vocabularies with the municipalities of the CBS table; place codes checked against it."""
    pos = positions(read[1])
    if isinstance(read[0], dict) and "municipalities" in read[0]:
        line, column = _at(pos, ("municipalities",))
        said = message("vocabulary.municipalities_listed")
        errors.append(RecordError(rel, line, column, "municipalities", said))
    for loc, said in vocabulary_problems(places, vocabularies):
        line, column = _at(pos, loc)
        errors.append(RecordError(rel, line, column, field_name(loc), said))
    return vocabularies.model_copy(update={"municipalities": places.vocabulary()})


_PLACED = {"labour_market_region", "municipalities"}
"""The fields of a record that lies in one labour-market region and names its municipalities."""


def _check_regions(
    root: Path,
    entries: dict[str, dict[str, Entry]],
    vocabularies: Vocabularies,
    places: Places,
    errors: list[RecordError],
    warnings: list[RecordError],
) -> None:
    """A record's labour-market region holds at least one of its municipalities (an error);
    its municipalities in other regions are named (a warning: it may span two regions)."""
    regions = vocabularies.labour_market_regions
    placed = [kind for kind, declared in KINDS.items() if _PLACED <= declared.model.model_fields.keys()]
    for entry in (entry for kind in placed for entry in entries.get(kind, {}).values()):
        record: Any = entry.record
        if not record.municipalities:
            continue
        region = regions[record.labour_market_region]
        found = [places.by_name[name] for name in record.municipalities]
        if all(municipality.region != region.cbs_code for municipality in found):
            where = ", ".join(f"{m.name} in {places.region_names[m.region]}" for m in found)
            said = message(
                "region.no_municipality", value=record.labour_market_region, region=region.nl, where=where
            )
            _report(root, entry, ("labour_market_region",), errors, said)
            continue
        for index, municipality in enumerate(found):
            if municipality.region != region.cbs_code:
                said = message(
                    "region.other_region",
                    value=municipality.name,
                    other=places.region_names[municipality.region],
                    region=region.nl,
                )
                _report(root, entry, ("municipalities", index), warnings, said, severity="warning")


def _report(
    root: Path, entry: Entry, loc: tuple, into: list[RecordError], said: Message, severity: str = "error"
) -> None:
    line, column = _position(root, entry, loc)
    into.append(RecordError(entry.path, line, column, field_name(loc), said, severity))


def _position(root: Path, entry: Entry, loc: tuple) -> tuple[int, int]:
    """Where a field of a valid record is; read again from its file: rare, and cheaper than keeping
    every node tree."""
    path = root / entry.path
    stat = path.stat()
    return _at(_positions_of(str(path), stat.st_size, stat.st_mtime_ns), loc)


@per_build(maxsize=256)
def _positions_of(path: str, size: int, modified: int) -> dict:
    """The positions of a file's fields, kept for the build while its size and modification time
    stay the same (the duplicate and reference checks ask for several fields of one file)."""
    return positions(load_file(Path(path))[1])


def _where(root: Path, entry: Entry, loc: tuple) -> str:
    line, column = _position(root, entry, loc)
    return f"{entry.path}:{line}:{column}"


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
                message("figures.newest_first", year=group.year, previous=previous),
            ))
        previous = group.year
    return errors


def _read_record(path: Path, root: Path, model: Any, context: dict, errors: list[RecordError]) -> Any | None:
    """One record file read and validated; None (and its errors in `errors`) when it is wrong."""
    rel = path.relative_to(root).as_posix()
    if (read := _read(path, root, errors)) is None:
        return None
    data, node = read
    if not isinstance(data, dict):
        empty = data is None
        errors.append(RecordError(rel, 1, 1, "", message("file.empty" if empty else "record.not_mapping")))
        return None
    return _validate(model, data, context, rel, node, errors)


def _paths(kind: str, present: dict[str, set[str]]) -> list[str]:
    return [f"{KINDS[kind].folder}/{record_id}.yml" for record_id in present[kind]]


def _check_references(
    root: Path, entries: dict[str, dict[str, Entry]], present: dict[str, set[str]]
) -> list[RecordError]:
    """Every link of a valid record names a record that exists, and each kind's own rules hold
    (`records/kinds/`). A link to a record whose file exists but is invalid is not reported again:
    that file's own errors are."""
    errors: list[RecordError] = []
    for kind, kind_entries in entries.items():
        for entry in kind_entries.values():
            for loc, said in _problems_of(entry, entries, present):
                line, column = _position(root, entry, loc)
                errors.append(RecordError(entry.path, line, column, field_name(loc), said))
    return errors


def _problems_of(entry: Entry, entries: dict[str, dict[str, Entry]], present: dict[str, set[str]]):
    kind = KINDS[entry.kind]
    for link in kind.links:
        value = getattr(entry.record, link.field)
        for index, target in enumerate(link.ids(entry.record)):
            if target not in present[link.to]:
                loc = (link.field, index) if isinstance(value, list) else (link.field,)
                known = ", ".join(sorted(present[link.to])) or message("ref.none_yet")
                yield loc, message(unknown_message(KINDS[link.to]), value=target, known=known)
    for rule in kind.rules:
        yield from rule(entry, entries)
