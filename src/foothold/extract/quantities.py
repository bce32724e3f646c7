"""Quantities: numbers with contract units found in a document's text.

The rules follow the dev corpus's ``ANNOTATION.md`` section 5 ("Quantities"):

* every number in the headline or body that has one of the contract units
  (:data:`UNITS`) is a quantity, written in digits ("15,000", "3 214", "3,5",
  "1.2 million", "15 тыс.", "1만5천", "1.5万") or in number words ("six
  thousand", "шесть тысяч", "трое", "세 명", "六千名", "百分之四十");
* ``value`` is the number as stated, scales applied ("US$5 million" is
  5000000 ``usd``, "287 billion won" 287000000000 ``krw``); approximations
  ("about", "up to", "около", "약", "约", "~") keep the stated value and set
  ``approximate``;
* money takes its currency from a prefix or suffix (US$, $, ₩, ₽, dollars,
  roubles, won, долларов, рублей, 달러, 원, 美元, 卢布, 韩元) and its period
  from "a month", "an hour", "в месяц", "월", "시간당", "每月", "时薪"...;
  other currencies (euro, yuan, yen) are not contract units;
* the unit of a count comes from the counted noun a few words after the number
  ("5,000 military construction workers", "3,765 citizens of North Korea",
  "812 северокорейцев", "6 cars") or from a Korean/Chinese counter (명, 대,
  개, 名, 人, 辆, 部, 台, 个, 家); a number without a noun takes the unit of an
  earlier count in its sentence ("30,023 workers ... and 11,490 a year
  later"), people when the sentence counts people ("the number of workers ...
  from about 20 a year"), or the unit of the previous sentence's count when it
  continues it as a list ("By purpose: business 167, private 51") or compares
  with it ("Для сравнения, ... их было 5,5 тысячи");
* a range gives its two bounds, and the unit, scale, currency and period of
  one end apply to the other ("US$100 to US$200 a month", "35–40%",
  "80–100k devices", "월 100~200달러");
* years, dates, times, durations and frequencies, ordinals, identifiers
  ("resolution 2397", "Shahed-136", "COVID-19", "Q3"), multipliers
  ("twelvefold", "nine times", "12배", "12倍"), other measures (tonnes,
  barrels), compound modifiers ("12-hour", "ten-year") and determiners
  ("one", "both", "the two countries") are not quantities;
* a value repeated in the headline and body is listed once; inside the body a
  repeat is listed again only when it is another measure (see
  :func:`_is_repeat`: a percentage in another sentence, a small count with
  another noun).

Everything is done with regular expressions compiled at import: one scan for
digits, one for number words (per script present), then anchored matches
around each candidate; no date parser and no per-call compilation.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from foothold.model import Quantity

__all__ = ["UNITS", "find_quantities"]

logger = logging.getLogger(__name__)

UNITS = frozenset(
    {
        "person",
        "usd",
        "rub",
        "krw",
        "usd_per_month",
        "usd_per_hour",
        "rub_per_month",
        "percent",
        "vehicle",
        "device",
        "unit",
        "km",
        "m",
    }
)

# ---------------------------------------------------------------------------
# Number words
# ---------------------------------------------------------------------------

_EN_SMALL = {
    "zero": 0,
    "one": 1,
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_MULT = {"hundred": 100, "dozen": 12}
_EN_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}

_RU_SMALL: dict[str, float] = {}
for _forms, _v in (
    ("один одна одно одного одной одному одним", 1),
    ("полтора полторы полутора", 1.5),
    ("два две двух двум двумя", 2),
    ("три трёх трех трём трем тремя", 3),
    ("четыре четырёх четырех четырём четырем четырьмя", 4),
    ("пять пяти пятью", 5),
    ("шесть шести шестью", 6),
    ("семь семи семью", 7),
    ("восемь восьми восемью", 8),
    ("девять девяти девятью", 9),
    ("десять десяти десятью", 10),
    ("одиннадцать одиннадцати", 11),
    ("двенадцать двенадцати", 12),
    ("тринадцать тринадцати", 13),
    ("четырнадцать четырнадцати", 14),
    ("пятнадцать пятнадцати", 15),
    ("шестнадцать шестнадцати", 16),
    ("семнадцать семнадцати", 17),
    ("восемнадцать восемнадцати", 18),
    ("девятнадцать девятнадцати", 19),
    ("двадцать двадцати", 20),
    ("тридцать тридцати", 30),
    ("сорок сорока", 40),
    ("пятьдесят пятидесяти", 50),
    ("шестьдесят шестидесяти", 60),
    ("семьдесят семидесяти", 70),
    ("восемьдесят восьмидесяти", 80),
    ("девяносто девяноста", 90),
    ("сто ста", 100),
    ("двести двухсот", 200),
    ("триста трехсот трёхсот", 300),
    ("четыреста четырехсот четырёхсот", 400),
    ("пятьсот пятисот", 500),
    ("шестьсот шестисот", 600),
    ("семьсот семисот", 700),
    ("восемьсот восьмисот", 800),
    ("девятьсот девятисот", 900),
):
    for _f in _forms.split():
        _RU_SMALL[_f] = _v
_RU_COLLECTIVE = {
    "двое": 2,
    "трое": 3,
    "четверо": 4,
    "пятеро": 5,
    "шестеро": 6,
    "семеро": 7,
    "восьмеро": 8,
    "девятеро": 9,
    "десятеро": 10,
    "двоих": 2,
    "троих": 3,
    "четверых": 4,
    "пятерых": 5,
    "шестерых": 6,
}
_RU_SCALE_WORDS = {
    "тысяча": 1_000,
    "тысячи": 1_000,
    "тысяч": 1_000,
    "тысячу": 1_000,
    "тысячам": 1_000,
    "тысячами": 1_000,
    "тысячах": 1_000,
    "тысячей": 1_000,
    "миллион": 10**6,
    "миллиона": 10**6,
    "миллионов": 10**6,
    "миллионам": 10**6,
    "миллиард": 10**9,
    "миллиарда": 10**9,
    "миллиардов": 10**9,
}

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_KO_NATIVE = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "스무": 20,
    "스물": 20,
}
_CJK_SCALE = {
    "십": 10,
    "백": 100,
    "천": 1000,
    "만": 10_000,
    "억": 10**8,
    "조": 10**12,
    "十": 10,
    "百": 100,
    "千": 1000,
    "万": 10_000,
    "萬": 10_000,
    "亿": 10**8,
    "億": 10**8,
}
_CJK_BIG = {"만", "억", "조", "万", "萬", "亿", "億"}


def _alt(words, any_case_first: bool = False) -> str:
    """A regex alternation of ``words`` as a trie, so the engine branches on one character at a time."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, top: bool = False) -> str:
        ends = "" in node
        branches = [
            (
                f"[{ch}{ch.upper()}]"
                if top and any_case_first and ch.upper() != ch
                else re.escape(ch)
            )
            + build(sub)
            for ch, sub in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie, top=True)


_EN_WORD = _alt(list(_EN_SMALL) + list(_EN_MULT) + list(_EN_SCALE), any_case_first=True)
_RU_WORD = _alt(list(_RU_SMALL) + list(_RU_SCALE_WORDS), any_case_first=True)
_RU_COLLECTIVE_WORD = _alt(list(_RU_COLLECTIVE), any_case_first=True)

# One scan finds every candidate number.  Group names tell the kinds apart.
# Every branch starts with a character class so the engine can skip ahead;
# left boundaries (no letter or digit before the number) are checked in Python.
_DIGITS_FAST = re.compile(r"\d+(?:[,\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d+)?")
_DIGITS_STRICT = re.compile(
    r"(?:\d{1,3}(?:(?:,\d{3})+|(?:[ \u00a0\u202f]\d{3})+)(?!\d)|\d+)(?:[.,]\d+(?![\d,]\d))?"
)
_CAND_EN = re.compile(
    r"\b(?P<en>(?:[Aa]n?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:" + _EN_WORD + r")"
    r"(?:(?:\s+and\s+|[\s-]+)(?:" + _EN_WORD + r"))*\b)"
)
_CAND_RU = re.compile(
    r"\b(?:(?P<ru>(?:" + _RU_WORD + r")(?:\s+(?:" + _RU_WORD + r"))*(?![\w-]))"
    r"|(?P<rucoll>(?:" + _RU_COLLECTIVE_WORD + r")(?![\w-])))"
)
_CAND_ZH = re.compile(
    r"(?P<zhpct>百分之(?:[零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?))"
    r"|(?P<zh>[零〇一二两三四五六七八九十百千万亿]+(?=[多余]?(?:名|人|位|辆|部|台|个|家|座|项|份|件|批|艘|架|枚|发|公里|千米|米|美元|卢布|韩元)))"
)
_CAND_KO = re.compile(
    r"(?P<ko>(?:다섯|여섯|일곱|여덟|아홉|스무|스물|한|두|세|네|열)(?=\s?(?:명|대|개|곳|척)))"
)
_HAS_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAS_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(slots=True)
class _Match:
    """A candidate number: its span, kind (``digits``, ``en``, ``ru``, ``zh``, ``zhpct``, ``ko``) and text."""

    start: int
    end: int
    lastgroup: str
    raw: str

    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def group(self) -> str:
        return self.raw


