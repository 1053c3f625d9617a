"""The record contract: pydantic models for networks, initiatives, key figures and vocabularies.

This module is the single definition of every record field. Validation, the JSON Schemas in
`schemas/`, the record templates, the field documentation and the tests all derive from it.
Coded fields name their vocabulary with `vocabulary=...`; the codes themselves live in
`content/vocabularies.yml` and are checked against the vocabularies passed in the validation
context (`{"vocabularies": Vocabularies}`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from ..site import DEFAULT_LANGUAGE, LANGUAGE_CODES, LANGUAGES
from .messages import field_error, message
from .placeholders import find_placeholder

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_MAX_LENGTH = 80
"""The longest id (file name) a record may have."""
SCHOOL_YEAR_PATTERN = r"^\d{4}(-\d{4})?$"
PHONE_PATTERN = r"^\+?[0-9 ()-]{6,20}$"
DOSSIER_PATTERN = r"^[A-Z0-9-]{3,20}$"
CBS_CODE_PATTERN = r"^[A-Z]{2}\d{2,4}$"
PATTERN_MESSAGES = {
    ID_PATTERN: "pattern.id",
    SCHOOL_YEAR_PATTERN: "pattern.school_year",
    PHONE_PATTERN: "pattern.phone",
    DOSSIER_PATTERN: "pattern.dossier",
    CBS_CODE_PATTERN: "pattern.cbs_code",
}
"""The editors' message (messages.yml) for a value that does not fit each pattern of the schema."""


def is_valid_id(record_id: str) -> bool:
    """A record's id: its file name and the last part of its address."""
    return len(record_id) <= ID_MAX_LENGTH and re.fullmatch(ID_PATTERN, record_id) is not None

PLACEHOLDER = "TODO"
"""What `python -m sitegen new` writes where a value is required; never valid in a record."""

# Characters that make text look different from what it is: control characters, and invisible or
# direction-changing ones (Trojan Source, invisible joins). One pattern: it runs on every text.
_FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def _clean_text(value: str, info: ValidationInfo) -> str:
    """Refuse invisible or direction-changing characters and normalise to NFC; in a record (validated
    with its vocabularies), refuse placeholder text too (the site's own interface texts may name TODO)."""
    if found := _FORBIDDEN_CHARACTERS.search(value):
        char = found.group()
        name = unicodedata.name(char, "control character")
        raise field_error("schema.forbidden_character", code=f"{ord(char):04X}", name=name)
    value = value.strip()
    if not value:
        raise field_error("schema.empty_text")
    if value == PLACEHOLDER:
        raise field_error("schema.placeholder", placeholder=PLACEHOLDER)
    if (info.context or {}).get("vocabularies") is not None and (found := find_placeholder(value)):
        raise field_error("schema.placeholder_text", found=found)
    return value if value.isascii() else unicodedata.normalize("NFC", value)


Str = Annotated[str, AfterValidator(_clean_text)]
"""Any human-written string in a record."""


def _check_https(value: str) -> str:
    if not re.match(r"^https://[^\s/?#@]+\.[^\s/?#@]+(?:[/?#]\S*)?$", value):
        raise field_error("schema.https_url", value=value)
    return value


HttpsUrl = Annotated[str, AfterValidator(_check_https), Field(examples=["https://www.example.nl/"])]


def _year_to_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) else value


