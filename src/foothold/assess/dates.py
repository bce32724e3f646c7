"""Partial ISO dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) as the assessment compares them."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["DATE_RE", "check_date", "date_ordinal", "on_or_before"]

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str, what: str) -> str:
    """Return ``value`` when it is a partial ISO date; ValueError naming ``what`` otherwise."""
    if not isinstance(value, str) or not DATE_RE.match(value) or date_ordinal(value) is None:
        raise ValueError(f"{what} must be a partial ISO date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def on_or_before(published: str, as_of: str) -> bool:
    """True when ``published`` is on or before ``as_of``, compared at the coarser precision.

    ``on_or_before("2025-03", "2025-03-01")`` and ``on_or_before("2025-03-10", "2025")``
    are both True; ``on_or_before("2025-04", "2025-03-31")`` is False.
    """
    k = min(len(published), len(as_of))
    return published[:k] <= as_of[:k]


def date_ordinal(value: str | None) -> tuple[int, int] | None:
    """(proleptic ordinal of the first day of the period, period length in days - 1), or None.

    ``"2025"`` -> (ordinal of 2025-01-01, 364); ``"2025-03"`` -> (…, 30);
    ``"2025-03-10"`` -> (…, 0).  None for a malformed or impossible date.
    """
    if not value or not DATE_RE.match(value):
        return None
    try:
        y = int(value[:4])
        if len(value) == 4:
            return date(y, 1, 1).toordinal(), 364
        m = int(value[5:7])
        if len(value) == 7:
            return date(y, m, 1).toordinal(), 30
        return date(y, m, int(value[8:10])).toordinal(), 0
    except ValueError:
        return None