def _candidates(text: str) -> list[_Match]:
    """Candidate numbers in text order: digits always, number words by script present."""
    found: list[_Match] = []
    pos = 0
    for m in _DIGITS_FAST.finditer(text):
        if m.start() < pos:
            continue
        sm = _DIGITS_STRICT.match(text, m.start())
        if sm is None:  # pragma: no cover - the strict pattern matches any digit
            continue
        found.append(_Match(sm.start(), sm.end(), "digits", sm.group()))
        pos = sm.end()
    scanners = [_CAND_EN]
    if _HAS_CYRILLIC.search(text):
        scanners.append(_CAND_RU)
    if _HAS_HAN.search(text):
        scanners.append(_CAND_ZH)
    if _HAS_HANGUL.search(text):
        scanners.append(_CAND_KO)
    for scanner in scanners:
        for m in scanner.finditer(text):
            kind = m.lastgroup or ""
            found.append(_Match(m.start(kind), m.end(kind), kind, m.group(kind)))
    if len(scanners) > 1 or len(found) > 1:
        found.sort(key=lambda c: c.start)
    return found


_BAD_LEFT = {
    "digits": re.compile(r"[A-Za-z0-9_.,/:\u0400-\u04FF]"),
    "en": re.compile(r"[A-Za-z0-9_\u0400-\u04FF]"),
    "ru": re.compile(r"[\w-]"),
    "rucoll": re.compile(r"[\w-]"),
    "ko": re.compile(r"[가-힣]"),
}

# ---------------------------------------------------------------------------
# Context patterns (anchored at the candidate's ends)
# ---------------------------------------------------------------------------

_MONTHS_RU = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]\w*|июн\w*|июл\w*|август\w*|"
    r"сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
)

_MONTHS_EN_CAP = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC"
)
# English month names must be capitalised ("5,000 may be sent" is not a date).
_R_DATE_AFTER = re.compile(
    r"(?:\s+|\s*-\s*)(?:" + _MONTHS_EN_CAP + r"|(?i:" + _MONTHS_RU + r"))\b\.?"
    r"|\s?(?:년|월|일(?![가-힣])|年|月|日|号|號)"
)
_R_DATE_BEFORE = re.compile(r"\b(?:" + _MONTHS_EN_CAP + r")\.?\s+$")
_R_ORDINAL = re.compile(
    r"(?:st|nd|rd|th)\b|-?(?:й|го|е|я|ого|ий|ой|ая|ое|ым|ом)\b(?<=\w)|\s?(?:번째|차(?![가-힣])|위(?![가-힣])|회(?![가-힣])|届|次|倍)",
    re.IGNORECASE,
)
_R_TIME_AFTER = re.compile(
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hrs\b|h\b(?!\w)|утра\b|ночи\b|вечера\b|ч\.)|:\d\d|\s?(?:시(?![가-힣])|분(?![가-힣])|초(?![가-힣])|点|时|分钟)",
    re.IGNORECASE,
)
_R_ATTACHED_LATIN = re.compile(r"[A-Za-z]+")
_ATTACHED_UNITS = frozenset({"k", "m", "bn", "b", "mn", "mln", "bln", "tn", "km", "pc", "pct"})
#: hyphenated compounds that still count or measure: "a 5,000-strong contingent",
#: "an eight-member panel", "an 850-metre bridge", "a 2.4-km road"
_R_HYPHEN_STRONG = re.compile(
    r"[-‑](strong|member|met(?:re|er)s?|kilomet(?:re|er)s?|km)\b", re.IGNORECASE
)
_HYPHEN_UNITS = {"strong": "person", "member": "person", "km": "km"}
#: "one kilometre": the number one counts when a length unit follows
_R_ONE_LENGTH = re.compile(r"\s+(?:kilomet(?:re|er)|met(?:re|er)|km)\b", re.IGNORECASE)
_R_VOTES_AFTER = re.compile(
    r"\s+(?:in\s+favou?r|votes?\s+(?:for|against|in\s+favou?r)|за\b|против\b)", re.IGNORECASE
)
_R_MULT_AFTER = re.compile(r"\s*(?:x\b|×|-?fold\b|\+(?!\d)|\s?배(?![가-힣])|倍)", re.IGNORECASE)
_ID_WORDS = frozenset(
    "resolution resolutions article art no nos number section chapter paragraph clause item flight "
    "route model page pages room phase stage level grade code version v type block building highway "
    "road line platform gate pier terminal district zone lot case report age aged ages tier category "
    "class series index decree order law bill act annex appendix table figure fig views view "
    "pageviews reads comments comment likes shares reposts replies rating".split()
)
_R_ID_WORD_RU = re.compile(
    r"(?:резолюци\w*|стать(?:я|и|е|ю|ей)|пункт\w*|закон(?:а|е|ом)?|рейс\w*|постановлени\w*|"
    r"указ(?:а|ом|е)?|приказ(?:а|ом|е)?|номер\w*|возраст\w*|глав(?:а|ы|е|ой)|№|просмотр\w*|"
    r"комментари\w*|лайк\w*|репост\w*|조회수?|댓글|阅读|浏览|评论|点赞)",
    re.IGNORECASE,
)


_R_ID_LIST_BEFORE = re.compile(
    r"\b(?:resolutions?|articles?|sections?|paragraphs?|резолюци\w*|стать\w*|пункт\w*)\s+(?:№\s*)?"
    r"\d+(?:\s*(?:,|and|or|и|или)\s*\d+)*\s*(?:,|and|or|и|или)\s*$",
    re.IGNORECASE,
)


def _is_identifier(before: str) -> bool:
    """True when the text before a number makes it an identifier or label.

    "resolution 2397", "Article 5", "No. 3", "#2", "Shahed-136", "COVID-19",
    "aged 45", "резолюция 2397", "제11차", "第11届".
    """
    if not before:
        return False
    last = before[-1]
    if last in "#№第제$€£¥₩₽" and last not in "$€£¥₩₽":
        return True
    if last in "-‑" and len(before) >= 2 and before[-2].isalpha():
        return True
    r = before[-24:].rstrip()
    if not r:
        return False
    if r[-1] in "#№제":
        return True
    words = r.split()
    w = words[-1].lower().rstrip(".:")
    if w in _ID_WORDS or _R_ID_WORD_RU.fullmatch(w):
        return True
    if w in ("and", "or", "и", "или") or r[-1] == ",":
        # the rest of a list of identifiers: "resolutions 2270, 2321 and 2375"
        if _R_ID_LIST_BEFORE.search(before[-80:]):
            return True
    return w == "of" and len(words) > 1 and words[-2].lower() == "age"


_R_OTHER_CURRENCY_BEFORE = re.compile(
    r"(?:€|£|¥|CN¥|RMB\s?|CNY\s?|EUR\s?|GBP\s?|JPY\s?|(?<![A-Z])(?!US)[A-Z]{1,2}\$)\s?$"
)
_R_STRIP_CURRENCY = re.compile(r"(?:US\s?\$|U\.S\.\s?\$|USD\s?|\$|₩|KRW\s?|₽|RUB\s?)\s?$")
_R_USD_BEFORE = re.compile(r"(?:US\s?\$|U\.S\.\s?\$|USD\s?|\$)\s?$")
_R_KRW_BEFORE = re.compile(r"(?:₩|KRW\s?)\s?$")
_R_RUB_BEFORE = re.compile(r"(?:₽|RUB\s?|руб\.\s?)\s?$")