def _check_date(value: Any) -> Any:
    """Dates stay strings in the loader; read them here so `2024-02-30` is a clear field error."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise field_error("schema.date_format", value=value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise field_error("schema.date_value", value=value) from None


Date = Annotated[dt.date, BeforeValidator(_check_date), Field(examples=["2026-11-01"])]


def _check_month(value: Any) -> Any:
    value = _year_to_text(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value):
        try:
            dt.date.fromisoformat(value if len(value) == 10 else f"{value}-01")
            return value
        except ValueError:
            pass
    raise field_error("schema.month_format", value=value)


Month = Annotated[str, BeforeValidator(_check_month), Field(examples=["2020-06"])]


def _check_partial_date(value: Any) -> Any:
    value = _year_to_text(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}", value):
        return value
    return _check_month(value)


PartialDate = Annotated[
    str, BeforeValidator(_check_partial_date), Field(examples=["2019", "2019-04", "2019-04-01"])
]
"""A date in the precision the source gives it: a year, a month or a day."""
SchoolYear = Annotated[
    str,
    BeforeValidator(_year_to_text),
    Field(pattern=SCHOOL_YEAR_PATTERN, examples=["2024", "2016-2017"]),
]
Year = Annotated[int, Field(ge=1990, le=2100, examples=[2018])]
RecordId = Annotated[str, Field(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)]
LOCATION_PATTERN = r"^[0-9]{2}[A-Z]{2}[0-9]{2}$"
"""A DUO location code (VESTIGINGSCODE): the four characters of the institution and two digits."""


def code(vocabulary: str, description: str) -> Any:
    """A code from one vocabulary of `content/vocabularies.yml`, checked against it."""

    def check(value: str, info: ValidationInfo) -> str:
        vocabularies = (info.context or {}).get("vocabularies")
        if vocabularies is None:
            return value
        known = getattr(vocabularies, vocabulary)
        if value not in known:
            raise field_error(
                "schema.unknown_code",
                value=value,
                noun=message(f"noun.{vocabulary}"),
                known=", ".join(sorted(known)),
            )
        return value

    return Annotated[
        str,
        AfterValidator(check),
        Field(description=description, json_schema_extra={"x-vocabulary": vocabulary}),
    ]


def _check_municipality(value: str, info: ValidationInfo) -> str:
    """A municipality's name (or another name of it) becomes its CBS name; see `places.py`."""
    places = (info.context or {}).get("places")
    if places is None:
        return value
    try:
        return places.resolve(value).name
    except ValueError as error:  # places.PlaceError: its message says what to write
        said = error.message  # type: ignore[attr-defined]
        raise field_error(said.key, **dict(said.values)) from None


Municipality = Annotated[
    Str,
    AfterValidator(_check_municipality),
    Field(
        description=(
            "A municipality it works in: its name in the CBS table (content/geo/), "
            "or a common name such as Den Haag."
        ),
        json_schema_extra={"x-vocabulary": "municipalities"},
        examples=["Hoogeveen"],
    ),
]
"""Written as a name; stored as the CBS name, whose code and region come from the CBS table."""


class Strict(BaseModel):
    """Base of every record part: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _text_fields() -> dict[str, Any]:
    """One field per language of the site model: the first required, the others falling back to it."""
    first, *others = LANGUAGES
    fields: dict[str, Any] = {first.code: (Str, Field(description=f"{first.english_name} text (required)."))}
    for other in others:
        said = (
            f"{other.english_name} text; without it the {other.english_name} page shows the "
            f"{first.english_name} with a note."
        )
        fields[other.code] = (Str | None, Field(None, description=said))
    return fields


class _TextInLanguages(Strict):
    def get(self, lang: str) -> str:
        """The text in `lang`, or in the first language where it has none."""
        return getattr(self, self.lang_of(lang))

    def lang_of(self, lang: str) -> str:
        """The language the text is actually in on a page in `lang`."""
        return lang if getattr(self, lang, None) else DEFAULT_LANGUAGE.code

    @property
    def first(self) -> str:
        """The text in the site's first language, which every text has."""
        return getattr(self, DEFAULT_LANGUAGE.code)

    def missing(self) -> list[str]:
        """The languages it has no text in."""
        return [code for code in LANGUAGE_CODES if not getattr(self, code)]


Text = create_model(
    "Text",
    __base__=_TextInLanguages,
    __doc__="A text that differs per language. Dutch is required; English falls back to Dutch.",
    __module__=__name__,
    **_text_fields(),
)


