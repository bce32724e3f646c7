"""Publication dates as partial ISO strings (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``).

Dates are kept *as printed*: ``2020-04-02T10:00:00+11:00`` is ``2020-04-02`` (no
time-zone conversion), and a text that gives only a month gives only ``YYYY-MM``.
Cheap regular expressions cover ISO, numeric, English, Russian, Korean, Chinese and
Japanese forms; dateparser (slow) is only a last resort for short strings.
"""

from __future__ import annotations

import functools
import logging
import re
from datetime import date

__all__ = ["find_date", "find_date_span", "iso_prefix", "parse_date", "url_date"]

log = logging.getLogger(__name__)

_EN_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_RU_STEMS = (
    ("янв", 1),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("мая", 5),
    ("май", 5),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
)

_EN_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_RU_MONTH_RE = (
    r"(?P<mon>январ[яье]|феврал[яье]|марта?|март[ае]|апрел[яье]|ма[яй]|ма[ею]|июн[яье]|июл[яье]"
    r"|августа?|август[ае]|сентябр[яье]|октябр[яье]|ноябр[яье]|декабр[яье]"
    r"|янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|дек)\.?"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # ISO 8601 and friends: 2024-08-21, 2024/08/21, 2024.08.21 (time and zone ignored)
    ("ymd", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")),
    # CJK: 2024年8月21日, 2024년 8월 21일, 2024. 8. 21.
    (
        "ymd",
        re.compile(
            r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"
        ),
    ),
    ("ym", re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]")),
    (
        "ymd",
        re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\.\s+(?P<m>\d{1,2})\.\s+(?P<d>\d{1,2})\.?(?!\d)"),
    ),
    # 19.06.2025 (day first)
    ("dmy", re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?!\d)")),
    # 06/19/2025 or 19/06/2025
    ("slash", re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)(?!\d)")),
    # 8 November 2024, Fri 20 Jun 2025, 17 Jun 2025 23:30:00 +0900
    (
        "dMy",
        re.compile(
            r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?"
            + _EN_MONTH_RE
            + r",?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
            re.I,
        ),
    ),
    # November 8, 2024 / Nov. 8 2024
    (
        "Mdy",
        re.compile(
            r"\b"
            + _EN_MONTH_RE
            + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
            re.I,
        ),
    ),
    # 21 августа 2024
    (
        "dMy_ru",
        re.compile(
            r"(?<!\d)(?P<d>\d{1,2})\.?\s+" + _RU_MONTH_RE + r"\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I
        ),
    ),
    # March 2021 / март 2021
    ("My", re.compile(r"\b" + _EN_MONTH_RE + r",?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I)),
    ("My_ru", re.compile(r"(?<![а-яё])" + _RU_MONTH_RE + r"\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.I)),
]

_YEAR_ONLY = re.compile(r"^\W*(?P<y>(?:19|20)\d\d)\W*$")


def _valid(y: int, m: int, d: int | None = None) -> bool:
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _month(name: str, ru: bool) -> int | None:
    name = name.lower().rstrip(".")
    if not ru:
        return _EN_MONTHS.get(name)
    for stem, num in _RU_STEMS:
        if name.startswith(stem):
            return num
    return None


def _from_match(kind: str, m: re.Match[str]) -> str | None:
    g = m.groupdict()
    y = int(g["y"])
    if kind in ("ymd", "dmy"):
        mo, d = int(g["m"]), int(g["d"])
    elif kind == "ym":
        mo = int(g["m"])
        return f"{y:04d}-{mo:02d}" if _valid(y, mo) else None
    elif kind == "slash":
        a, b = int(g["a"]), int(g["b"])
        mo, d = (b, a) if a > 12 else (a, b)
    elif kind in ("dMy", "Mdy", "dMy_ru"):
        mon = _month(g["mon"], kind.endswith("_ru"))
        if mon is None:
            return None
        mo, d = mon, int(g["d"])
    else:  # "My", "My_ru"
        mon = _month(g["mon"], kind.endswith("_ru"))
        if mon is None:
            return None
        return f"{y:04d}-{mon:02d}"
    return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None


def find_date_span(text: str) -> tuple[str, int, int] | None:
    """Like :func:`find_date`, with the character span of the match: ``(iso, start, end)``."""
    if not text or not any(ch.isdigit() for ch in text):
        return None
    best: tuple[int, int, str, int] | None = None
    for rank, (kind, pat) in enumerate(_PATTERNS):
        for m in pat.finditer(text):
            iso = _from_match(kind, m)
            if iso is None:
                continue
            if best is None or (m.start(), rank) < best[:2]:
                best = (m.start(), rank, iso, m.end())
            break
    return (best[2], best[0], best[3]) if best else None


def find_date(text: str) -> str | None:
    """The first (leftmost) date written in ``text``, as partial ISO, or None.

    Cheap: regular expressions only. Day-level forms beat month-level forms that
    start at the same place ("8 November 2024" is ``2024-11-08``, not ``2024-11``).
    """
    found = find_date_span(text)
    return found[0] if found else None


def parse_date(
    text: str, languages: tuple[str, ...] = ("en", "ru", "ko", "zh", "ja")
) -> str | None:
    """Parse a short date string (a dateline, a ``pubDate``, a meta value) to partial ISO.

    Tries :func:`find_date` first; a bare year gives ``YYYY``; otherwise, for strings
    up to 80 characters, dateparser with the given ``languages``. Returns None when
    nothing parses. Never raises.
    """
    if not text:
        return None
    text = text.strip()
    found = find_date(text)
    if found:
        return found
    m = _YEAR_ONLY.match(text)
    if m:
        return m.group("y")
    if len(text) > 80 or not any(ch.isdigit() for ch in text):
        return None
    return _dateparser(text, languages)


@functools.lru_cache(maxsize=1024)
def _dateparser(text: str, languages: tuple[str, ...]) -> str | None:
    try:
        data = _ddp(languages).get_date_data(text)
    except Exception as exc:  # pragma: no cover - third-party parser, defensive
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    if not 1900 <= d.year <= 2100:
        return None
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


@functools.lru_cache(maxsize=8)
def _ddp(languages: tuple[str, ...]):
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(languages),
        settings={
            "REQUIRE_PARTS": ["year"],
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


_ISO_PREFIX = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?")


def iso_prefix(value: str | None) -> str | None:
    """The date part of an ISO 8601 timestamp as printed (no zone conversion), else :func:`parse_date`.

    ``2020-04-02T10:00:00+11:00`` gives ``2020-04-02``; ``2021-03`` gives ``2021-03``.
    """
    if not value:
        return None
    m = _ISO_PREFIX.match(value)
    if m:
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        if mo and d and _valid(int(y), int(mo), int(d)):
            return f"{y}-{mo}-{d}"
        if mo and d and int(mo) > 12 and int(d) > 12 and not value[m.end() :].strip():
            # "2023-17-23": neither number can be a month in any order, so dateparser finds
            # no date either (checked); :func:`parse_date` without its slow dateparser call
            return find_date(value.strip())
        if mo and not d and _valid(int(y), int(mo)):
            rest = value[m.end() :]
            if not rest or not rest[0].isdigit():
                return f"{y}-{mo}"
    return parse_date(value)


_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})(?:/(?P<d>\d{1,2}))?(?=/|$|[?#])")
_URL_DATE_COMPACT = re.compile(
    r"[/_-](?P<y>(?:19|20)\d\d)-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)(?=[/_.?#-]|$)"
)


def url_date(url: str | None) -> str | None:
    """The date in a URL path (``/2021/03/15/`` → ``2021-03-15``, ``/2021/03/`` → ``2021-03``)."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m:
        y, mo = int(m.group("y")), int(m.group("m"))
        if m.group("d") and _valid(y, mo, int(m.group("d"))):
            return f"{y:04d}-{mo:02d}-{int(m.group('d')):02d}"
        if _valid(y, mo):
            return f"{y:04d}-{mo:02d}"
    m = _URL_DATE_COMPACT.search(url)
    if m:
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if _valid(y, mo, d):
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None
