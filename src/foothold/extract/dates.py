"""Dates inside claims, resolved against the document's publication date.

A sentence such as "Shoigu said on Tuesday that ..." or "in the first half of
2024 ..." dates the event it reports.  :func:`resolve_event_date` turns the
first written-out date of a sentence (or, when there is none, its first
relative date) into a partial ISO date (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``), using the publication date for what the text leaves out (the
year of "17 June", the day of "on Tuesday", the year of "last year", the month
of the Korean "17일" and the Chinese "17日").  "A year earlier", "the previous
year" and "six months later" are relative to the story, not to publication,
and are not resolved.

Precision is kept honest, as the model's partial dates require: a month gives
``YYYY-MM``, a quarter or half-year gives only ``YYYY`` (ISO has no partial
form for them), "last week" gives a month or a year, and no day is ever
invented.  English, Russian, Korean and Chinese forms are recognised with
regular expressions compiled at import; no date parser is called.
"""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date, timedelta

__all__ = ["parse_partial_date", "resolve_event_date"]

logger = logging.getLogger(__name__)

_EN_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_RU_MONTH_STEMS = (
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("ма", 5),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
)
_EN_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_RU_WEEKDAYS = (
    ("понедельник", 0),
    ("вторник", 1),
    ("сред", 2),
    ("четверг", 3),
    ("пятниц", 4),
    ("суббот", 5),
    ("воскресень", 6),
)
_KO_WEEKDAYS = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_NUM = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}
_EN_ORD_NUM = {
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

_MON_EN = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_MON_RU = r"(?P<mon>январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Each rule: (name, compiled pattern).  All are tried; the earliest match in
# the sentence wins, the longest on a tie.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    # --- numeric --------------------------------------------------------------
    (
        "ymd",
        re.compile(
            r"(?<![\d.])"
            + _YEAR
            + r"[-/.](?P<month>0?[1-9]|1[0-2])[-/.](?P<day>0?[1-9]|[12]\d|3[01])(?![\d])"
        ),
    ),
    (
        "dmy",
        re.compile(
            r"(?<![\d.])(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)(?!\d)"
        ),
    ),
    ("ym", re.compile(r"(?<![\d.])" + _YEAR + r"-(?P<month>0[1-9]|1[0-2])(?![\d-])")),
    # --- English --------------------------------------------------------------
    (
        "en_dmy",
        re.compile(
            r"\b(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?\s+"
            + _MON_EN
            + r"(?:,?\s+"
            + _YEAR
            + r")?\b",
            re.I,
        ),
    ),
    (
        "en_mdy",
        re.compile(
            r"\b"
            + _MON_EN
            + r"\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|per|workers|people|million|billion|thousand))(?:,?\s+"
            + _YEAR
            + r")?",
            re.I,
        ),
    ),
    (
        "en_my",
        re.compile(
            r"\b(?:(?:early|mid|late|end|the\s+end\s+of|the\s+start\s+of|beginning\s+of)[-\s]+)?"
            + _MON_EN
            + r"(?:\s+of)?,?\s+"
            + _YEAR
            + r"\b",
            re.I,
        ),
    ),
    (
        "en_month_rel_year",
        re.compile(
            r"\b" + _MON_EN + r"(?:\s+of)?\s+(?P<rel>last|this|next|the\s+previous)\s+year\b", re.I
        ),
    ),
    (
        "en_quarter",
        re.compile(
            r"\b(?:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+(?:quarter|half)|Q(?P<qn>[1-4])|H(?P<hn>[12]))(?:\s+(?:of\s+)?(?:(?P<fy>fiscal\s+)?"
            + _YEAR
            + r"|(?P<rel>this|last|next)\s+year))?\b",
            re.I,
        ),
    ),
    (
        "en_month",
        re.compile(
            r"\b(?:in|since|during|until|by|from|through|of|early|mid|late|last|this|end\s+of)[-\s]+(?:(?:early|mid|late)[-\s]+)?"
            + _MON_EN
            + r"\b(?!\s+(?:\d|[A-Z]))",
            re.I,
        ),
    ),
    (
        "en_year",
        re.compile(
            r"(?<![\w$#№.,-])"
            + _YEAR
            + r"(?![\w%]|-[^\d]|\.\d|,\d)(?!\s*(?:workers|people|persons|troops|cars|vehicles|units|percent|per\s+cent))",
            re.I,
        ),
    ),
    (
        "en_rel_year",
        re.compile(
            r"\b(?P<which>last|this|next|current)\s+year(?!s)\b|\b(?P<ago>a|one|two|three|four|five|\d+)\s+years?\s+ago\b",
            re.I,
        ),
    ),
    (
        "en_rel_month",
        re.compile(
            r"\b(?:(?P<which>last|this|next|previous|the\s+previous|the\s+past|the\s+same)\s+month|(?P<earlier>earlier|later)\s+this\s+month|(?P<ago>a|one|two|three|four|five|six|\d+)\s+months?\s+ago)\b",
            re.I,
        ),
    ),
    (
        "en_rel_week",
        re.compile(r"\b(?:last|this|the\s+past|the\s+previous)\s+week(?:end)?\b", re.I),
    ),
    ("en_rel_day", re.compile(r"\b(?P<which>yesterday|today|tonight|the\s+day\s+before)\b", re.I)),
    (
        "en_weekday",
        re.compile(
            r"\b(?P<last>last\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b",
            re.I,
        ),
    ),
    # --- Russian --------------------------------------------------------------
    (
        "ru_dmy",
        re.compile(
            r"(?<![\d.])(?P<day>[12]\d|3[01]|0?[1-9])(?:-?го)?\s+"
            + _MON_RU
            + r"(?:\s+"
            + _YEAR
            + r")?",
            re.I,
        ),
    ),
    (
        "ru_my",
        re.compile(
            r"\b(?:в|с|до|к|по|на|начале|середине|конце)?\s*" + _MON_RU + r"\s+" + _YEAR + r"", re.I
        ),
    ),
    (
        "ru_quarter",
        re.compile(
            r"(?:\b(?P<q>перв\w*|втор\w*|треть\w*|четв[её]рт\w*|\d)(?:-?м)?\s+(?:квартал\w*|полугоди\w*)|\bI{1,3}V?\s+(?:квартал\w*|полугоди\w*))(?:\s+(?:"
            + _YEAR
            + r"|(?P<rel>прошл\w*|эт\w*|текущ\w*)\s+год\w*))?",
            re.I,
        ),
    ),
    (
        "ru_month",
        re.compile(
            r"\b(?:в|с|до|к|в\s+начале|в\s+середине|в\s+конце|начале|середине|конце)\s+"
            + _MON_RU
            + r"\b(?!\s+\d)",
            re.I,
        ),
    ),
    ("ru_year", re.compile(r"(?<![\w.,№-])" + _YEAR + r"(?:-?(?:м|го|й))?\s*(?:год\w*|г\.)")),
    (
        "ru_rel_year",
        re.compile(
            r"\b(?:(?P<which>прошл\w*|эт\w*|текущ\w*|следующ\w*|позапрошл\w*)\s+год\w*|(?P<ago>год|\d+\s+год\w*|два\s+года|три\s+года)\s+(?:назад|тому\s+назад))",
            re.I,
        ),
    ),
    (
        "ru_rel_month",
        re.compile(r"\b(?P<which>прошл\w*|эт\w*|текущ\w*|следующ\w*)\s+месяц\w*", re.I),
    ),
    ("ru_rel_day", re.compile(r"\b(?P<which>вчера|сегодня|позавчера)\b", re.I)),
    (
        "ru_weekday",
        re.compile(
            r"\b(?:в|во)\s+(?P<last>прошл\w*\s+)?(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b",
            re.I,
        ),
    ),
    # --- Korean ---------------------------------------------------------------
    (
        "ko_ymd",
        re.compile(
            _YEAR + r"년\s*(?P<month>1[0-2]|0?[1-9])월(?:\s*(?P<day>[12]\d|3[01]|0?[1-9])일)?"
        ),
    ),
    (
        "ko_md",
        re.compile(
            r"(?<![\d년])(?<!년\s)(?P<month>1[0-2]|0?[1-9])월\s*(?P<day>[12]\d|3[01]|0?[1-9])일"
        ),
    ),
    ("ko_quarter", re.compile(r"(?:" + _YEAR + r"년\s*)?(?:(?P<q>[1-4])분기|(?P<h>상|하)반기)")),
    ("ko_y", re.compile(_YEAR + r"년(?!\s*(?:간|동안|\d))")),
    (
        "ko_m",
        re.compile(
            r"(?<![\d년])(?P<month>1[0-2]|0?[1-9])월(?![가-힣]{0,0}\d)(?!\s*\d+\s*(?:달러|원|명))"
        ),
    ),
    (
        "ko_rel",
        re.compile(
            r"(?P<which>지난해|작년|올해|금년|내년|재작년|지난달|이달|이번\s?달|다음\s?달|어제|오늘|그저께|지난주|이번\s?주)"
        ),
    ),
    ("ko_day", re.compile(r"(?:지난|이달)\s*(?P<day>[12]\d|3[01]|0?[1-9])일")),
    # "17일 밝혔다": a day of the month, in the publication's month (or the one before).
    (
        "ko_dayonly",
        re.compile(
            r"(?<![\d월.])(?<!월\s)(?P<day>[12]\d|3[01]|0?[1-9])일(?!\s*(?:간|동안|째|만에|이내|내|치|분))"
        ),
    ),
    ("ko_weekday", re.compile(r"(?P<wd>[월화수목금토일])요일")),
    # --- Chinese --------------------------------------------------------------
    (
        "zh_ymd",
        re.compile(
            _YEAR
            + r"年\s*(?P<month>1[0-2]|0?[1-9]|[一二三四五六七八九十]{1,3})月(?:\s*(?P<day>[12]\d|3[01]|0?[1-9])[日号])?"
        ),
    ),
    (
        "zh_md",
        re.compile(r"(?<![\d年])(?P<month>1[0-2]|0?[1-9])月\s*(?P<day>[12]\d|3[01]|0?[1-9])[日号]"),
    ),
    # "17日，..." : a day of the month, in the publication's month (or the one before).
    (
        "zh_dayonly",
        re.compile(r"(?<![\d月.])(?P<day>[12]\d|3[01]|0?[1-9])[日号](?!\s*(?:内|以来|之内))"),
    ),
    (
        "zh_quarter",
        re.compile(r"(?:" + _YEAR + r"年\s*)?(?:第?(?P<q>[一二三四1-4])季度|(?P<h>上|下)半年)"),
    ),
    ("zh_y", re.compile(_YEAR + r"年(?!\s*(?:间|来|代))")),
    (
        "zh_m",
        re.compile(
            r"(?<![\d年个])(?P<month>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?!\s*\d)(?![份]?[工薪])"
        ),
    ),
    (
        "zh_rel",
        re.compile(
            r"(?P<which>去年|今年|明年|前年|上个月|上月|本月|这个月|下个月|昨天|昨日|今天|今日|前天|上周|本周|上星期)"
        ),
    ),
    ("zh_lastweek_day", re.compile(r"上(?:个)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")),
    ("zh_weekday", re.compile(r"(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")),
]