class Markdown(Text):  # type: ignore[valid-type,misc]
    """A long text per language, written in Markdown (no raw HTML; links https: or mailto: only)."""

    @field_validator(*LANGUAGE_CODES)
    @classmethod
    def _links_are_safe(cls, value: str | None) -> str | None:
        if value is not None:
            from .markdown_text import check_links  # local: keeps the schema importable alone

            check_links(value)
        return value


class Source(Strict):
    title: Str = Field(description="Title of the page or document the facts come from.")
    url: HttpsUrl = Field(description="Its https:// address.")
    published: Month | None = Field(
        None,
        description="When it appeared, if it says so: YYYY-MM or YYYY-MM-DD (quote it); "
        "shown in the page's language.",
    )
    read: Date = Field(description="The day it was read (YYYY-MM-DD).")
    lang: Annotated[str, Field(pattern=r"^[a-z]{2}$", examples=["en"])] = Field(
        DEFAULT_LANGUAGE.code,
        description="The language of its title and text, as a two-letter code (nl, en, de); "
        "Dutch when left out. A page in another language marks the title as such.",
    )


PERSONAL = {"x-personal": True}
"""`json_schema_extra` of a field that holds personal data: published (page, open data, JSON-LD,
search) only where its contact says `publish: true`, never as an example in the field docs."""
PUBLIC = {"x-personal": False}
"""`json_schema_extra` of a contact's field that is always public. Every field of a model with
personal data says which it is (a test fails on a field that says neither)."""


def is_personal(model: type[BaseModel], name: str) -> bool:
    extra = model.model_fields[name].json_schema_extra
    return isinstance(extra, dict) and extra.get("x-personal") is True


class Contact(Strict):
    """A contact point. Only the organisation is shown unless `publish` is true."""

    organisation: Str | None = Field(
        None, description="The organisation to contact.", json_schema_extra=PUBLIC
    )
    url: HttpsUrl | None = Field(
        None,
        description="The organisation's contact page (https://), never a person's.",
        json_schema_extra=PUBLIC,
    )
    name: Str | None = Field(
        None,
        description="A person's name: personal data, shown only with publish: true.",
        json_schema_extra=PERSONAL,
    )
    role: Text | None = Field(None, description="The person's role or function.", json_schema_extra=PERSONAL)
    email: EmailStr | None = Field(
        None, description="E-mail address, shown only with publish: true.", json_schema_extra=PERSONAL
    )
    phone: Annotated[str, Field(pattern=PHONE_PATTERN, examples=["+31 30 253 35 50"])] | None = (
        Field(
            None,
            description="Phone number, shown only with publish: true (quote it in YAML).",
            json_schema_extra=PERSONAL,
        )
    )
    publish: bool = Field(
        False,
        description="true when the people concerned agreed to publish name, e-mail and phone on the site.",
        json_schema_extra=PUBLIC,
    )

    def published(self, name: str) -> Any:
        """The field's value where it may be published: personal data only with `publish: true`."""
        return getattr(self, name) if self.publish or not is_personal(type(self), name) else None


class SchoolCount(Strict):
    count: int = Field(ge=0, description="Number of partner schools.")
    as_of: SchoolYear | None = Field(
        None,
        description=(
            "Year or school year of the count, e.g. 2024 or 2016-2017; leave out when the source gives none."
        ),
    )
    approximate: bool = Field(False, description="true when the source gives an approximate number.")
    source: Source = Field(description="Where the number is stated.")


class MemberSchools(Strict):
    """The schools a source lists as the network's members."""

    as_of: SchoolYear | None = Field(
        None, description="Year or school year of the list, where the source says."
    )
    complete: bool = Field(False, description="true only when the source says the list is complete.")
    names: list[Str] = Field(min_length=1, description="The schools, as the source spells them.")
    source: Source = Field(description="Where the list is.")


class Partners(Strict):
    universities: list[Str] = Field([], description="Universities (proper names).")
    universities_of_applied_sciences: list[Str] = Field(
        [], description="Universities of applied sciences (hogescholen)."
    )
    school_counts: list[SchoolCount] = Field(
        [],
        description="How many secondary schools take part: each count a source gives, with date and source.",
    )
    member_schools: MemberSchools | None = Field(None, description="The schools, where a source lists them.")
    other: list[Str] = Field(
        [], description="Other partners: companies, municipalities, teacher-training programmes."
    )


