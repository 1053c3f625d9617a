"""Records not checked against their sources for more than a year: warnings of `make check`.

A stale record is still valid and still published (the build passes); the warning asks an editor to
read its sources again and update `last_verified`. The warnings are record warnings like those of
the catalog (`RecordError` with severity "warning"), so they print and annotate the same way.
"Today" is a parameter, so the rule can be tested on any date
(`python -m sitegen check --today 2027-12-01`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .catalog import Catalog, RecordError, in_order
from .messages import message
from .strict_yaml import load_file, positions

STALE_AFTER_MONTHS = 12
FIELD = "last_verified"


def stale_before(today: dt.date) -> dt.date:
    """The oldest `last_verified` that is still fresh on `today`: the same day twelve months earlier."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def stale_records(catalog: Catalog, root: Path, today: dt.date) -> list[RecordError]:
    """A warning for every record last verified before `stale_before(today)`, at its `last_verified`."""
    limit = stale_before(today)
    stale = []
    for entry in catalog.all_entries():
        checked = entry.record.last_verified
        if checked >= limit:
            continue
        line, column = positions(load_file(Path(root) / entry.path)[1]).get((FIELD,), (1, 1))
        text = message("check.stale", checked=checked.isoformat(), months=STALE_AFTER_MONTHS, field=FIELD)
        stale.append(RecordError(entry.path, line, column, FIELD, text, severity="warning"))
    return in_order(stale)