_R_PUBLISHED = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_partial_date(value: str | None) -> tuple[int, int | None, int | None] | None:
    """``(year, month, day)`` from a partial ISO date ("2025", "2025-06", "2025-06-20T10:00").

    Missing parts are None; an unparseable value gives None.
    """
    if not value:
        return None
    m = _R_PUBLISHED.match(value)
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    if mo is not None and not 1 <= mo <= 12:
        return (y, None, None)
    if d is not None and mo is not None and not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return (y, mo, None)
    return (y, mo, d)


def resolve_event_date(sentence: str, published: str | None, language: str = "en") -> str | None:
    """Partial ISO date of the event a sentence reports, or None.

    Args:
        sentence: the claim's sentence.
        published: the document's publication date as a partial ISO string
            (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; a time part is ignored), or None.
        language: ISO 639-1 code; English patterns are always tried, the
            Russian, Korean and Chinese ones when the sentence has that script.

    Returns:
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the first date expression in
        the sentence, with what it leaves out taken from ``published``.
        A written-out date beats a relative one anywhere in the sentence.
        Explicit dates ("17 June 2025", "March 2021", "in 2019", "2024년 8월",
        "2024年8月", "в марте 2021 года") need no publication date; dates
        without a year ("on 17 June", "in March") take the publication year,
        the year before when that would put them well after publication;
        relative ones ("last year", "지난해", "去年", "в прошлом году", "last
        month", "on Tuesday", "yesterday") need the publication date to the
        precision they give (a weekday needs a full date).  Quarters and
        half-years give the year only.  None when the sentence has no date or
        the date cannot be resolved at an honest precision.  Never raises.
    """
    if not sentence:
        return None
    pub = parse_partial_date(published)
    triggers = _triggers(sentence)
    if not triggers:
        return None
    best_abs: tuple[int, int, str] | None = None
    best_rel: tuple[int, int, str] | None = None
    for name, pattern, needs in _RULES_TRIGGERED:
        if not needs <= triggers:
            continue
        for m in pattern.finditer(sentence):
            value = _resolve(name, m, pub)
            if value is None:
                continue
            key = (m.start(), -(m.end() - m.start()), value)
            if name in _ABSOLUTE:
                if best_abs is None or key < best_abs:
                    best_abs = key
            elif best_rel is None or key < best_rel:
                best_rel = key
            break
    # A date written out beats a relative one ("a year earlier ... in mid-November 2023").
    best = best_abs or best_rel
    if best is None:
        return None
    logger.debug("event date %s at offset %d", best[2], best[0])
    return best[2]