class Update(Strict):
    date: Month = Field(description="When it happened: YYYY-MM or YYYY-MM-DD (quote it).")
    title: Text = Field(description="Headline of the update.")
    body: Markdown = Field(description="The update itself (Markdown).")


class Record(Strict):
    """Fields every record has."""

    summary: Text = Field(description="Two to four sentences, plain text; shown in overviews and search.")
    description: Markdown = Field(description="The full description (Markdown).")
    website: HttpsUrl | None = Field(None, description="Own website (https://).")
    contact: Contact | None = Field(None, description="Contact point; personal data only with publish: true.")
    sources: list[Source] = Field(min_length=1, description="Where the facts on the page come from.")
    last_verified: Date = Field(description="The day the record was last checked against its sources.")


class Network(Record):
    """A regional VO-HO network (content/networks/<id>.yml)."""

    name: Str = Field(description="Official name (a proper name, not translated).")
    short_name: Str | None = Field(None, description="Short name, if the network uses one.")
    former_names: list[Str] = Field([], description="Earlier names of the network.")
    region: Text = Field(description="The region it serves, in words.")
    area_note: Text | None = Field(
        None, description="One line on what the labour-market regions rest on, or why the area is unclear."
    )
    provinces: list[code("provinces", "A province the network works in.")] = Field(min_length=1)  # type: ignore[valid-type]
    labour_market_regions: list[  # type: ignore[valid-type]
        code("labour_market_regions", "A labour-market region it covers.")
    ] = Field([])
    status: Literal["active", "merged", "ended"] = Field(
        description="active, merged (set merged_into) or ended."
    )
    merged_into: RecordId | None = Field(
        None, description="Id of the network this one merged into (required with status: merged)."
    )
    founded: Year | None = Field(None, description="Year the network started.")
    lead_institution: Str | None = Field(None, description="The coordinating institution (penvoerder).")
    partners: Partners | None = Field(None, description="Who takes part.")
    pillars: list[code("pillars", "A pillar the network works on.")] = Field([])  # type: ignore[valid-type]
    domains: list[code("domains", "A subject domain the network covers.")] = Field([])  # type: ignore[valid-type]
    regional_themes: list[Text] = Field([], description="Themes of the region the network works on.")


class Schools(Strict):
    vmbo: list[Str] = Field([], description="vmbo schools involved (proper names).")
    mbo: list[Str] = Field([], description="mbo institutions involved (proper names).")


class Funding(Strict):
    """Money an initiative received, from one funder for one period, with the page that says so."""

    amount: int = Field(ge=0, description="Amount in euros, a whole number without dots (12000000).")
    approximate: bool = Field(False, description="true when the source gives the amount as about or almost.")
    funder: code("funders", "Who paid it: the state, business co-financing, or another funder.")  # type: ignore[valid-type]
    period: SchoolYear | None = Field(
        None, description="The years it covers, e.g. 2020-2023; leave out when the source gives none."
    )
    note: Text | None = Field(None, description="What the amount is for or how it is shared, in a sentence.")
    source: Source = Field(description="Where the amount is stated.")


class ParticipantCount(Strict):
    """A number of participating schools or companies as one source stated it on one date."""

    what: code("participant_kinds", "What is counted: schools, vmbo schools, mbo institutions or companies.")  # type: ignore[valid-type]
    count: int = Field(ge=0, description="The number.")
    approximate: bool = Field(False, description="true when the source gives an approximate number.")
    as_of: Month = Field(description="When the source stated it: YYYY-MM or YYYY-MM-DD (quote it).")
    source: Source = Field(description="Where the number is stated.")


