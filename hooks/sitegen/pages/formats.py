"""Dates, numbers and the figures of the records, written as the page's language writes them.

With Babel, in the locale of the page (the code of a language of the site model), as Material
formats its own dates. A date keeps the precision it was written with: `2020` is a year, `2020-06`
a month (`juni 2020`), `2020-06-01` a day (`1 juni 2020`); a month is never shown as its first day.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from babel.dates import format_date as babel_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal

DAY = "d MMMM y"
"""A day in full, the same order in both languages: `1 november 2026`, `1 November 2026`."""


def format_date(value: dt.date | str, lang: str) -> str:
    """A date of the records in its own precision: a day, a month or a year."""
    if isinstance(value, str):
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            return str(parts[0])
        if len(parts) == 2:
            return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=lang)
        value = dt.date(*parts)
    return babel_date(value, DAY, locale=lang)


def format_number(value: int | float, lang: str, decimals: int = 0) -> str:
    """A number grouped and with the decimal mark of the language: `12.000.000`, `12,000,000`."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=lang)


_FIGURE_NUMBER = re.compile(r"\d[\d.,]*\d")


def format_figure(value: str, lang: str) -> str:
    """A figure as the records write it, in Dutch notation (`35.000+`, `1,5`), in the page's
    language (`35,000+`, `1.5`). A number without marks (a year, `120`) stays as written."""

    def number(match: re.Match) -> str:
        written = match.group(0)
        if "." not in written and "," not in written:
            return written
        whole, _, fraction = written.partition(",")
        return format_number(Decimal(f"{whole.replace('.', '')}.{fraction or 0}"), lang, len(fraction))

    return _FIGURE_NUMBER.sub(number, value)


def format_size(size: int, lang: str) -> str:
    """A file size: `245 kB`, `1,2 MB` / `1.2 MB`."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{format_number(size / 1_000_000, lang, 1)} MB"