# Cheap tests that decide which rules can match at all: most sentences have no date.
_R_YEAR4 = re.compile(r"(?:19|20)\d\d")
_R_QH = re.compile(r"\b[QH][1-4]\b")
_R_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_R_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_R_HAN = re.compile(r"[\u4e00-\u9fff]")
_MONTH_PREFIXES = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)


def _triggers(sentence: str) -> set[str]:
    """Which families of rules can match: substring tests, much cheaper than the rules."""
    found: set[str] = set()
    lower = sentence.lower()
    if _R_YEAR4.search(sentence):
        found.add("year4")
    if any(p in lower for p in _MONTH_PREFIXES):
        found.add("mon")
    for word in ("year", "month", "week", "day"):
        if word in lower:
            found.add(word)
    if "tonight" in lower:
        found.add("day")
    if "quarter" in lower or "half" in lower or _R_QH.search(sentence):
        found.add("quarter")
    if not sentence.isascii():
        if _R_CYRILLIC.search(sentence):
            found.add("ru")
        if _R_HANGUL.search(sentence):
            found.add("ko")
        if _R_HAN.search(sentence):
            found.add("zh")
    return found


_RULE_NEEDS: dict[str, frozenset[str]] = {
    "ymd": frozenset({"year4"}),
    "dmy": frozenset({"year4"}),
    "ym": frozenset({"year4"}),
    "en_year": frozenset({"year4"}),
    "en_my": frozenset({"year4", "mon"}),
    "en_dmy": frozenset({"mon"}),
    "en_mdy": frozenset({"mon"}),
    "en_month": frozenset({"mon"}),
    "en_month_rel_year": frozenset({"mon", "year"}),
    "en_quarter": frozenset({"quarter"}),
    "en_rel_year": frozenset({"year"}),
    "en_rel_month": frozenset({"month"}),
    "en_rel_week": frozenset({"week"}),
    "en_rel_day": frozenset({"day"}),
    "en_weekday": frozenset({"day"}),
}
_RULES_TRIGGERED: list[tuple[str, re.Pattern[str], frozenset[str]]] = [
    (name, pattern, _RULE_NEEDS.get(name) or frozenset({name[:2]})) for name, pattern in _RULES
]
_ABSOLUTE = frozenset(
    {
        "ymd",
        "dmy",
        "ym",
        "en_dmy",
        "en_mdy",
        "en_my",
        "en_month",
        "en_year",
        "en_quarter",
        "ru_dmy",
        "ru_my",
        "ru_month",
        "ru_year",
        "ru_quarter",
        "ko_ymd",
        "ko_md",
        "ko_quarter",
        "ko_y",
        "ko_m",
        "zh_ymd",
        "zh_md",
        "zh_quarter",
        "zh_y",
        "zh_m",
        "en_month_rel_year",
    }
)