class Initiative(Record):
    """A vo-mbo collaboration initiative (content/initiatives/<id>.yml)."""

    title: Text = Field(description="Name of the initiative.")
    programme: code("programmes", "The programme it belongs to.") | None = None  # type: ignore[valid-type]
    labour_market_region: code("labour_market_regions", "The labour-market region (arbeidsmarktregio).")  # type: ignore[valid-type]
    provinces: list[code("provinces", "A province it works in.")] = Field([])  # type: ignore[valid-type]
    municipalities: list[Municipality] = Field([], description=(
        "Municipalities it works in, by name; at least one lies in its labour-market region. "
        "The CBS name ('s-Gravenhage) and common names (Den Haag) both work."
    ))
    collaboration_levels: list[  # type: ignore[valid-type]
        code("collaboration_levels", "Level at which the partners work together.")
    ] = Field(min_length=1)
    sectors: list[code("sectors", "A sector it works in.")] = Field(min_length=1)  # type: ignore[valid-type]
    vmbo_profiles: list[code("vmbo_profiles", "A vmbo profile it works with.")] = Field([])  # type: ignore[valid-type]
    parties: list[code("parties", "A kind of party involved.")] = Field(min_length=1)  # type: ignore[valid-type]
    other_parties: list[Str] = Field([], description="Other parties involved, by name.")
    themes: list[code("themes", "A content theme (shown with its number).")] = Field([])  # type: ignore[valid-type]
    theme_note: Text | None = Field(None, description="Explanation of the content themes.")
    start_year: Year | None = Field(
        None, description="Year the initiative started; leave out when no source gives it."
    )
    dossier_numbers: list[Annotated[str, Field(pattern=DOSSIER_PATTERN, examples=["STO18041"])]] = Field(
        [], description="Registration numbers of the grant, e.g. STO18041."
    )
    subsidy_rounds: list[code("subsidy_rounds", "A subsidy round the initiative took part in.")] = Field([])  # type: ignore[valid-type]
    penvoerder: Str | None = Field(
        None, description="The organisation that applied for the grant and administers it (penvoerder)."
    )
    funding: list[Funding] = Field(
        [], description="Money received: amount, period, funder, each with its source."
    )
    participants: list[ParticipantCount] = Field(
        [], description="Numbers of participating schools or companies, each with its date and source."
    )
    schools: Schools = Field(Schools(), description="Schools and institutions involved.")
    ambitions: list[Text] = Field([], description="Quantified ambitions, one per item.")
    networks: list[RecordId] = Field([], description="Ids of related VO-HO networks.")
    parent: RecordId | None = Field(None, description="Id of a larger initiative this one belongs to.")
    updates: list[Update] = Field(
        [], description="Dated news, any order; shown newest first, also on the news page and in the feed."
    )


class Schedule(Strict):
    """When and how often an activity takes place, as far as its sources say."""

    frequency: Literal["once", "yearly", "several-times-a-year", "ongoing"] | None = Field(
        None, description="How often it takes place, where a source says."
    )
    season: Text | None = Field(None, description="When in the year, in words (in spring, in the autumn).")
    dates: list[PartialDate] = Field(
        [], description="Dates of editions a source gives: YYYY, YYYY-MM or YYYY-MM-DD (quote them)."
    )
    last_confirmed: Year | None = Field(
        None,
        description="The year of the newest edition or offer a source confirms; leave out when none does.",
    )
    ended: Year | None = Field(None, description="The year it stopped, only where a source says so.")

    @model_validator(mode="after")
    def _dates_agree(self) -> Schedule:
        newest = max((int(date[:4]) for date in self.dates), default=None)
        if newest is not None and self.last_confirmed is not None and newest > self.last_confirmed:
            raise field_error("schema.schedule_newer_date", year=newest, last_confirmed=self.last_confirmed)
        if self.ended is not None and self.last_confirmed is not None and self.ended < self.last_confirmed:
            raise field_error(
                "schema.schedule_ended_early", ended=self.ended, last_confirmed=self.last_confirmed
            )
        return self


