"""Which school a record means when it names one: by its id, its name or one of its other names.

Editors write schools as the sources spell them ("RSG Wolfsbos", "Wellantcollege"). A name that fits
one school record (its name or an other name, folded as place names are: case, accents and
punctuation do not matter) resolves to it; a name that fits two is ambiguous (two Ichthus Colleges),
and the record must use the id; an unknown name gets the nearest known names as suggestions. Homonyms
are never merged: each is a record of its own, with the place in its id.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .places import fold

SUGGESTIONS = 3


@dataclass
class SchoolNames:
    """The school records' ids and names, to look a record's school names up in."""

    ids: set[str] = field(default_factory=set)
    by_name: dict[str, set[str]] = field(default_factory=dict)
    spelled: dict[str, str] = field(default_factory=dict)
    """A folded name -> the name as a school record writes it, for suggestions."""

    def add(self, school_id: str, names: list[str]) -> None:
        self.ids.add(school_id)
        for name in names:
            key = fold(name)
            self.by_name.setdefault(key, set()).add(school_id)
            self.spelled.setdefault(key, name)

    def candidates(self, written: str) -> list[str]:
        """The ids a name can mean: its own id, else every school with that name."""
        if written in self.ids:
            return [written]
        return sorted(self.by_name.get(fold(written), ()))

    def nearest(self, written: str) -> list[str]:
        """The known names most like an unknown one."""
        keys = difflib.get_close_matches(fold(written), list(self.by_name), n=SUGGESTIONS, cutoff=0.6)
        return [self.spelled[key] for key in keys]


def school_names(schools) -> SchoolNames:
    """The names of the school entries (`{id: Entry}`)."""
    names = SchoolNames()
    for school_id, entry in schools.items():
        names.add(school_id, [entry.record.name, *entry.record.other_names])
    return names