def _month_of(name: str, m: re.Match[str]) -> int | None:
    original = m.groupdict().get("mon") or ""
    raw = original.lower().rstrip(".")
    if raw:
        if name.startswith("en") and not original[:1].isupper():
            return None  # "may", "march" as words; news capitalises month names
        if name.startswith("ru"):
            for stem, num in _RU_MONTH_STEMS:
                if raw.startswith(stem):
                    return num
            return None
        return _EN_MONTHS.get(raw)
    mo = m.groupdict().get("month")
    if mo is None:
        return None
    if mo.isdigit():
        return int(mo)
    return _ZH_NUM.get(mo)


def _fmt(y: int, mo: int | None = None, d: int | None = None) -> str:
    if mo is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{mo:02d}"
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _year_for(mo: int, d: int | None, pub: tuple[int, int | None, int | None] | None) -> int | None:
    """The year of a month (and day) given without one: the publication year,
    or the year before when the date would fall more than about a month after publication."""
    if pub is None:
        return None
    y, pmo, pd = pub
    if pmo is None:
        return y
    if mo > pmo + 1 or (mo == pmo + 1 and d is not None and pd is not None and d > pd):
        return y - 1
    return y


def _shift_month(y: int, mo: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (mo - 1) + delta
    return idx // 12, idx % 12 + 1


def _resolve(
    name: str, m: re.Match[str], pub: tuple[int, int | None, int | None] | None
) -> str | None:
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if name in ("ymd", "dmy", "ko_ymd", "zh_ymd", "en_dmy", "en_mdy", "ru_dmy", "ko_md", "zh_md"):
        mo = _month_of(name, m)
        if mo is None:
            return None
        day = int(g["day"]) if g.get("day") else None
        if year is None:
            year = _year_for(mo, day, pub)
            if year is None:
                return None
        if day is not None and not _valid(year, mo, day):
            return None
        return _fmt(year, mo, day)
    if name in ("ym", "en_my", "ru_my"):
        mo = _month_of(name, m)
        if mo is None or year is None:
            return None
        return _fmt(year, mo)
    if name == "en_month_rel_year":
        mo = _month_of(name, m)
        if mo is None or pub is None:
            return None
        rel = (g.get("rel") or "").lower()
        shift = 0 if rel == "this" else 1 if rel == "next" else -1
        return _fmt(pub[0] + shift, mo)
    if name in ("en_month", "ru_month", "ko_m", "zh_m"):
        mo = _month_of(name, m)
        if mo is None:
            return None
        text = m.group().lower()
        y = _year_for(mo, None, pub)
        if y is None:
            return None
        if pub is not None and pub[1] is not None:
            if text.startswith("last ") and mo >= pub[1]:
                y = pub[0] - 1
            elif text.startswith("this "):
                y = pub[0]
        return _fmt(y, mo)
    if name in ("en_year", "ru_year", "ko_y", "zh_y"):
        return _fmt(year) if year is not None else None
    if name in ("en_quarter", "ru_quarter", "ko_quarter", "zh_quarter"):
        if year is not None:
            return _fmt(year)
        if pub is None:
            return None
        rel = (g.get("rel") or "").lower()
        if rel.startswith(("last", "прошл")):
            return _fmt(pub[0] - 1)
        if rel.startswith("next"):
            return _fmt(pub[0] + 1)
        q = _quarter_start(name, g, m.group())
        if q is not None and pub[1] is not None and q > pub[1]:
            return _fmt(pub[0] - 1)
        return _fmt(pub[0])
    if pub is None:
        return None
    y, pmo, pd = pub
    if name in ("en_rel_year", "ru_rel_year", "ko_rel", "zh_rel"):
        return _relative(name, m, pub)
    if name in ("en_rel_month", "ru_rel_month"):
        if pmo is None:
            return None
        which = (g.get("which") or "").lower()
        if g.get("earlier") or which.startswith(("this", "эт", "текущ", "the same")):
            return _fmt(y, pmo)
        if which.startswith(("next", "следующ")):
            return _fmt(*_shift_month(y, pmo, 1))
        ago = (g.get("ago") or "").lower()
        n = 1 if not ago else (int(ago) if ago.isdigit() else _EN_ORD_NUM.get(ago, 1))
        return _fmt(*_shift_month(y, pmo, -n))
    if name == "en_rel_week":
        if pmo is None or pd is None:
            return None
        p = date(y, pmo, pd)
        text = m.group().lower()
        if text.startswith("this"):
            lo, hi = p - timedelta(days=p.weekday()), p
        else:
            lo, hi = p - timedelta(days=13), p - timedelta(days=1)
        return _span(lo, hi)
    if name in ("en_rel_day", "ru_rel_day"):
        if pmo is None or pd is None:
            return None
        which = g["which"].lower()
        p = date(y, pmo, pd)
        if which.startswith(("yesterday", "the day before", "вчера")):
            p -= timedelta(days=1)
        elif which.startswith("позавчера"):
            p -= timedelta(days=2)
        return p.isoformat()
    if name in ("en_weekday", "ru_weekday", "ko_weekday", "zh_weekday"):
        if pmo is None or pd is None:
            return None
        wd_raw = g["wd"].lower()
        if name == "en_weekday":
            wd = _EN_WEEKDAYS[wd_raw]
        elif name == "ru_weekday":
            wd = next(n for stem, n in _RU_WEEKDAYS if wd_raw.startswith(stem))
        elif name == "ko_weekday":
            wd = _KO_WEEKDAYS[g["wd"]]
        else:
            wd = _ZH_WEEKDAYS[g["wd"]]
        p = date(y, pmo, pd)
        back = (p.weekday() - wd) % 7
        if g.get("last") and back == 0:
            back = 7
        return (p - timedelta(days=back)).isoformat()
    if name == "zh_lastweek_day":
        if pmo is None or pd is None:
            return None
        p = date(y, pmo, pd)
        monday_last_week = p - timedelta(days=p.weekday() + 7)
        return (monday_last_week + timedelta(days=_ZH_WEEKDAYS[g["wd"]])).isoformat()
    if name in ("ko_day", "ko_dayonly", "zh_dayonly"):
        if pmo is None:
            return None
        day = int(g["day"])
        yy, mm = y, pmo
        if pd is not None and day > pd:
            yy, mm = _shift_month(y, pmo, -1)
        return _fmt(yy, mm, day) if _valid(yy, mm, day) else None
    return None  # pragma: no cover


def _span(lo: date, hi: date) -> str:
    """The most precise partial date covering both ends of a span of days."""
    if (lo.year, lo.month) == (hi.year, hi.month):
        return _fmt(lo.year, lo.month)
    if lo.year == hi.year:
        return _fmt(lo.year)
    return _fmt(hi.year)


def _quarter_start(name: str, g: dict[str, str | None], text: str) -> int | None:
    q = (g.get("q") or "").lower()
    if g.get("qn"):
        return (int(g["qn"] or 1) - 1) * 3 + 1
    if g.get("hn"):
        return 1 if g["hn"] == "1" else 7
    h = g.get("h")
    if h:
        return 1 if h in ("상", "上") else 7
    half = "half" in text.lower() or "полугоди" in text.lower()
    order = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
        "一": 1,
        "二": 2,
        "三": 3,
        "四": 4,
        "1": 1,
        "2": 2,
        "3": 3,
        "4": 4,
    }
    for key, n in order.items():
        if q.startswith(key):
            return (n - 1) * (6 if half else 3) + 1
    for stem, n in (("перв", 1), ("втор", 2), ("трет", 3), ("четв", 4)):
        if q.startswith(stem):
            return (n - 1) * 3 + 1
    return None