class Activity(Record):
    """An activity a regional VO-HO network offers (content/activities/<id>.yml)."""

    title: Text = Field(description="Name of the activity.")
    networks: list[RecordId] = Field(
        min_length=1,
        description=(
            "Ids of the networks that offer it; a joint national activity names every network taking part."
        ),
    )
    organiser: Str | None = Field(
        None, description="The organisation that runs it (a proper name, never a person)."
    )
    audience: list[code("audiences", "Who it is for.")] = Field(min_length=1)  # type: ignore[valid-type]
    levels: list[code("school_levels", "A school type of the pupils it is for.")] = Field([])  # type: ignore[valid-type]
    school_years: list[Annotated[int, Field(ge=1, le=6)]] = Field(
        [], description="The school years it is for (1 to 6), where a source names them."
    )
    domains: list[code("domains", "A subject domain it covers.")] = Field([])  # type: ignore[valid-type]
    subjects: list[Str] = Field([], description="School subjects as the source names them.")
    form: code("activity_forms", "What kind of activity it is.")  # type: ignore[valid-type]
    schedule: Schedule = Field(description="When and how often it takes place.")
    where: Text | None = Field(None, description="Where it takes place, in words.")
    cost: Text | None = Field(None, description="What it costs, as the source states it.")

    def status(self) -> str:
        """`ended` (a source says it stopped), `current` (an edition confirmed within two years of
        the record's last check) or `unconfirmed` (older, or no source dates it): an old activity is
        never shown as running."""
        schedule = self.schedule
        if schedule.ended is not None:
            return "ended"
        if schedule.last_confirmed is not None and schedule.last_confirmed >= self.last_verified.year - 2:
            return "current"
        return "unconfirmed"


def _check_location(value: str, info: ValidationInfo) -> str:
    """A DUO location code that the DUO table in content/duo/ has (see `duo.py`)."""
    duo = (info.context or {}).get("duo")
    if duo is not None and value not in duo:
        raise field_error("schema.unknown_location", value=value)
    return value


LocationCode = Annotated[
    str,
    AfterValidator(_check_location),
    Field(pattern=LOCATION_PATTERN, examples=["02VA00"], description="DUO's code of a school location."),
]


class School(Strict):
    """A school or an mbo institution the records name (content/schools/<id>.yml)."""

    name: Str = Field(description="The name the site shows: the school's usual name.")
    other_names: list[Str] = Field(
        [], description="Other names editors write for it, as the records do; each must fit this school only."
    )
    locations: list[LocationCode] = Field(
        [],
        description=(
            "DUO's codes (VESTIGINGSCODE) of the locations the records mean; their rows in content/duo/ "
            "give the place, the municipality and the education."
        ),
    )
    education: list[code("education", "What it offers, where no DUO location says it.")] = Field([])  # type: ignore[valid-type]
    municipality: Municipality | None = Field(
        None, description="Its municipality, where no DUO location gives it."
    )
    website: HttpsUrl | None = Field(None, description="Its website (https://).")
    summary: Text | None = Field(None, description="A sentence about the school, where a source says more.")
    sources: list[Source] = Field(
        min_length=1,
        description="Where its facts come from: the DUO file of its locations, or a page naming it.",
    )
    last_verified: Date = Field(description="The day the record was last checked against its sources.")


class ProgrammeCount(Strict):
    """A number of regions a national programme has, as one source counts it."""

    value: int = Field(ge=0, description="The number.")
    what: Text = Field(description="What the source counts.")
    as_of: Month = Field(description="When the source stated it: YYYY-MM or YYYY-MM-DD (quote it).")
    source: Source = Field(description="Where the number is stated.")


class ProgrammeRegion(Strict):
    """A region a source names as one of the programme's."""

    name: Str = Field(description="The region as the programme's sources name it.")
    record: RecordId | None = Field(
        description="The id of the initiative that describes it; null while none does."
    )
    proxy: bool = Field(
        False, description="true when that record is a related initiative standing in for it."
    )
    source: Source = Field(description="A page that names it as a region of the programme.")