_R_SCALE_EN = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.IGNORECASE)
_R_SCALE_ABBR = re.compile(
    r"\s?(k|m|mn|mln|bn|b|bln|tn)\b(?!\s*(?:high|long|wide|deep))", re.IGNORECASE
)
_R_SCALE_RU = re.compile(
    r"\s*(тыс\.|тыс\b|тысяч(?:ами|ах|ам|ей|а|и|у|е)?\b|млн\.?|миллион\w*|млрд\.?|миллиард\w*|трлн\.?|триллион\w*)",
    re.IGNORECASE,
)
_SCALE_VALUES = {
    "thousand": 1_000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "k": 1_000,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "bn": 10**9,
    "b": 10**9,
    "bln": 10**9,
    "tn": 10**12,
}
_R_CJK_SCALE = re.compile(r"\s?([십백천만억조十百千万萬亿億])")
_R_CJK_CONT = re.compile(r"\s(\d+(?:\.\d+)?)(?=\s?[십백천만억十百千万亿])")
_R_CJK_DIGITS_NEXT = re.compile(r"(\d+(?:\.\d+)?)")

_R_RANGE = re.compile(
    r"\s*(?:-|‑|–|—|to|or|and|и|или|до|~|∼|～|〜|至|到)\s*(?=(?:US\s?\$|\$|₩|₽)?\s?\d|"
    r"(?:" + _EN_WORD + r")\b)",
    re.IGNORECASE,
)

_R_PERCENT = re.compile(
    r"\s*(?:%|％|per\s?cent\b|pct\b|pc\b|percentage points?\b|процент\w*|п\.\s?п\.|퍼센트|프로(?![가-힣]))",
    re.IGNORECASE,
)
_R_CURRENCY_AFTER = re.compile(
    r"\s*(?:(?P<usd>(?:US|U\.S\.|American)\s+dollars?\b|dollars?\b|USD\b|US\$|доллар\w*|долл\.|\$|달러|美元|美金)"
    r"|(?P<rub>roubles?\b|rubles?\b|RUB\b|₽|руб\.|рубл\w*|루블|卢布)"
    r"|(?P<krw>won\b|KRW\b|₩|вон\b|원(?![자전칙인래조고장작본산유활형료수룸격정심만]|가(?!량))|韩元|韩币|韓元)"
    r"|(?P<other>euros?\b|yuan\b|yen\b|pounds?\b|renminbi\b|rupees?\b|dinars?\b|евро\b|юан\w*|иен\w*|유로|위안|엔(?![가-힣])|欧元|元|日元|英镑))",
    re.IGNORECASE,
)
_R_PERIOD_AFTER = re.compile(
    r"\s*(?:(?:a|an|per|each|every)\s+(?P<m1>month)\b|/\s*(?P<m2>month|mo)\b|(?P<m3>monthly)\b|"
    r"(?:в|за)\s+(?P<m4>месяц)\b|(?P<m5>ежемесячно)|"
    r"(?:a|an|per|each|every)\s+(?P<h1>hour)\b|/\s*(?P<h2>hour|hr|h)\b|(?P<h3>hourly)\b|в\s+(?P<h4>час)\b)",
    re.IGNORECASE,
)
_R_PERIOD_BEFORE = re.compile(
    r"(?:(?P<m>\bmonthly\s+(?:wages?|salar(?:y|ies)|pay|income|earnings)(?:\s+(?:of|at|is|was|were|averag\w+|"
    r"reached|about|around|roughly|some|up\s+to|of\s+about|of\s+around)){0,3}\s*[^\w\s]{0,2}\s*|"
    r"(?:ежемесячн\w*|в\s+месяц|(?<![\d\s])\s?월(?:급|평균|\s평균)?|(?<!\d)월|매달|매월|한\s?달(?:에)?|"
    r"每月|每个月|月薪|月工资|月收入|月均)[^\d.!?。;；]{0,8})"
    r"|(?P<h>\bhourly\s+(?:wages?|rates?|pay)(?:\s+(?:of|at|is|was|about|around)){0,2}\s*|"
    r"(?:в\s+час|почасов\w*|시간당|시급|每小时|时薪)[^\d.!?。;；]{0,8}))$",
    re.IGNORECASE,
)
_APPROX_PHRASES = frozenset(
    "about around roughly nearly almost approximately approx. some over under estimated ~ "
    "около почти примерно приблизительно более свыше до порядка менее больше меньше около~ 약 최대".split()
) | frozenset(
    {
        "up to",
        "as many as",
        "as much as",
        "more than",
        "at least",
        "at most",
        "fewer than",
        "less than",
        "close to",
        "an estimated",
        "upwards of",
        "just over",
        "just under",
        "well over",
        "some estimated",
        "не менее",
        "не более",
        "не меньше",
        "не больше",
        "по оценкам",
    }
)
_APPROX_CJK_SUFFIXES = (
    "约",
    "近",
    "大约",
    "超过",
    "逾",
    "将近",
    "接近",
    "至少",
    "约有",
    "~",
    "≈",
    "≥",
    ">",
)
_CURRENCY_TOKENS = frozenset({"$", "us$", "u.s.$", "usd", "₩", "krw", "₽", "rub", "руб."})


_R_APPROX_SPLIT = re.compile(r"[\s(（\[«\"“]+")


def _approx_before(before: str) -> bool:
    """True when "about", "up to", "около", "약", "约"... (or ~, >) comes right before the number."""
    words = [w for w in _R_APPROX_SPLIT.split(before[-30:]) if w]
    while words and words[-1].lower() in _CURRENCY_TOKENS:
        words.pop()
    if not words:
        return False
    last = words[-1].lower()
    if last.endswith(("$", "₩", "₽")):
        last = last.rstrip("$₩₽").removesuffix("us")
        if not last:
            words.pop()
            if not words:
                return False
            last = words[-1].lower()
    last = last.lstrip("([«\"'“")
    if len(last) > 1 and last[-1] in "~〜～" and last[-2].isdigit():
        return False  # "100~200": a range, not an approximation
    if last in _APPROX_PHRASES or last.endswith(_APPROX_CJK_SUFFIXES):
        return True
    if len(words) >= 2 and f"{words[-2].lower()} {last}" in _APPROX_PHRASES:
        return True
    return len(words) >= 3 and f"{words[-3].lower()} {words[-2].lower()} {last}" in _APPROX_PHRASES


_R_APPROX_AFTER = re.compile(
    r"\s?(?:여|가량|이상|정도|多|余|左右|以上|\+)|\s+or\s+(?:so|more)\b", re.IGNORECASE
)

_R_YEAR_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|of|from|until|till|to|year|early|late|mid|end|before|after|during|through|"
    r"в|с|до|от|к|по|году|года)|[-–])\s*$",
    re.IGNORECASE,
)
_R_YEAR_RANGE_TAIL = re.compile(r"(?:19|20)\d\d\s*[-–—/]\s*$")
_R_THE_BEFORE = re.compile(
    r"\b(?:the|these|those|both|its|their|his|her|our|all|every|each|this|that|эти|этих|оба|обе)\s+$",
    re.IGNORECASE,
)

_R_EN_TOKEN = re.compile(
    r"[ \t\u00a0]*([A-Za-z][A-Za-z'’]*(?:[-‑][A-Za-z]+)*|[\u0400-\u04FF]+(?:-[\u0400-\u04FF]+)*|[^\s])"
)

# Korean and Chinese counters / nouns right after the number.
_R_KO_COUNTER = re.compile(
    r"\s?(?:여|가량|여\s)?\s?(?P<c>명|대(?![학표통사규책상응회한비신체륙외부량북전])|개국|개사|개(?![발선혁인편정최방막념월])|곳|건(?![설강물의])|척|킬로미터|km|미터)",
)
_R_ZH_COUNTER = re.compile(
    r"\s?(?:[多余])?(?P<c>万人|名|人|位|辆|部|台|个国家|个(?!月|小时|星期|工作日)|家|座|项|份|件|批|艘|架|枚|发(?![展生现布表出动起言])|公里|千米|米(?![饭]))"
)
_R_CJK_BLOCK = re.compile(
    r"\s?(?:년|월|일|시간|시|분|초|개월|주(?:일|간)?|세|살|배|톤|배럴|차|번|회|위|年|月|日|号|天|小时|分钟|岁|倍|次|届|吨|桶|周|个月|星期)"
)

