"""Dates as clerks type them: 02/05/1990, 2/5/1990, 02.05.1990 or 02051990."""

from __future__ import annotations

import re
from datetime import date

_DATE_PARTS = re.compile(r"^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$")


def parse_birth_date(text: str) -> date | None:
    """A date typed as dd/mm/yyyy (or ddmmyyyy, with . or - too); None if empty; ValueError."""
    text = text.strip()
    if not text:
        return None
    match = _DATE_PARTS.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    elif text.isdigit() and len(text) == 8:
        day, month, year = int(text[:2]), int(text[2:4]), int(text[4:])
    else:
        raise ValueError(text)
    return date(year, month, day)


def format_date(day: date | None) -> str:
    """dd/mm/yyyy, or empty."""
    return f"{day:%d/%m/%Y}" if day else ""