def _relative(name: str, m: re.Match[str], pub: tuple[int, int | None, int | None]) -> str | None:
    y, pmo, pd = pub
    g = m.groupdict()
    which = (g.get("which") or "").lower()
    if name == "en_rel_year":
        ago = (g.get("ago") or "").lower()
        if ago:
            n = int(ago) if ago.isdigit() else _EN_ORD_NUM.get(ago, 1)
            return _fmt(y - n)
        if which.startswith(("this", "current")):
            return _fmt(y)
        if which.startswith(("next", "the following")):
            return _fmt(y + 1)
        return _fmt(y - 1)
    if name == "ru_rel_year":
        ago = (g.get("ago") or "").lower()
        if ago:
            if ago.startswith("два"):
                return _fmt(y - 2)
            if ago.startswith("три"):
                return _fmt(y - 3)
            digits = re.match(r"\d+", ago)
            return _fmt(y - (int(digits.group()) if digits else 1))
        if which.startswith("позапрошл"):
            return _fmt(y - 2)
        if which.startswith("прошл"):
            return _fmt(y - 1)
        if which.startswith("следующ"):
            return _fmt(y + 1)
        return _fmt(y)
    # Korean and Chinese relative words.
    table_year = {
        "지난해": -1,
        "작년": -1,
        "올해": 0,
        "금년": 0,
        "내년": 1,
        "재작년": -2,
        "去年": -1,
        "今年": 0,
        "明年": 1,
        "前年": -2,
    }
    if which in table_year:
        return _fmt(y + table_year[which])
    if pmo is None:
        return None
    table_month = {
        "지난달": -1,
        "이달": 0,
        "이번달": 0,
        "이번 달": 0,
        "다음달": 1,
        "다음 달": 1,
        "上个月": -1,
        "上月": -1,
        "本月": 0,
        "这个月": 0,
        "下个月": 1,
    }
    if which in table_month:
        return _fmt(*_shift_month(y, pmo, table_month[which]))
    if pd is None:
        return None
    p = date(y, pmo, pd)
    table_day = {
        "어제": -1,
        "오늘": 0,
        "그저께": -2,
        "昨天": -1,
        "昨日": -1,
        "今天": 0,
        "今日": 0,
        "前天": -2,
    }
    if which in table_day:
        return (p + timedelta(days=table_day[which])).isoformat()
    if which in ("지난주", "上周", "上星期"):
        return _span(p - timedelta(days=13), p - timedelta(days=1))
    if which in ("이번주", "이번 주", "本周"):
        return _span(p - timedelta(days=p.weekday()), p)
    return None