# Nouns (English, lower case) -> unit.
_EN_NOUNS: dict[str, str] = {}
for _unit, _words in (
    (
        "person",
        "people persons person workers worker labourers labourer laborers laborer builders builder "
        "students student troops soldiers soldier deminers deminer sappers sapper specialists "
        "specialist personnel citizens citizen nationals national koreans korean russians "
        "entries arrivals migrants migrant employees employee staff staffers engineers engineer "
        "technicians programmers developers hackers hacker men women children residents tourists "
        "visitors delegates officials experts recruits conscripts servicemen fighters crew "
        "prisoners defectors refugees trainees apprentices volunteers casualties labour labor "
        "individuals nurses doctors teachers cooks seamen sailors fishermen loggers miners "
        "operatives agents guards diplomats members researchers scientists coders "
        "military-workers contractors mercenaries applicants graduates boys girls adults "
        "north-koreans dead wounded killed injured pupils cadets officers welders carpenters "
        "plasterers painters electricians plumbers drivers fitters masons bricklayers farmers "
        "seafarers crewmen passengers travellers travelers expatriates emigrants immigrants "
        "guest-workers labor-migrants labourer-migrants job-seekers jobseekers physicians "
        "medics athletes performers artists interns mechanics machinists operators loaders "
        "porters cleaners waiters chefs lumberjacks woodcutters shipbuilders steelworkers "
        "assemblers craftsmen tradesmen hands trainers instructors advisers advisors "
        "professionals managers executives clerks accountants analysts inspectors "
        "nationals soldiers infantrymen marines sailors pilots gunners snipers deserters "
        "detainees inmates convicts asylum-seekers escapees survivors victims hostages "
        "participants attendees spectators fans voters delegates lawmakers deputies "
        "persons individuals respondents residents civilians journalists hires escapees leaders",
    ),
    (
        "vehicle",
        "cars car vehicles vehicle trucks truck lorries buses automobiles automobile sedans suvs "
        "vans minibuses tractors crossovers pickups motorcycles",
    ),
    (
        "device",
        "phones phone smartphones smartphone handsets handset devices device tablets laptops "
        "gadgets mobiles",
    ),
    (
        "unit",
        "permits permit containers container plants plant factories factory firms firm companies "
        "company countries country visas visa contracts contract projects project enterprises "
        "enterprise ventures shipments rounds shells drones missiles votes sites ships vessels "
        "wagons aircraft licences licenses applications agreements deals items units branches "
        "stores shops outlets dealerships models brands routes flights trains railcars "
        "joint-ventures subsidiaries banks accounts entities individuals-sanctioned cases "
        "documents memorials bridges buildings homes apartments flats houses schools hospitals "
        "universities programmes programs warships tanks artillery rockets launchers weapons "
        "doses tons-of sanctions designations states nations member-states",
    ),
    ("km", "km kilometres kilometers kilometre kilometer"),
    ("m", "m metres meters metre meter"),
):
    for _w in _words.split():
        _EN_NOUNS[_w] = _unit
_EN_NOUNS.pop("tons-of", None)
_EN_NOUNS.pop("individuals-sanctioned", None)

_EN_BLOCK = frozenset(
    "years year months month days day weeks week hours hour minutes minute seconds second decades "
    "decade centuries century nights night times time fold barrels barrel tonnes tonne tons ton "
    "kg kilograms grams miles mile acres hectares litres liters gallons sq square cubic mw gw kw "
    "kwh mwh euros euro yuan yen pounds pound rupees percent per cent seasons season episodes shifts shift "
    "sessions session a.m. p.m. am pm o'clock bcm cubic-metres degrees years-old aged".split()
)
_EN_ED_MODIFIERS = frozenset(
    "skilled unskilled semi-skilled trained qualified armed registered licensed dedicated specialised "
    "specialized experienced detained displaced employed unemployed deployed stranded dispatched "
    "needed required added".split()
)
_EN_VERBS = frozenset(
    "may might could would will should can must remain remains work works live lives came went left "
    "stay stayed arrive arrive operate operates".split()
)
_RU_ADJ_ENDINGS = ("ских", "ские", "ский", "ской", "ского", "скому", "скими", "ких", "ные", "ных")
_EN_STOP = frozenset(
    "a an the to in on at by for from with and or but nor who whom which that were was is are be been "
    "being had has have will would could should may might must can said says say per each every this "
    "these those its their his her our my your than as into over under last next about around "
    "while when where after before since until till during against among between through across "
    "had been not also already still just only even it they he she we there here then so if "
    "because whether what how why whose whereas though although did do does up down off out "
    "в на за из с к по о об и а но что как до от у для при со во без под над через между или ли же "
    "уже ещё еще лишь только это этот эти тот те которые который которых которая был была были было".split()
)

_RU_NOUN_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), u)
    for p, u in (
        (
            r"^(?:человек\w*|граждан\w*|северокоре\w*|корейц\w*|кореец|рабоч(?:их|ий|его|им|ими)|строител\w*|"
            r"студент\w*|военнослужащ\w*|военн(?:ых|ый|ого)|солдат\w*|сап[её]р\w*|специалист\w*|работник\w*|"
            r"трудящ\w*|мигрант\w*|сотрудник\w*|инженер\w*|программист\w*|бойц\w*|боец|въезд\w*|жител\w*|"
            r"турист\w*|хакер\w*|военных|сапер\w*|разминир\w*|трудовых\s*мигрантов|персонал\w*|"
            r"работниц\w*|учащ\w*|курсант\w*|прибывш\w*|иностранц\w*|россиян\w*|мужчин\w*|женщин\w*|детей|"
            r"пленн\w*|военнопленн\w*|добровольц\w*|наемник\w*|наёмник\w*|IT-специалист\w*|"
            r"пассажир\w*|служащ\w*|пограничник\w*|лесоруб\w*|дипломат\w*|делегат\w*|чиновник\w*|"
            r"эксперт\w*|беженц\w*|заключ[её]нн\w*|погибш\w*|ранен\w*|участник\w*|жертв|сотрудниц\w*|"
            r"нелегал\w*|гастарбайтер\w*|вахтовик\w*|медик\w*|врач\w*|водител\w*|сварщик\w*)$",
            "person",
        ),
        (
            r"^(?:автомобил\w*|машин[аы]?|грузовик\w*|автобус\w*|средств|автомашин\w*|легковушек|иномарок)$",
            "vehicle",
        ),
        (r"^(?:смартфон\w*|телефон\w*|устройств\w*|гаджет\w*|планшет\w*|аппарат\w*)$", "device"),
        (
            r"^(?:разрешени\w*|контейнер\w*|завод\w*|предприяти\w*|компани\w*|фирм\w*|стран\w*|виз[аы]?|"
            r"контракт\w*|проект\w*|патент\w*|вагон\w*|суд(?:ов|на|но)|корабл\w*|снаряд\w*|ракет\w*|дрон\w*|"
            r"беспилотник\w*|соглашени\w*|договор\w*|объект\w*|магазин\w*|филиал\w*|бренд\w*|марок|"
            r"санкци\w*|рейс\w*|поезд\w*|заявлени\w*|заявок|заявки|мемориал\w*|мост\w*|здани\w*|дом\w*|"
            r"школ\w*|больниц\w*|вуз\w*|университет\w*|танк\w*|орудий|единиц\w*)$",
            "unit",
        ),
        (r"^(?:км|километр\w*)$", "km"),
        (r"^(?:м|метр\w*)$", "m"),
    )
)
_R_RU_BLOCK = re.compile(
    r"^(?:год\w*|лет|месяц\w*|дн\w*|день|сут\w*|недел\w*|час\w*|минут\w*|секунд\w*|раз|раза|тонн\w*|"
    r"баррел\w*|кубометр\w*|гектар\w*|км²|кв|килограмм\w*|кг|евро|юан\w*|иен\w*|лет\w*|век\w*|"
    r"квартал\w*|полугоди\w*|сезон\w*|заседани\w*|сесси\w*|созыв\w*)$",
    re.IGNORECASE,
)

