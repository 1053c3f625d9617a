"""Places: the CBS table of municipalities with their province and labour-market region, and the
other names people use for them.

`content/geo/gemeenten-regios-2026.csv` (CBS "Gebieden in Nederland 2026") lists all 342
municipalities with their CBS code (`GM0518`), name (`'s-Gravenhage`), province (`PV28`) and
labour-market region (`AM21`). `content/geo/gemeente-aliassen.yml` adds other names by CBS code
("Den Haag", Frisian and Dutch forms); `content/geo/gemeenten-opgeheven-2015-2026.csv` the former
municipalities merged into them since 2015 (CBS), so "Weesp" names Amsterdam and "Haaren", split
four ways, names each of its successors.

One rule compares names everywhere (records, the look-up box in the browser, the tests): `fold`
drops accents, case, and everything that is not a letter or digit, so "Súdwest-Fryslân",
"sudwest fryslan" and "SUDWEST-FRYSLAN" are the same name; and a CBS name's province suffix may
be left out ("Hengelo" is "Hengelo (O.)", "Bergen" is both "Bergen (L.)" and "Bergen (NH.)").
`overrides/assets/javascripts/places.js` folds the same way (a test checks both agree).

Records write a municipality's name; `Places.resolve` turns any known name into the municipality
or says what is wrong, with the nearest names. The municipalities become the `municipalities`
vocabulary (keyed by CBS name, with the CBS code), so pages, facets and open data treat them like
any other coded field.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .messages import Message, message
from .schema import PLACE_VOCABULARIES, VocabularyEntry
from .strict_yaml import load_file

GEO_DIR = "geo"
TABLE_FILE = "gemeenten-regios-2026.csv"
ALIASES_FILE = "gemeente-aliassen.yml"
FORMER_FILE = "gemeenten-opgeheven-2015-2026.csv"
FORMER_COLUMNS = ("gemeente_code", "gemeente_naam", "opgeheven_per", "opvolger_code")
CLASSIFICATION_YEAR = 2026
"""The year of the CBS classification of municipalities into provinces and regions."""
TABLE_COLUMNS = (
    "gemeente_code",
    "gemeente_naam",
    "provincie_code",
    "provincie_naam",
    "arbeidsmarktregio_code",
    "arbeidsmarktregio_naam",
)
_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")  # "Hengelo (O.)" -> "Hengelo"
_CODE = re.compile(r"^GM\d{4}$")


def fold(text: str) -> str:
    """A name as it is compared: no accents, no case, only letters and digits, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def sort_key(name: str) -> str:
    """Alphabetical as Dutch lists are: `'s-Gravenhage` under G, accents and case ignored."""
    key = fold(name)
    return key[2:] if name.startswith(("'s-", "'t ")) and len(key) > 2 else key


class PlaceError(ValueError):
    """A name that is not (exactly one) municipality; its message (`messages.yml`) says what to write."""

    def __init__(self, said: Message):
        super().__init__(said.text("en"))
        self.message = said


class GeoDataError(Exception):
    """The geodata files are missing or do not agree with each other."""


@dataclass(frozen=True)
class Municipality:
    code: str  # GM0518
    name: str  # 's-Gravenhage
    province: str  # PV28
    region: str  # AM21
    aliases: tuple[str, ...] = ()
    former: tuple[tuple[str, int], ...] = ()  # (name, year it ended) of municipalities merged into it

    @property
    def anchor(self) -> str:
        """Its id on a region page and in the address that marks it there: `gm0518`."""
        return self.code.lower()

    @property
    def short_name(self) -> str:
        """The name without the CBS province suffix: `Hengelo` for `Hengelo (O.)`."""
        return _SUFFIX.sub("", self.name)


@dataclass
class Places:
    """The municipalities of the CBS table, by code in table order, with their other names."""

    municipalities: dict[str, Municipality]
    province_names: dict[str, str]  # PV code -> CBS name
    region_names: dict[str, str]  # AM code -> CBS name
    folder: Path  # content/geo/, where the boundaries are too
    _keys: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for municipality in self.municipalities.values():
            names = {municipality.name, municipality.short_name, *municipality.aliases}
            names.update(name for name, _ in municipality.former)
            for key in {fold(name) for name in names}:
                self._keys.setdefault(key, []).append(municipality.code)
        self.by_name = {municipality.name: municipality for municipality in self.municipalities.values()}

    def matches(self, text: str) -> list[Municipality]:
        """Every municipality this name can mean (none, one, or several, like "Bergen")."""
        return [self.municipalities[code] for code in self._keys.get(fold(text), [])]

    def resolve(self, text: str) -> Municipality:
        """The one municipality `text` names, or PlaceError saying what to write instead."""
        if text in self.by_name:
            return self.by_name[text]
        found = self.matches(text)
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(f"'{municipality.name}'" for municipality in found)
            raise PlaceError(message("place.ambiguous", value=text, names=names))
        table = f"content/{GEO_DIR}/{TABLE_FILE}"
        if nearest := self.suggestions(text):
            raise PlaceError(
                message(
                    "place.unknown",
                    value=text,
                    year=CLASSIFICATION_YEAR,
                    nearest=", ".join(nearest),
                    table=table,
                )
            )
        raise PlaceError(message("place.unknown_spelling", value=text, year=CLASSIFICATION_YEAR, table=table))

    def suggestions(self, text: str, count: int = 3) -> list[str]:
        """The CBS names nearest to `text` (by any of their names), best first."""
        keys = difflib.get_close_matches(fold(text), list(self._keys), n=count * 2, cutoff=0.6)
        names: list[str] = []
        for key in keys:
            for code in self._keys[key]:
                name = f"'{self.municipalities[code].name}'"
                if name not in names:
                    names.append(name)
        return names[:count]

    def in_region(self, region: str) -> list[Municipality]:
        """The municipalities of a labour-market region (AM code), in alphabetical order."""
        return sorted(
            (m for m in self.municipalities.values() if m.region == region), key=lambda m: sort_key(m.name)
        )

    def vocabulary(self) -> dict[str, VocabularyEntry]:
        """The `municipalities` vocabulary: CBS name -> the same name in both languages, with its code."""
        return {
            municipality.name: VocabularyEntry.model_construct(
                nl=municipality.name,
                en=municipality.name,
                cbs_code=municipality.code,
                number=None,
                abbreviation=None,
            )
            for municipality in sorted(self.municipalities.values(), key=lambda m: sort_key(m.name))
        }

    def codes_of(self, vocabulary: str) -> set[str]:
        """The CBS codes the table knows for a place vocabulary."""
        return {
            "labour_market_regions": set(self.region_names),
            "provinces": set(self.province_names),
            "municipalities": set(self.municipalities),
        }[vocabulary]