class ProgrammeRegions(Strict):
    """content/programme-regions.yml: how many regions a national programme has, and which of those the
    site describes, so an empty region reads as "not yet described", not as "nothing here"."""

    programme: code("programmes", "The programme.")  # type: ignore[valid-type]
    counts: list[ProgrammeCount] = Field(
        min_length=1, description="Every count a source gives, with its date."
    )
    regions: list[ProgrammeRegion] = Field(min_length=1, description="Every region a source names.")


class KeyFigure(Strict):
    """One headline figure of a group."""

    value: Str = Field(description="The figure as written, e.g. 361 or 35.000+ (quote it).")
    label: Text = Field(description="What it counts.")


class KeyFigureGroup(Strict):
    """Key figures from one source about one year, shown together on the home page and in the focus
    report. Figures of different sources or years are never mixed in one group, so a reader does not
    add up or compare numbers that do not belong together. The groups go newest first."""

    source: Source = Field(description="Where all figures of the group come from.")
    year: SchoolYear | None = Field(
        None, description="Year or school year the figures are about; leave out when the source does not say."
    )
    note: Text | None = Field(
        None,
        description="How these figures relate in time to the other groups; "
        "required when the group has no year.",
    )
    figures: list[KeyFigure] = Field(min_length=1, description="The figures.")

    @model_validator(mode="after")
    def _undated_groups_say_when(self) -> KeyFigureGroup:
        if self.year is None and self.note is None:
            raise field_error("schema.undated_group")
        return self


class _Labelled(Strict):
    def label(self, lang: str, numbered: str = "{number}. {text}") -> str:
        """The label as pages show it: `Thema 2: Aansluitende onderwijsprogramma's` (with the
        `numbered` form that `i18n.vocabulary_label` passes), `Techniek en gebouwde omgeving (T)`."""
        text = getattr(self, lang)
        if self.number is not None:
            text = numbered.format(number=self.number, text=text)
        if self.abbreviation is not None:
            text = f"{text} ({self.abbreviation})"
        return text


# A code's label in every language of the site model, and how pages show it.
VocabularyEntry = create_model(
    "VocabularyEntry",
    __base__=_Labelled,
    __module__=__name__,
    **{lang.code: (Str, Field(description=f"{lang.english_name} label.")) for lang in LANGUAGES},
    cbs_code=(
        Annotated[str, Field(pattern=CBS_CODE_PATTERN)] | None,
        Field(None, description="Code of Statistics Netherlands (CBS)."),
    ),
    number=(int | None, Field(None, ge=1, description="Number shown before the label.")),
    abbreviation=(Str | None, Field(None, description="Abbreviation shown after the label, in brackets.")),
    provisional=(
        bool,
        Field(
            False,
            description="true while no source confirms this label; the fields page marks it as provisional.",
        ),
    ),
)


Vocabulary = dict[Annotated[str, Field(pattern=ID_PATTERN)], VocabularyEntry]


class Vocabularies(Strict):
    """content/vocabularies.yml: every coded list with its Dutch and English labels."""

    labour_market_regions: Vocabulary
    provinces: Vocabulary
    sectors: Vocabulary
    vmbo_profiles: Vocabulary
    parties: Vocabulary
    collaboration_levels: Vocabulary
    themes: Vocabulary
    programmes: Vocabulary
    pillars: Vocabulary
    domains: Vocabulary
    audiences: Vocabulary
    school_levels: Vocabulary
    education: Vocabulary
    activity_forms: Vocabulary
    subsidy_rounds: Vocabulary
    funders: Vocabulary
    participant_kinds: Vocabulary
    municipalities: SkipJsonSchema[Vocabulary] = Field(
        {}, description="Not written in this file: the build fills it from the CBS table in content/geo/."
    )


NAMED_VOCABULARIES = ("municipalities",)
"""Vocabularies whose values records write by name, any known name ("Den Haag" for "'s-Gravenhage"):
the build checks and normalises them; editors' tools offer the names but do not enforce them."""

PLACE_VOCABULARIES = ("labour_market_regions", "provinces", "municipalities")
"""The vocabularies that are areas of the CBS classification: every entry carries its CBS code,
which the map, the region pages and the open data use."""