_R_RU_EARLIER = re.compile(r"\s+(?:ранее|раньше|позже|позднее|назад)\b", re.IGNORECASE)
_R_NUMBER_OF = re.compile(
    r"\b(?:number|numbers|total|count|tally|influx|flow)\s+of\b[^.;]{0,60}?\b(?:workers|labourers|laborers|"
    r"people|north\s+koreans|students|entries|arrivals|troops|soldiers|citizens|migrants|visitors|tourists|"
    r"builders|personnel)\b|\b(?:числ\w*|количеств\w*|поток\w*)\s+(?:\w+\s+){0,3}(?:граждан|рабочих|"
    r"северокорейцев|въездов|студентов|мигрантов|работников|человек)",
    re.IGNORECASE,
)
_R_BARE_NEXT = re.compile(
    r"\s*(?:$|[,.;:)\]—–!?»”\"]|\b(?:in|a|an|at|on|by|from|and|or|but|last|this|that|per|each|were|was|"
    r"had|have|are|is|of|more|less|during|since|after|before|a\s+year|versus|vs|against|compared|"
    r"may|might|could|would|will|should|can|must|came|went|left|remain|remained|stay|stayed|work|"
    r"[a-z]+ed|в|на|за|и|а|из\s+них|против|по\s+сравнению|уже|ещё|еще|"
    r"[а-яё]+(?:ли|ло|ла|ны|ты|ют|ят|ет|ит|ут|ал|ил|ся|сь))\b)",
    re.IGNORECASE,
)
_R_PEOPLE_BEFORE = re.compile(
    r"\b(?:workers|labourers|laborers|north\s+koreans|citizens|nationals|entries|arrivals|students|troops|"
    r"soldiers|migrants|builders|personnel|people|граждан\w*|рабочи[хм]|въезд\w*|северокорейц\w*|"
    r"студент\w*|мигрант\w*)\b",
    re.IGNORECASE,
)
_R_REFERS_BACK = re.compile(
    r"\b(?:их|они|them|they|their|for\s+comparison|compared\s+with|compared\s+to|для\s+сравнения|"
    r"по\s+сравнению|против|versus)\b",
    re.IGNORECASE,
)
_R_VERB_NEXT = re.compile(r"\s+(?:[a-z]+ed|were|was|had|have|are|is)\b")
_R_LABEL_BEFORE = re.compile(
    r"(?:^|[:;,(]\s*|—\s*)[^\W\d_][\w-]{2,}(?:\s+[^\W\d_][\w-]*)?\s*[:—–-]?\s*$"
)
_R_LIST_AFTER = re.compile(r"\s*[,;]\s*[^\W\d_]{3,}\s*[:—–-]?\s*\d")
_NOT_INHERITED = frozenset(
    {"percent", "usd", "rub", "krw", "usd_per_month", "usd_per_hour", "rub_per_month"}
)
_R_SENTENCE_END = re.compile(r"[.!?\n。！？]")
_R_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:\"“«(]\s*|\n\s*)$")
_R_ONE_IN_BEFORE = re.compile(r"\b(?:one|1)\s+(?:in|of)\s+$", re.IGNORECASE)
_R_KO_DATE_AFTER = re.compile(r"\s?(?:년|월|일)")
_R_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
_R_WON_VERB = re.compile(r"\s*won\s+(?:the|a|an|his|her|their|its|\d)", re.IGNORECASE)
_R_CJK_CHAR = re.compile(r"\s?[\u3131-\ud7a3\u4e00-\u9fff]")
_R_DIRECTION = re.compile(
    r"\s*\b(fell|fall|falling|dropped|drop|dropping|declined|decline|down|lower|decrease[ds]?|shrank|slid|"
    r"rose|rise|rising|up|increased?|grew|growth|higher|jumped|climbed|снизил\w*|сократил\w*|упал\w*|"
    r"вырос\w*|увеличил\w*)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    value: float
    kind: str  # digits / word
    unit: str | None = None
    noun: str = ""
    scaled: bool = False
    scale: float = 1.0
    bare: bool = False
    range_next: bool = False
    approximate: bool = False
    the_before: bool = False
    rejected: bool = False
    sentence: int = 0


def _parse_digits(raw: str, language: str, scale_follows: bool) -> float | None:
    s = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if "," in s and "." in s:
        s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        groups_of_three = all(len(p) == 3 for p in parts[1:])
        if groups_of_three and not (language == "ru" and len(parts) == 2 and scale_follows):
            s = s.replace(",", "")
        elif len(parts) == 2:
            s = parts[0] + "." + parts[1]
        else:
            return None
    try:
        return float(Decimal(s))
    except InvalidOperation:
        return None


def _parse_en_words(raw: str) -> float | None:
    words = re.findall(r"[a-z]+", raw.lower())
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("a", "an"):
            current = 1
            continue
        if w == "and":
            continue
        if w in _EN_SMALL:
            current += _EN_SMALL[w]
            seen = True
        elif w in _EN_MULT:
            current = (current or 1) * _EN_MULT[w]
            seen = True
        elif w in _EN_SCALE:
            total += (current or 1) * _EN_SCALE[w]
            current = 0
            seen = True
    return total + current if seen else None


def _parse_ru_words(raw: str) -> float | None:
    total = 0.0
    current = 0.0
    for w in raw.lower().split():
        if w in _RU_SMALL:
            current += _RU_SMALL[w]
        elif w in _RU_SCALE_WORDS:
            total += (current or 1) * _RU_SCALE_WORDS[w]
            current = 0
    return total + current


def _parse_zh(raw: str) -> float | None:
    total = 0.0
    section = 0.0
    digit = 0.0
    for ch in raw:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_SMALL_UNITS:
            section += (digit or 1) * _ZH_SMALL_UNITS[ch]
            digit = 0
        elif ch in _ZH_BIG_UNITS:
            total += (section + digit or 1) * _ZH_BIG_UNITS[ch]
            section = 0
            digit = 0
        elif ch == "点":
            return None
    return total + section + digit


_CJK_NOT_SCALE_NEXT = {
    "만": "나큼약",
    "천": "연재",
    "조": "선사치직정건",
    "억": "제울",
    "백": "신화",
    "십": "자",
}


def _cjk_tail(text: str, pos: int, first: float) -> tuple[float, int, bool]:
    """Apply Korean/Chinese scale characters after a number.

    "1만5천" is 15000, "1만3221" 13221, "2천870억" 287000000000, "287억" 28700000000,
    "1.5万" 15000.  Returns (value, end offset, whether any scale was applied).
    """
    total = 0.0
    section = 0.0
    current = first
    scaled = False
    while True:
        m = _R_CJK_SCALE.match(text, pos)
        if not m:
            break
        ch = m.group(1)
        nxt = text[m.end() : m.end() + 1]
        if nxt and nxt in _CJK_NOT_SCALE_NEXT.get(ch, ""):
            break  # a word, not a scale: "만나", "천연", "조선"
        mult = _CJK_SCALE[ch]
        scaled = True
        pos = m.end()
        if ch in _CJK_BIG:
            total += ((section + current) or 1) * mult
            section = current = 0.0
        else:
            section += (current or 1) * mult
            current = 0.0
        d = _R_CJK_DIGITS_NEXT.match(text, pos)
        if d:
            current = float(d.group(1))
            pos = d.end()
        else:
            d = _R_CJK_CONT.match(text, pos)
            if d:
                current = float(d.group(1))
                pos = d.end()
    return total + section + current, pos, scaled


def _sentence_span(bounds: list[int], index: int, length: int) -> tuple[int, int]:
    """Start and end offsets of sentence number ``index`` (see :func:`_sentence_index`)."""
    lo = bounds[index - 1] if index > 0 else 0
    hi = bounds[index] if index < len(bounds) else length
    return lo, hi


def _sentence_index(text: str) -> list[int]:
    """Offsets where sentences start: after . ! ? followed by space and a non-lowercase
    character, after 。！？, and after line breaks."""
    out: list[int] = []
    n = len(text)
    for m in _R_SENTENCE_END.finditer(text):
        ch = m.group()
        e = m.end()
        if ch in ".!?":
            while e < n and text[e] in "\"'”»)":
                e += 1
            if e >= n or not text[e].isspace():
                continue
            while e < n and text[e].isspace():
                e += 1
            if e < n and text[e].islower():
                continue
        elif ch == "\n":
            while e < n and text[e] == "\n":
                e += 1
        if out and out[-1] == e:
            continue
        out.append(e)
    return out


_MAX_TITLE = 300
_R_TWO_SENTENCES = re.compile(r"[.!?]\s+[A-ZА-ЯЁ]")


def find_quantities(text: str, language: str = "en") -> list[Quantity]:
    """Every quantity in ``text`` with a contract unit, in text order.

    Args:
        text: a document's text, the title, a blank line (``"\\n\\n"``) and the body;
            the part before the first blank line is the headline.
        language: ISO 639-1 code of the document (``en``, ``ru``, ``ko``, ``zh``...);
            it only settles ambiguous decimal commas ("2,500 млн"); the patterns
            of every supported language are always tried.

    Returns:
        :class:`~foothold.model.Quantity` objects with ``value`` (scales
        applied), ``unit`` (one of :data:`UNITS`), a short ``measure``,
        ``start``/``end`` character offsets into ``text`` and ``approximate``.
        A range gives two quantities; headline/body repeats are listed once.

    Never raises on odd input: an empty text gives an empty list.  The rules
    are those of ANNOTATION.md section 5 (see the module docstring).
    """
    if not text:
        return []
    title_end = text.find("\n\n")
    if (
        title_end < 0
        or title_end > _MAX_TITLE
        or "\n" in text[:title_end]
        or _R_TWO_SENTENCES.search(text, 0, title_end)
    ):
        title_end = 0  # no headline: the text starts with a paragraph of the body
    bounds = _sentence_index(text)
    cands: list[_Cand] = []
    consumed = 0
    for m in _candidates(text):
        if m.start < consumed:
            continue  # the scale or counter of the previous number ("3 тысячи", "1만5천")
        if m.start > 0:
            bad = _BAD_LEFT.get(m.lastgroup or "")
            if bad is not None and bad.match(text, m.start - 1):
                continue
        cand = _analyse(text, m, language)
        if cand is not None:
            cands.append(cand)
            consumed = cand.end
    _resolve(text, cands, bounds)
    out: list[Quantity] = []
    title_keys: set[tuple[float, str]] = set()
    body_seen: dict[tuple[float, str], list[tuple[int, str]]] = {}
    for c in cands:
        if c.rejected or c.unit is None:
            continue
        key = (round(c.value, 6), c.unit)
        if c.start < title_end:
            if key in title_keys:
                continue
            title_keys.add(key)
        else:
            if key in title_keys:
                continue
            prior = body_seen.get(key)
            if prior is not None and _is_repeat(c, prior):
                continue
            body_seen.setdefault(key, []).append((c.sentence, c.noun))
        out.append(
            Quantity(
                value=c.value,
                unit=c.unit,
                measure=_measure(text, c, *_sentence_span(bounds, c.sentence, len(text))),
                start=c.start,
                end=c.end,
                approximate=c.approximate,
            )
        )
    logger.debug("%d quantities from %d candidates", len(out), len(cands))
    return out


def _is_repeat(c: _Cand, prior: list[tuple[int, str]]) -> bool:
    """Whether a body quantity restates an earlier one with the same value and unit.

    Same sentence, or "the 6,000 ...": a restatement.  A percentage in another
    sentence is another measure ("up from 28%" / "down to 14% from 28%").  A
    large count or an amount of money in another sentence is a restatement
    ("6,000 workers" ... "6,000 North Korean builders"); a small count (under
    100) in another sentence with another counted noun is another measure.
    """
    if c.the_before or any(s == c.sentence for s, _ in prior):
        return True
    if c.unit == "percent":
        return False
    if c.value >= 100 or c.unit not in ("person", "vehicle", "device", "unit"):
        return True
    return any(not c.noun or n == c.noun for _, n in prior)


def _analyse(text: str, m: _Match, language: str) -> _Cand | None:
    """Value and unit of one candidate number, or None when it is not a quantity."""
    kind = m.lastgroup or "digits"
    start, end = m.span()
    raw = m.group()
    before = text[max(0, start - 80) : start]
    if kind == "digits":
        if _is_identifier(before) or _R_OTHER_CURRENCY_BEFORE.search(before[-6:]):
            return None
        if _R_YEAR_RANGE_TAIL.search(before[-8:]):
            return None
        if (
            text[end : end + 1] in "-‑"
            and text[end + 1 : end + 2].isalpha()
            and not _R_HYPHEN_STRONG.match(text, end)
        ):
            return None  # "12-hour", "5-year", "3-day": compound modifiers, not counts
        scale_follows = bool(_R_SCALE_RU.match(text, end) or _R_SCALE_EN.match(text, end))
        value = _parse_digits(raw, language, scale_follows)
        if value is None:
            return None
        plain = raw.isdigit()
        if _R_DATE_AFTER.match(text, end) or (
            _R_DATE_BEFORE.search(before[-12:]) and value <= 31 and plain
        ):
            return None
        if (
            _R_ORDINAL.match(text, end)
            or _R_TIME_AFTER.match(text, end)
            or _R_MULT_AFTER.match(text, end)
        ):
            return None
        attached = _R_ATTACHED_LATIN.match(text, end)
        if attached and attached.group().lower() not in _ATTACHED_UNITS:
            return None  # "5G", "3D", "4K", "737MAX": labels, not counts
    elif kind == "en":
        words = raw.lower().split()
        if raw[:1].isupper() and start > 0 and not _R_SENTENCE_START_BEFORE.search(before[-4:]):
            return None  # "Hanbit Nine", "Group of Seven": names
        value = _parse_en_words(raw)
        if value is None or (
            value < 2 and words[0] not in ("a", "an") and not _R_ONE_LENGTH.match(text, end)
        ):
            return None
        if words[0] in _EN_SCALE or words[0] in ("hundred",):
            return None
        if (value <= 2 and _R_THE_BEFORE.search(before[-10:])) or _R_ONE_IN_BEFORE.search(
            before[-10:]
        ):
            return None  # "the two countries", "one in five"; but "the six men" is a count
        if text[end : end + 1] in "-‑" and not _R_HYPHEN_STRONG.match(text, end):
            return None
        if _R_MULT_AFTER.match(text, end) or _R_ORDINAL.match(text, end):
            return None
    elif kind == "ru":
        value = _parse_ru_words(raw)
        if (
            not value
            or value < 2
            and value != 1.5
            and not any(w in _RU_SCALE_WORDS for w in raw.lower().split())
        ):
            return None
        if value <= 2 and _R_THE_BEFORE.search(before[-10:]):
            return None
    elif kind == "rucoll":
        # Collective numerals count people: "лишь трое" ("only three [people]").
        value = _RU_COLLECTIVE.get(raw.lower())
        if not value:
            return None
        cand = _Cand(start, end, float(value), "word", unit="person", noun=raw.lower())
        nxt = _R_EN_TOKEN.match(text, end)
        if nxt and nxt.group(1)[:1].isalpha():
            unit = next(
                (u for pat, u in _RU_NOUN_PATTERNS if pat.match(nxt.group(1).lower())), None
            )
            if unit is not None:
                cand.unit, cand.end = unit, nxt.end()
        cand.approximate = _approx_before(before)
        return cand
    elif kind == "zhpct":
        body = raw[3:]
        value = float(body) if body[:1].isdigit() else _parse_zh(body)
        if value is None:
            return None
        cand = _Cand(start, end, value, "word", unit="percent")
        cand.approximate = _approx_before(before)
        return cand
    elif kind == "zh":
        value = _parse_zh(raw)
        if value is None or value < 2 or (value == 2 and text[end : end + 1] == "人"):
            return None
    elif kind == "ko":
        value = _KO_NATIVE.get(raw)
        if not value or value < 2:
            return None
    else:  # pragma: no cover
        return None

    cand = _Cand(start, end, float(value), "digits" if kind == "digits" else "word")
    if kind == "en":
        last = raw.lower().split()[-1]
        if last in _EN_SCALE and value >= _EN_SCALE[last]:
            # "fifty thousand": scaled, so a range's near end takes the scale ("twenty to fifty thousand")
            cand.scaled, cand.scale = True, float(_EN_SCALE[last])
    pos = end
    currency: str | None = None
    if kind == "digits":
        for code, prefix in (
            ("usd", _R_USD_BEFORE),
            ("krw", _R_KRW_BEFORE),
            ("rub", _R_RUB_BEFORE),
        ):
            pm = prefix.search(before[-6:])
            if pm:
                currency = code
                cand.start = start - (len(before[-6:]) - pm.start())  # the mention includes "US$"
                break
        # Scales: "5 million", "15 тыс.", "US$5m", "1만5천", "120万".
        sm = _R_SCALE_EN.match(text, pos) or _R_SCALE_RU.match(text, pos)
        if sm:
            word = sm.group(1).lower().rstrip(".")
            mult = _SCALE_VALUES.get(word)
            if mult is None:
                mult = (
                    1_000
                    if word.startswith("тыс")
                    else 10**6
                    if word.startswith(("млн", "миллион"))
                    else (10**9 if word.startswith(("млрд", "миллиард")) else 10**12)
                )
            cand.value = float(Decimal(repr(cand.value)) * mult)
            cand.scaled, cand.scale = True, mult
            pos = sm.end()
        elif (sm := _R_SCALE_ABBR.match(text, pos)) and _abbr_is_scale(text, sm, currency):
            mult = _SCALE_VALUES[sm.group(1).lower()]
            cand.value = float(Decimal(repr(cand.value)) * mult)
            cand.scaled, cand.scale = True, mult
            pos = sm.end()
        else:
            v, p, scaled = _cjk_tail(text, pos, cand.value)
            if scaled:
                cand.scale = v / cand.value if cand.value else 1.0
                cand.value, pos, cand.scaled = v, p, True
                if _R_KO_DATE_AFTER.match(text, pos):
                    return None
    cand.end = pos
    cand.approximate = _approx_before(before) or bool(_R_APPROX_AFTER.match(text, pos))
    cand.the_before = bool(_R_DEFINITE_BEFORE.search(before[-8:]))

    # Percentages.
    pm = _R_PERCENT.match(text, pos)
    if pm:
        cand.unit = "percent"
        cand.end = pm.end()
        _range_flag(text, cand)
        return cand

    # Money: currency after the number ("7,000 roubles", "800 долларов", "800달러", "800美元").
    cm = _R_CURRENCY_AFTER.match(text, pos)
    if cm and not (
        cm.group("krw")
        and cm.group().strip().lower() == "won"
        and currency is None
        and _R_WON_VERB.match(text, pos) is not None
    ):
        if cm.group("other"):
            if currency is None:
                return None
        else:
            currency = "usd" if cm.group("usd") else "rub" if cm.group("rub") else "krw"
            cand.end = cm.end()
    if currency is not None:
        cand.unit = currency
        pm = _R_PERIOD_AFTER.match(text, cand.end)
        period = None
        if pm:
            period = "month" if any(pm.group(g) for g in ("m1", "m2", "m3", "m4", "m5")) else "hour"
            cand.end = pm.end()
        else:
            period = _period_before(before[-48:])
        if period:
            unit = f"{currency}_per_{period}"
            cand.unit = unit if unit in UNITS else currency
        _range_flag(text, cand)
        return cand

    # Counts: Korean / Chinese counters right after the number.
    km = _R_KO_COUNTER.match(text, pos)
    if km and kind in ("digits", "ko"):
        c = km.group("c")
        cand.unit = _ko_counter_unit(c, text, start)
        cand.noun = c
        cand.end = km.end()
        _range_flag(text, cand)
        return cand
    zm = _R_ZH_COUNTER.match(text, pos)
    if zm and kind in ("digits", "zh"):
        c = zm.group("c")
        cand.unit = _zh_counter_unit(c, text, start)
        if c == "万人":
            cand.value *= 10_000
        cand.noun = c
        cand.end = zm.end()
        _range_flag(text, cand)
        return cand
    if _R_CJK_BLOCK.match(text, pos) and _R_CJK_CHAR.match(text, pos):
        return None

    # Counts: a counted noun within a few words after the number.
    hyphen = _R_HYPHEN_STRONG.match(text, pos)
    if hyphen:
        word = hyphen.group(1).lower()
        unit = _HYPHEN_UNITS.get(word) or ("km" if word.startswith("kilo") else "m")
        cand.unit, cand.noun = unit, word
        return cand
    if _R_VOTES_AFTER.match(text, pos):
        cand.unit, cand.noun = "unit", "votes"
        return cand
    if kind == "digits" and _is_year(raw, cand.value):
        nxt = _R_EN_TOKEN.match(text, pos)
        tok = nxt.group(1).lower() if nxt else ""
        if _R_YEAR_PREP_BEFORE.search(before[-12:]) or (
            _EN_NOUNS.get(tok) is None and not any(pat.match(tok) for pat, _ in _RU_NOUN_PATTERNS)
        ):
            return None
    counted, noun, blocked, bare = _noun_after(text, pos, cand)
    if blocked:
        return None
    if counted:
        # "the two countries", "2 countries" read as a determiner.
        if (
            counted == "unit"
            and (noun in ("countries", "country", "sides") or noun.startswith("стран"))
            and cand.value <= 2
        ):
            return None
        cand.unit, cand.noun = counted, noun
        _range_flag(text, cand)
        return cand
    cand.bare = bare
    _range_flag(text, cand)
    if kind == "digits" and _is_year(raw, cand.value):
        return None
    if not bare and not cand.range_next:
        return None
    return cand


def _abbr_is_scale(text: str, sm: re.Match[str], currency: str | None) -> bool:
    """Whether "k", "m", "bn"... after a number is a scale ("US$5m", "130k", "24.5 m units")
    rather than a unit ("300m" of a bridge is metres)."""
    abbr = sm.group(1).lower()
    if currency is not None or _R_CURRENCY_AFTER.match(text, sm.end()):
        return True
    if abbr in ("bn", "mn", "mln", "bln", "tn"):
        return True
    if sm.group() == "k":
        return True  # "130k"; "4K" is a screen resolution
    if abbr in ("m", "k"):
        nxt = _R_EN_TOKEN.match(text, sm.end())
        word = nxt.group(1).lower() if nxt else ""
        return _EN_NOUNS.get(word) in ("person", "vehicle", "device", "unit")
    return False


def _period_before(before: str) -> str | None:
    """ "month"/"hour" when a pay period precedes the amount ("monthly wage of", "월", "每月")."""
    pre = _R_STRIP_CURRENCY.sub("", before)
    bm = _R_PERIOD_BEFORE.search(pre)
    if bm:
        return "month" if bm.group("m") else "hour"
    return None


def _is_year(raw: str, value: float) -> bool:
    """A plain four-digit number between 1800 and 2100 ("2024", not "2,024" or "2024.5")."""
    return len(raw) == 4 and raw.isdigit() and 1800 <= value <= 2100


def _range_flag(text: str, cand: _Cand) -> None:
    cand.range_next = bool(_R_RANGE.match(text, cand.end))


_R_KO_DEVICE = re.compile(r"스마트폰|휴대폰|휴대전화|단말기|폰|기기")
_R_KO_VEHICLE = re.compile(r"자동차|차량|승용차|신차|트럭|버스|(?<![가-힣])차(?![지례이원])")


def _ko_counter_unit(c: str, text: str, start: int) -> str:
    if c == "명":
        return "person"
    if c == "대":
        # The counted noun usually comes just before the number ("자동차 15대", "스마트폰 300만 대").
        left = text[max(0, start - 16) : start]
        hits = [(m.end(), "device") for m in _R_KO_DEVICE.finditer(left)]
        hits += [(m.end(), "vehicle") for m in _R_KO_VEHICLE.finditer(left)]
        if hits:
            return max(hits)[1]
        if _R_KO_DEVICE.search(text, start, start + 24):
            return "device"
        # Otherwise the nearest counted noun earlier in the passage decides ("...스마트폰 ... 샤오미가 910만 대").
        wider = text[max(0, start - 400) : start]
        hits = [(m.end(), "device") for m in _R_KO_DEVICE.finditer(wider)]
        hits += [(m.end(), "vehicle") for m in _R_KO_VEHICLE.finditer(wider)]
        return max(hits)[1] if hits else "vehicle"
    if c in ("킬로미터", "km"):
        return "km"
    if c == "미터":
        return "m"
    return "unit"


def _zh_counter_unit(c: str, text: str, start: int) -> str:
    if c in ("名", "人", "位", "万人"):
        return "person"
    if c == "辆":
        return "vehicle"
    if c in ("部", "台"):
        window = text[max(0, start - 20) : start + 10]
        return (
            "vehicle"
            if re.search(r"汽车|轿车|车辆|卡车", window) and not re.search(r"手机", window)
            else "device"
        )
    if c in ("公里", "千米"):
        return "km"
    if c == "米":
        return "m"
    return "unit"


def _noun_after(text: str, pos: int, cand: _Cand) -> tuple[str | None, str, bool, bool]:
    """(unit, noun, blocked, bare) from the words after a number.

    ``blocked``: a duration, multiplier or other measure follows ("12 hours",
    "3 tonnes").  ``bare``: nothing noun-like follows (end of clause, a
    preposition...), so the number may take the unit of a neighbour.
    """
    bare = bool(_R_BARE_NEXT.match(text, pos))
    p = pos
    fallback: tuple[str, str, int] | None = None
    for i in range(5):
        tm = _R_EN_TOKEN.match(text, p)
        if not tm:
            break
        tok = tm.group(1)
        low = tok.lower().rstrip(".").removesuffix("'s").removesuffix("’s").rstrip("'’")
        if not (tok[0].isalpha()):
            break
        # Hyphenated modifiers "mine-clearance": look at the last part too.
        last = low.split("-")[-1]
        if low in _EN_NOUNS or last in _EN_NOUNS:
            unit = _EN_NOUNS.get(low) or _EN_NOUNS[last]
            if last in ("korean", "national") and unit == "person":
                # "Korean" alone is an adjective ("North Korean workers"): keep looking.
                p = tm.end()
                continue
            cand.end = tm.end()
            return unit, last, False, False
        ru_unit = next((unit for pat, unit in _RU_NOUN_PATTERNS if pat.match(low)), None)
        if ru_unit is not None:
            if low.endswith(_RU_ADJ_ENDINGS):
                # "северокорейских рабочих" / "северокорейских компаний": the noun decides.
                fallback = fallback or (ru_unit, low, tm.end())
                p = tm.end()
                continue
            cand.end = tm.end()
            return ru_unit, low, False, False
        if low in _EN_BLOCK or last in _EN_BLOCK or _R_RU_BLOCK.match(low):
            if (
                i == 0
                and low in ("годом", "месяцем", "годами")
                and _R_RU_EARLIER.match(text, tm.end())
            ):
                return None, "", False, True  # "1117 годом ранее": "1117 a year earlier"
            return None, "", True, False
        if tok.isupper() and len(tok) > 1:
            p = tm.end()  # acronyms as modifiers: "IT workers"
            continue
        if low == "of":
            nxt = _R_EN_TOKEN.match(text, tm.end())
            if nxt and nxt.group(1).lower() in ("its", "their", "his", "her", "our", "the"):
                p = nxt.end()
                continue
            break
        if low in _EN_STOP:
            if low == "more":
                p = tm.end()
                continue
            break
        if low.endswith("ed") and low not in _EN_ED_MODIFIERS:
            break
        if low.endswith(("ists", "ians")) and tok.islower():
            cand.end = tm.end()
            return "person", low, False, False
        if (
            i == 0
            and cand.kind == "digits"
            and tok.islower()
            and low.endswith("s")
            and len(low) > 3
            and not low.endswith("ss")
        ):
            nxt = _R_EN_TOKEN.match(text, tm.end())
            nxt_low = nxt.group(1).lower() if nxt else ""
            if (
                not nxt_low
                or not nxt_low[0].isalpha()
                or nxt_low in _EN_STOP
                or nxt_low.endswith("ed")
                or nxt_low in _EN_VERBS
            ):
                if (
                    low.isalpha()
                    and low.isascii()
                    and not low.endswith(("ous", "ies'", "was", "has", "is"))
                ):
                    cand.end = tm.end()
                    return "unit", low, False, False
        p = tm.end()
    if fallback is not None:
        cand.end = fallback[2]
        return fallback[0], fallback[1], False, False
    return None, "", False, bare


def _resolve(text: str, cands: list[_Cand], bounds: list[int]) -> None:
    """Second pass: sentences, ranges and bare numbers that take a neighbour's unit."""
    import bisect

    for c in cands:
        c.sentence = bisect.bisect_right(bounds, c.start)
    # Ranges: the unit, scale and period of one end apply to the other.
    for i in range(len(cands) - 1):
        a, b = cands[i], cands[i + 1]
        if not a.range_next or b.start - a.end > 12 or a.sentence != b.sentence:
            continue
        between = text[a.end : b.start]
        if not re.fullmatch(
            r"\s*(?:-|‑|–|—|to|or|and|и|или|до|~|∼|～|〜|至|到)\s*(?:US\s?\$|\$|₩|₽)?\s*",
            between,
            re.IGNORECASE,
        ):
            continue
        if re.match(r"\s*(?:and|и)\b", between, re.IGNORECASE) and not re.search(
            r"\b(?:between|между|от)\s*(?:US\s?\$|\$|₩|₽)?\s*$",
            text[max(0, a.start - 20) : a.start],
            re.IGNORECASE,
        ):
            continue
        if a.kind == "digits" and _is_year(text[a.start : a.end].strip(), a.value) and not a.scaled:
            continue
        if b.unit is None and a.unit is None:
            continue
        if a.unit is None or (
            b.unit and a.unit in ("usd", "rub", "krw") and b.unit.startswith(a.unit + "_per_")
        ):
            a.unit = b.unit
            a.noun = b.noun
            if b.scaled and not a.scaled and b.scale > 1 and a.value <= b.value / b.scale:
                a.value = float(Decimal(repr(a.value)) * Decimal(repr(b.scale)))
        elif (
            a.unit == b.unit and b.scaled and not a.scaled and b.scale > 1 and a.value <= b.value / b.scale
        ):
            # "twenty to fifty thousand workers": the scale of the far end applies to the near one
            a.value = float(Decimal(repr(a.value)) * Decimal(repr(b.scale)))
            a.scaled = True
        if b.unit is None:
            b.unit, b.noun = a.unit, a.noun
        if a.unit in ("usd", "rub", "krw") and a.unit == b.unit:
            period = _period_before(text[max(0, a.start - 48) : a.start])
            if period and f"{a.unit}_per_{period}" in UNITS:
                a.unit = b.unit = f"{a.unit}_per_{period}"
        a.approximate = a.approximate or b.approximate
        if b.approximate is False:
            b.approximate = a.approximate
    # A range whose other end is not a quantity ("2–3 million tonnes") is not one either.
    starts = {c.start for c in cands}
    for c in cands:
        if c.range_next and c.unit is None:
            rm = _R_RANGE.match(text, c.end)
            if rm is not None:
                nxt = rm.end()
                while nxt < len(text) and text[nxt] in "US$₩₽ ":
                    nxt += 1
                if not any(k in starts for k in range(rm.end(), nxt + 1)):
                    c.rejected = True
    # Bare numbers: the unit of an earlier quantity in the same sentence, or
    # people when the sentence counts people ("the number of workers ...").
    sent_cache: dict[int, bool] = {}
    for i, c in enumerate(cands):
        if c.unit is not None or c.rejected:
            continue
        if not c.bare:
            c.rejected = True
            continue
        prev = next(
            (
                p
                for p in reversed(cands[:i])
                if p.sentence == c.sentence and p.unit and p.unit != "percent" and not p.rejected
            ),
            None,
        )
        if prev is not None and prev.unit is not None:
            if prev.unit != "person" and _R_VERB_NEXT.match(text, c.end):
                # "... 42 countries' reports showed 23,200 repatriated": a number as the
                # subject of a verb is the sentence's people when it counts people.
                person = next(
                    (
                        p
                        for p in reversed(cands[:i])
                        if p.sentence == c.sentence and p.unit == "person" and not p.rejected
                    ),
                    None,
                )
                prev = person or prev
            unit = prev.unit or ""
            c.unit, c.noun = unit, prev.noun
            if unit in _NOT_INHERITED:
                c.rejected = True  # money needs its currency stated
            continue
        if c.sentence not in sent_cache:
            lo = bounds[c.sentence - 1] if c.sentence > 0 else 0
            hi = bounds[c.sentence] if c.sentence < len(bounds) else len(text)
            sent_cache[c.sentence] = bool(_R_NUMBER_OF.search(text, lo, hi))
        lo = bounds[c.sentence - 1] if c.sentence > 0 else 0
        if c.kind == "digits" and (
            sent_cache[c.sentence] or _R_PEOPLE_BEFORE.search(text, lo, c.start)
        ):
            c.unit, c.noun = "person", "people in the sentence"
            continue
        # A list continuing the previous sentence of the paragraph:
        # "... 300 North Koreans entered. Purposes: business 167, private 51."
        # Or a comparison that refers back to it: "... about 300 entered. For comparison,
        # there were almost 5.5 thousand of them in the fourth quarter."
        label = _R_LABEL_BEFORE.search(text, max(lo, c.start - 30), c.start)
        prev_sent = next(
            (
                p
                for p in reversed(cands[:i])
                if p.sentence == c.sentence - 1
                and p.unit
                and p.unit not in _NOT_INHERITED
                and not p.rejected
            ),
            None,
        )
        hi = bounds[c.sentence] if c.sentence < len(bounds) else len(text)
        refers_back = bool(_R_REFERS_BACK.search(text, lo, hi))
        if (
            (label or _R_LIST_AFTER.match(text, c.end) or refers_back)
            and prev_sent is not None
            and prev_sent.unit is not None
            and "\n" not in text[prev_sent.end : c.start]
        ):
            c.unit, c.noun = prev_sent.unit, prev_sent.noun
        else:
            c.rejected = True


def _measure(text: str, c: _Cand, lo: int, hi: int) -> str:
    """Short free text: the mention with a few words around it, inside its sentence
    (``lo``:``hi``); a percentage is prefixed with the nearest change word ("fell: ...")."""
    left = text[max(lo, c.start - 50) : c.start].split("\n")[-1]
    words = left.split()[-4:]
    mention = " ".join(text[c.start : c.end].split())
    right: list[str] = []
    if c.unit == "person":
        right = text[c.end : min(hi, c.end + 40)].split("\n")[0].split()[:4]
    measure = " ".join([*words, mention, *right]).strip(" ,.;:—-")
    if c.unit == "percent":
        direction = None
        for d in _R_DIRECTION.finditer(text, max(lo, c.start - 50), c.start):
            direction = d.group(1)
        if direction is None:
            after = _R_DIRECTION.match(text, c.end)
            direction = after.group(1) if after else None
        if direction:
            measure = f"{direction.lower()}: {measure}"
    return measure[:120]