def load_places(content: Path) -> Places:
    """Read the table and the other names from `content/geo/`; GeoDataError if they are wrong."""
    folder = Path(content) / GEO_DIR
    table = folder / TABLE_FILE
    if not table.exists():
        raise GeoDataError(f"{table.name} is missing from content/{GEO_DIR}/")
    municipalities: dict[str, Municipality] = {}
    provinces: dict[str, str] = {}
    regions: dict[str, str] = {}
    with table.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        if tuple(reader.fieldnames or ()) != TABLE_COLUMNS:
            raise GeoDataError(f"{table.name}: the columns must be {', '.join(TABLE_COLUMNS)}")
        for row in reader:
            code = row["gemeente_code"]
            if not _CODE.match(code) or code in municipalities:
                raise GeoDataError(f"{table.name}: line {reader.line_num}: '{code}' is not a new GMnnnn code")
            municipalities[code] = Municipality(
                code, row["gemeente_naam"], row["provincie_code"], row["arbeidsmarktregio_code"]
            )
            provinces[row["provincie_code"]] = row["provincie_naam"]
            regions[row["arbeidsmarktregio_code"]] = row["arbeidsmarktregio_naam"]

    aliases_path = folder / ALIASES_FILE
    if aliases_path.exists():
        data, _ = load_file(aliases_path)
        for code, names in (data or {}).items():
            if (
                code not in municipalities
                or not isinstance(names, list)
                or not all(isinstance(n, str) for n in names)
            ):
                raise GeoDataError(
                    f"{ALIASES_FILE}: '{code}' must be a code of {TABLE_FILE} with a list of names"
                )
            municipality = municipalities[code]
            municipalities[code] = Municipality(
                code, municipality.name, municipality.province, municipality.region, tuple(names)
            )
    _add_former(folder, municipalities)
    places = Places(municipalities, provinces, regions, folder)
    names = {fold(m.name): m.code for m in municipalities.values()}
    for municipality in municipalities.values():
        for alias in municipality.aliases:
            other = names.get(fold(alias))
            if other and other != municipality.code:
                raise GeoDataError(
                    f"{ALIASES_FILE}: '{alias}' of {municipality.code} is the name of {other}; "
                    "an alias names one municipality"
                )
    return places


def _add_former(folder: Path, municipalities: dict[str, Municipality]) -> None:
    """Give each municipality the names of the former municipalities merged into it (CBS)."""
    path = folder / FORMER_FILE
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        if tuple(reader.fieldnames or ()) != FORMER_COLUMNS:
            raise GeoDataError(f"{FORMER_FILE}: the columns must be {', '.join(FORMER_COLUMNS)}")
        for row in reader:
            code, name = row["opvolger_code"], row["gemeente_naam"]
            if code not in municipalities or row["gemeente_code"] in municipalities:
                raise GeoDataError(
                    f"{FORMER_FILE}: line {reader.line_num}: '{name}' must be a former municipality "
                    f"merged into a municipality of {TABLE_FILE}"
                )
            municipality = municipalities[code]
            former = (*municipality.former, (name, int(row["opgeheven_per"][:4])))
            municipalities[code] = dataclasses.replace(municipality, former=former)


def vocabulary_problems(places: Places, vocabularies) -> list[tuple[tuple, Message]]:
    """(location in vocabularies.yml, message) for each place code the CBS table does not know."""
    problems = []
    for vocabulary in PLACE_VOCABULARIES:
        if vocabulary == "municipalities":
            continue
        known = places.codes_of(vocabulary)
        for code, entry in getattr(vocabularies, vocabulary).items():
            if entry.cbs_code not in known:
                problems.append(
                    (
                        (vocabulary, code, "cbs_code"),
                        message(
                            "vocabulary.unknown_cbs_code",
                            value=entry.cbs_code,
                            table=TABLE_FILE,
                            vocabulary=vocabulary,
                        ),
                    )
                )
    return problems
