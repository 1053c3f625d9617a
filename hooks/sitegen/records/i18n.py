"""Interface text in both languages, and how a record text is shown on a page in a given language.

The strings live in `strings.yml` beside this module, Dutch and English side by side, so a key
cannot exist in one language only; the texts of a record kind live with the kind (`records/kinds/`)
and are looked up the same way, as `<key>-<kind>` (`kind-networks`, `count-initiatives-one`). A
record text without English is shown in Dutch, marked `lang="nl"`, with a visible note (see the
`text` and `markdown` filters in `pages/render.py`).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter

from ..site import language
from .caches import per_build
from .kinds import KINDS
from .schema import VocabularyEntry
from .strict_yaml import load_file

STRINGS_FILE = Path(__file__).with_name("strings.yml")


@per_build  # read again at the start of every build, so that an edit shows in `mkdocs serve`
def _strings() -> dict[str, dict[str, VocabularyEntry]]:
    data, _ = load_file(STRINGS_FILE)
    tables = TypeAdapter(dict[str, dict[str, VocabularyEntry]]).validate_python(data)
    for kind in KINDS.values():
        for key, texts in kind.strings.items():
            name = _kind_key(key, kind.name)
            if name in tables["ui"]:
                raise ValueError(f"{STRINGS_FILE.name}: ui.{name} belongs to the kind {kind.name}")
            tables["ui"][name] = VocabularyEntry.model_validate(texts)
    return tables


def _kind_key(key: str, kind: str) -> str:
    """`count-one` of `networks` is `count-networks-one`; `kind` of `networks` is `kind-networks`."""
    plural = next((suffix for suffix in ("-one", "-other") if key.endswith(suffix)), "")
    return f"{key.removesuffix(plural)}-{kind}{plural}"


def vocabulary_label(entry: VocabularyEntry, lang: str) -> str:
    """A vocabulary code's label as pages show it. A numbered code says that the number is its
    source's ("Thema 2: …"), so that a list without a 1 does not read as a list cut short."""
    return entry.label(lang, numbered=_strings()["ui"]["theme-numbered"].label(lang))


class Strings:
    """The interface text of one language."""

    def __init__(self, lang: str):
        self.lang = language(lang).code  # an unknown language is a ValueError

    def t(self, key: str, **values: object) -> str:
        return _strings()["ui"][key].label(self.lang).format(**values)

    def field(self, name: str) -> str:
        return _strings()["fields"][name].label(self.lang)

    @staticmethod
    def field_names() -> set[str]:
        return set(_strings()["fields"])

    def templates(self) -> dict[str, str]:
        """Every interface text of this language as written, `{placeholders}` unfilled."""
        return {
            f"{table}.{key}": entry.label(self.lang)
            for table, entries in _strings().items()
            for key, entry in entries.items()
        }

