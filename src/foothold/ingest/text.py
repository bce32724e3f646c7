"""Plain-text and Markdown reports: title, dateline, outlet, body without boilerplate.

Layout handled (see the corpus ANNOTATION.md, sections 1-2)::

    [date line, e.g. "Thursday, February 26, 2026"]      -> published
    Title line                                           -> title
    [Published: 8 November 2024 | Outlet | Section]      -> published, outlet
    [Date:  /  By Someone  /  Updated: ...]              -> dropped
    MOSCOW (Outlet) - First paragraph ...                -> outlet (the dateline stays in the body)
    ...
    [Share post: / Popular / Related ... teasers]        -> dropped
    [sign-off: "Outlet", "- Outlet", "(Reporting by Outlet; ...)"] -> dropped, outlet hint
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from foothold.ingest.dates import find_date, find_date_span, parse_date

__all__ = [
    "BYLINE",
    "DATE_LABEL",
    "UPDATED_LABEL",
    "PlainArticle",
    "byline_date",
    "clean_lines",
    "collapse_ws",
    "parse_plain",
]

log = logging.getLogger(__name__)

#: Body text beyond this many characters is not extracted (no report is this long).
MAX_BODY_CHARS = 1_000_000

_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def strip_invisible(text: str) -> str:
    """``text`` without zero-width characters, BOMs and soft hyphens."""
    return _INVISIBLE_RE.sub("", text) if _INVISIBLE_RE.search(text) else text


def collapse_ws(text: str) -> str:
    """``text`` with invisible characters removed and runs of whitespace made one space."""
    return " ".join(strip_invisible(text).split())


DATE_LABEL = re.compile(
    r"^\s*(?:published(?:\s+on)?|posted(?:\s+on)?|first\s+published(?:\s+on)?|publication\s+date|date(?:d)?|pubdate"
    r"|опубликовано|дата\s+публикации|дата|размещено|публикация"
    r"|발행일?|입력|등록일?|게시일?|작성일?|송고"
    r"|发布时间|发布日期|发布于|发表于|发表时间|日期|時間|发稿时间|發佈時間|發布時間|公開日|投稿日|配信日)"
    r"\s*(?:[:：]\s*|\s+(?=[^\n]{0,30}\d))",
    re.I,
)
UPDATED_LABEL = re.compile(
    r"^\s*(?:(?:last\s+)?updated|modified|last\s+modified|обновлено|изменено|дата\s+обновления|수정(?:일)?|업데이트|최종\s*수정"
    r"|更新时间|更新于|更新日期|更新|最后更新)\b\s*[:：]?",
    re.I,
)
_LABEL_ONLY = re.compile(
    r"^\s*(?:date|dated|published|posted|author|authors|by|source|tags?|category|section|updated|дата|автор|источник"
    r"|опубликовано|발행|입력|기자|日期|作者|来源|发布时间)\s*[:：]?\s*$",
    re.I,
)
BYLINE = _BYLINE = re.compile(r"^\s*(?:by|от|автор[:：]?)\s+[\w.'’\- ]{2,60}$", re.I)
#: How a byline starts ("By Jane Doe · 8 May 2025" is one too, unlike :data:`BYLINE`).
BYLINE_HEAD = re.compile(r"^\s*(?:by|от|автор[:：]?)\s+\w", re.I)
# An "updated" word anywhere in a segment ("8 May 2025, updated 9 May 2025").
_UPDATED_WORD = re.compile(
    r"(?<!\w)(?:(?:last\s+)?updated|modified|обновлено|изменено|수정|업데이트|更新)", re.I
)
_WEEKDAYS = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?|"
    r"понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье|"
    r"[월화수목금토일]요일|星期[一二三四五六日天]|周[一二三四五六日]|[月火水木金土日]曜日",
    re.I,
)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?\b",
    re.I,
)
_SEPARATORS = re.compile(r"\s+[|·•—–-]\s+|\s*[|·•]\s*|\s+[—–]\s*|\s*[—–]\s+")
_GENERIC_SEGMENT = re.compile(
    r"^(?:analysis|news|opinion|comment|commentary|feature|features|interview|exclusive|blog|world|business|politics"
    r"|economy|markets?|tech|technology|asia|europe|russia|korea|china|sport|culture|explainer|review|reviews|editorial"
    r"|analysis and opinion|breaking|updated?|staff|newsroom|desk|анализ|новости|мнение|аналитика|экономика|политика"
    r"|분석|뉴스|사설|칼럼|新闻|分析|评论|观点)$",
    re.I,
)
# "Source: X" names where the content came from, not who published this copy.
_SOURCE_LABEL = re.compile(r"^\s*(?:source|sources|via|источник|来源|來源|출처|자료)\s*[:：]", re.I)
_OUTLET_SUFFIX = re.compile(r"\s+(?:blog|newsroom|staff|desk|online|website)$", re.I)

# A dateline opening the first paragraph: "MOSCOW (Outlet) - ", "PYONGYANG, June 17 (Outlet) - ",
# "МОСКВА, 21 августа (Outlet) — ", "[서울=연합뉴스] ".
_DATELINE = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ .'’\-/]{1,40}?)(?:,\s*(?P<when>[^()\n]{1,40}?))?\s*"
    r"\((?P<outlet>[^()\n]{2,60})\)(?:,?\s*(?P<when2>[^()\n]{1,40}?(?:19|20)\d\d))?\s*[-–—:]+\s+"
)
# A dateline with a date and no outlet: "MOSCOW, 28 July 2025 - ", "SEOUL, Jan. 5, 2025 — "
# (the date part must be only a date, see :func:`_is_date_line`).
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DATELINE_DATE = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ.'’\-/]{1,30}(?: [A-ZА-ЯЁ][A-ZА-ЯЁ.'’\-/]{1,30}){0,3}),\s*"
    r"(?P<when>[^()\n]{4,40}?(?:19|20)\d\d)\s*[-–—:]+\s+"
)
_DATELINE_KO = re.compile(
    r"^\s*[\[(【](?P<place>[^=\]\n]{1,20})=(?P<outlet>[^\]\n)】]{2,30})[\])】]\s*"
)
_DATELINE_ZH = re.compile(
    r"^(?P<outlet>[\u4e00-\u9fff]{1,8}?(?:社|网|報|报))(?P<place>[\u4e00-\u9fff]{2,6}?)\d{1,2}月\d{1,2}日电\s*"
)
_DATELINE_RU = re.compile(
    r"^(?P<place>[А-ЯЁ][А-ЯЁ\- ]{2,40}),\s*(?P<when>\d{1,2}\s+[а-яё]+\.?(?:\s+(?:19|20)\d\d(?:\s*(?:г\.|года))?)?)"
    r"\s*[—–-]\s*(?P<outlet>[^.\n]{2,40}?)\.\s+"
)
_DATELINE_SLASH = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ .\-]{1,40}),\s*(?P<when>[^/\n]{1,30})\s*/(?P<outlet>[^/\n]{2,40})/\.?\s*[-–—]?\s*"
)

_SIGNOFF_REPORTING = re.compile(
    r"^\(?\s*(?:reporting|writing|additional reporting|editing|compiled)\s+by\s+(?P<who>[^;,()]+?)\s*(?:[;,].*)?\)?\s*$",
    re.I,
)
_SIGNOFF_DASH = re.compile(r"^\s*[-–—]+\s*(?P<who>[^\n.!?]{2,60}?)\s*$")
_SIGNOFF_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<who>[^.\n]{2,60})", re.I
)
_END_MARKERS = re.compile(r"^\s*(?:-?\s*ends?\s*-?|#{3}|-30-|\*{3}|end of article)\s*$", re.I)

# Headings after which everything is site furniture.
_TAIL_HEADINGS = re.compile(
    r"^\s*(?:share(?:\s+(?:post|this(?:\s+(?:article|story|post|page))?|on\s+\w+|via))?|popular(?:\s+(?:posts|stories|now|articles))?"
    r"|most\s+(?:read|popular|viewed)|more\s+like\s+this|more\s+(?:stories|from\s+.{1,40}|news)|related(?:\s+(?:articles|stories|posts|news|content|coverage))?"
    r"|read\s+(?:also|more|next)|see\s+also|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|top\s+stories|editor'?s\s+picks"
    r"|trending(?:\s+now)?|latest(?:\s+(?:news|stories))?|tags?|topics|comments?|leave\s+a\s+(?:reply|comment)|sign\s+up.*newsletter.*|subscribe.*"
    r"|читайте\s+также|смотрите\s+также|также\s+читайте|по\s+теме|популярное|главное|поделиться|комментарии|теги|выбор\s+редакции"
    r"|관련\s*기사|많이\s*본\s*뉴스|공유하기|인기\s*기사|댓글|태그"
    r"|相关(?:新闻|阅读|文章|报道)|推荐阅读|延伸阅读|热门(?:新闻|文章)?|分享(?:到)?|评论|标签)\s*[:：]?\s*$",
    re.I,
)
# Single lines that are furniture wherever they are.
_NOISE_LINE = re.compile(
    r"^\s*(?:advertisement|advert|sponsored|ad|реклама|광고|广告|share|print|email|save|copy link|facebook|twitter|x|telegram|whatsapp|linkedin|vk"
    r"|(?:read\s+(?:also|more)|see\s+also|also\s+read|читайте\s+также|смотрите\s+также|관련\s*기사|相关阅读|延伸阅读)\s*[:：].{0,200}"
    r"|(?:we|this\s+(?:site|website))\s+uses?\s+cookies.{0,300}|.{0,80}\buse\s+of\s+cookies\b.{0,80}"
    r"|(?:photo|image|фото|사진|图)\s*[:：].{0,120}"
    r"|the\s+post\s+.{1,300}\s+appeared\s+first\s+on\s+.{1,120}|continue\s+reading.{0,120}|read\s+more\s*[»›→.…]*|\[(?:…|\.\.\.)\])\s*$",
    re.I,
)


def clean_lines(paragraphs: list[str]) -> list[str]:
    """Drop furniture paragraphs and cut the trailing block that starts at a furniture heading.

    A heading such as "Share post:", "Related" or "ЧИТАЙТЕ ТАКЖЕ" ends the article when
    nothing after it looks like article prose (a paragraph of 200+ characters);
    otherwise only the heading and the short teaser line right after it are dropped.
    """
    out: list[str] = []
    i = 0
    n = len(paragraphs)
    while i < n:
        para = paragraphs[i].strip()
        if not para:
            i += 1
            continue
        first_line = para.split("\n", 1)[0]
        if _TAIL_HEADINGS.match(first_line) and len(first_line) < 80:
            rest = paragraphs[i + 1 :]
            if out and not any(
                len(p.strip()) >= 200 and not p.strip().endswith(("...", "…")) for p in rest
            ):
                break
            i += 1
            if i < n and len(paragraphs[i].strip()) < 120:
                i += 1  # the teaser that followed the heading
            continue
        if _NOISE_LINE.match(para):
            i += 1
            continue
        out.append(para)
        i += 1
    return out


@dataclass(slots=True)
class PlainArticle:
    """Fields read from a plain-text report; ``body`` has paragraphs separated by blank lines."""

    title: str | None
    body: str
    outlet: str | None
    published: str | None
    published_source: str | None
    outlet_source: str | None = None
    #: characters of text before the body was cut at :data:`MAX_BODY_CHARS` (0: not cut)
    cut_from: int = 0


def _is_date_line(line: str) -> str | None:
    """The date if ``line`` is nothing but a date (weekday, time and punctuation allowed)."""
    if len(line) > 60:
        return None
    found = find_date(line)
    if not found:
        return None
    rest = _WEEKDAYS.sub(" ", line)
    rest = _TIME.sub(" ", rest)
    # remove the date itself: digits, month names, CJK date characters
    rest = re.sub(r"\d+(?:st|nd|rd|th)?|[年月日년월일]", " ", rest)
    rest = re.sub(
        r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
        r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\.?|\bг(?:ода?)?\.?",
        " ",
        rest,
    )
    rest = re.sub(r"[\W_]+", "", rest)
    return found if len(rest) <= 3 else None


def byline_date(line: str, strict: bool = True) -> str | None:
    """The publication date in a short byline or meta row, or None.

    "By Jane Doe · 8 May 2025", "Staff | 8 May 2025 | Updated 9 May 2025". The row is cut
    into segments at separators (``|`` ``·`` ``•`` dashes); a segment labelled
    "Updated"/"Modified" never gives the date, a "Published:" segment wins, else the first
    segment holding a date does. ``strict``: that segment must be only a date (weekday and
    time allowed), for rows recognised by their text alone; otherwise (a row marked as a
    byline by its markup) the date may follow a name in the segment ("By Jane Doe,
    8 May 2025") but not an "updated" word.
    """
    line = collapse_ws(line)
    if not line or len(line) > 160 or not any(ch.isdigit() for ch in line):
        return None
    if strict and re.search(r"[.!?。！？]\W*$", line):
        return None  # a sentence, not a byline row
    best: str | None = None
    for seg in _SEPARATORS.split(line):
        seg = seg.strip(" ,;")
        if not seg or UPDATED_LABEL.match(seg):
            continue
        m = DATE_LABEL.match(seg)
        if m:
            found = find_date(seg[m.end() :])
            if found:
                return found  # "Published: ..." beats an unlabelled date
            continue
        if best is not None:
            continue
        if strict:
            best = _is_date_line(seg)
            continue
        span = find_date_span(seg)
        if span and not _UPDATED_WORD.search(seg, 0, span[1]):
            best = span[0]
    return best


def _outlet_from_segments(rest: str) -> str | None:
    """The first segment of a "date | Outlet | Section" remainder that names an outlet.

    A "Source: X" segment is used only when no other segment names one.
    """
    fallback = None
    for seg in _SEPARATORS.split(re.sub(r"\s{2,}|\u3000", " | ", rest)):
        seg = seg.strip(" ,;:.|·•-–—()[]")
        if not seg or len(seg) > 60 or not any(ch.isalpha() for ch in seg):
            continue
        src = _SOURCE_LABEL.match(seg)
        if src:
            if fallback is None:
                fallback = seg[src.end() :].strip() or None
            continue
        if _GENERIC_SEGMENT.match(seg) or _BYLINE.match(seg) or UPDATED_LABEL.match(seg):
            continue
        if find_date(seg) or _TIME.fullmatch(seg):
            continue
        seg = _OUTLET_SUFFIX.sub("", seg).strip()
        if seg:
            return seg
    return fallback


def _published_line(line: str) -> tuple[str | None, str | None] | None:
    """(date, outlet) from a "Published: ..." line, or None if the line is not one."""
    m = DATE_LABEL.match(line)
    if not m:
        return None
    rest = line[m.end() :].strip()
    if not rest:
        return None, None
    span = find_date_span(rest)
    date: str | None
    if span:
        date, start, end = span
        remainder = rest[:start] + " | " + rest[end:]
    else:
        date = parse_date(_first_segment_with_digits(rest))
        remainder = rest if date is None else _remove_segment_with_digits(rest)
    remainder = _WEEKDAYS.sub(" ", remainder)
    remainder = _TIME.sub(" ", remainder)
    return date, _outlet_from_segments(remainder)


def _first_segment_with_digits(rest: str) -> str:
    for seg in _SEPARATORS.split(rest):
        if any(ch.isdigit() for ch in seg):
            return seg.strip()
    return rest


def _remove_segment_with_digits(rest: str) -> str:
    segs = _SEPARATORS.split(rest)
    for i, seg in enumerate(segs):
        if any(ch.isdigit() for ch in seg):
            return " | ".join(segs[:i] + segs[i + 1 :])
    return rest


def _strip_markdown(line: str) -> str:
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    line = re.sub(r"\s+#+\s*$", "", line)
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
    line = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", line)
    line = re.sub(r"^\s{0,3}>\s?", "", line)
    line = re.sub(r"^\s*[-*+]\s+", "", line) if re.match(r"^\s*[-*+]\s+\S", line) else line
    return line


#: A first line longer than this is a paragraph, not a headline.
TITLE_LINE_MAX = 200
#: A title taken from the first sentence of the text is cut near this many characters.
SENTENCE_TITLE_MAX = 150

_SENTENCE_END = re.compile(r"[.!?。！？…]+[\"”»’')\]]*(?=\s|$)")
_ABBREV = re.compile(
    r"(?:^|\s)(?:[A-ZА-ЯЁ]|[A-ZА-ЯЁ]\.[A-ZА-ЯЁ]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Gov|Sen|Rep|No|vs|etc|Inc|Co|Corp|Ltd"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|г|гг|т|тыс|млн|млрд|руб|ул)$"
)


def _is_header_like(line: str) -> bool:
    """True if ``line`` looks like a date, byline or "Published:" line (no side effects)."""
    line = line.strip()
    if not line or len(line) >= 160:
        return False
    if _LABEL_ONLY.match(line) or _BYLINE.match(line) or UPDATED_LABEL.match(line):
        return True
    if DATE_LABEL.match(line) or _is_date_line(line):
        return True
    return bool(
        len(line) < 120
        and not line.endswith((".", "!", "?", "。"))
        and _SEPARATORS.search(line)
        and find_date_span(line)
    )


def _is_paragraph_line(line: str, next_line: str) -> bool:
    """True if the first line of a text is prose rather than a headline.

    It is when it is long (over :data:`TITLE_LINE_MAX` characters), or when more text
    follows it without a blank line and it is either a full sentence (ending with
    sentence punctuation, eight words or more) or cut mid-sentence (the next line
    goes on in lower case).
    """
    if len(line) > TITLE_LINE_MAX:
        return True
    nxt = next_line.strip()
    if not nxt or _is_header_like(nxt):
        return False
    if line.rstrip("\"”»’')] ")[-1:] in ".!?。！？…":
        words = len(line.split())
        return words >= 8 or (words <= 2 and len(line) >= 30)
    return nxt[:1].isalpha() and nxt[:1].islower()


def first_sentence(text: str, limit: int = SENTENCE_TITLE_MAX) -> str:
    """The first sentence of ``text``, cut at a word boundary near ``limit`` characters if longer."""
    text = text.strip()
    end = len(text)
    for m in _SENTENCE_END.finditer(text):
        before = text[: m.start()]
        if m.group().startswith(".") and _ABBREV.search(before):
            continue  # "U.S.", "Mr.", "3 млн." do not end a sentence
        end = m.end()
        break
    sentence = text[:end].strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence.rfind(" ", 0, limit + 1)
    if cut < limit // 2:
        cut = limit  # no spaces (Chinese, Japanese): cut at the limit
    return sentence[:cut].rstrip(" ,;:-–—")


def _leading_date(para: str) -> tuple[str, str | None]:
    """(``para`` without it, date) for a "Published: 3 March 2026" label or a date opening ``para``."""
    m = DATE_LABEL.match(para)
    start = m.end() if m else 0
    span = find_date_span(para[start : start + 80])
    if not span:
        return para, None
    found, s, e = span
    gap = para[start : start + s]
    if _WEEKDAYS.sub("", gap).strip(" ,.;:|-–—") or (not m and len(found) < 10):
        # the date is not at the start, or an unlabelled year/month opening a sentence
        return para, None
    rest = para[start + e :]
    tm = re.match(r"\s*(?:,\s*)?" + _TIME.pattern, rest, re.I)
    if tm:
        rest = rest[tm.end() :]
    rest = re.sub(r"^[\s,;:|·•\-–—]+", "", rest)
    if len(rest) < 40:
        return para, found  # nothing much after the date: keep the text as it is
    return rest, found


def _prose_after_date(line: str) -> bool:
    """True if a sentence of article text follows the date that opens ``line``."""
    rest, found = _leading_date(line)
    return bool(
        found and rest is not line and len(rest) >= 60 and re.search(r"[.!?。！？]\W*$", rest)
    )


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs; lines inside one paragraph are joined with a space."""
    paras: list[str] = []
    cur: list[str] = []
    for line in lines:
        if line.strip():
            cur.append(line.strip())
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return paras


def _signoff(para: str, known_outlet: str | None) -> tuple[bool, str | None]:
    """(is a sign-off line, outlet it names)."""
    line = para.strip()
    if len(line) > 160 or "\n" in line:
        return False, None
    if _END_MARKERS.match(line):
        return True, None
    m = _SIGNOFF_REPORTING.match(line)
    if m:
        return True, m.group("who").strip()
    m = _SIGNOFF_COPYRIGHT.match(line)
    if m:
        return True, m.group("who").strip()
    m = _SIGNOFF_DASH.match(line)
    if m and len(m.group("who").split()) <= 6:
        return True, _OUTLET_SUFFIX.sub("", m.group("who").strip())
    if known_outlet and collapse_ws(line).lower().strip(" .") == known_outlet.lower():
        return True, known_outlet
    words = line.split()
    if (
        1 <= len(words) <= 5
        and not re.search(r"[.!?:;\"”»,]$", line)
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        and not any(ch.isdigit() for ch in line)
    ):
        return True, _OUTLET_SUFFIX.sub("", line)
    return False, None


_FRONT_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "published_at": "published",
    "pubdate": "published",
    "outlet": "outlet",
    "source": "outlet",
    "site": "outlet",
    "site_name": "outlet",
    "publisher": "outlet",
}


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-style front matter (``---`` ... ``---``) as a flat dict of known keys, and the rest."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---\n"):
        return {}, text
    end = stripped.find("\n---", 4)
    if end < 0 or end > 5000:
        return {}, text
    out: dict[str, str] = {}
    for line in stripped[4:end].split("\n"):
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        value = value.strip().strip("'\"")
        if sep and value and key in _FRONT_KEYS and _FRONT_KEYS[key] not in out:
            out[_FRONT_KEYS[key]] = value
    rest = stripped[end + 4 :]
    return out, rest.split("\n", 1)[1] if "\n" in rest else ""


def parse_plain(text: str, markdown: bool = False) -> PlainArticle:
    """Read title, date, outlet and body from a plain-text (or Markdown) report.

    Args:
        text: decoded file content (``\\n`` line ends).
        markdown: strip Markdown syntax (headings, emphasis, links) first.

    Returns:
        A :class:`PlainArticle`; ``title`` is None when the text has no lines.
    """
    original_length = len(text)
    front, text = _front_matter(text)
    lines = text.split("\n")
    if markdown:
        lines = [_strip_markdown(line) for line in lines]
    lines = strip_invisible("\n".join(lines)).split("\n")
    i = 0
    n = len(lines)
    published: str | None = None
    published_source: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None
    title: str | None = front.get("title")
    if front.get("published"):
        published, published_source = parse_date(front["published"]), "front-matter"
        if published is None:
            published_source = None
    if front.get("outlet"):
        outlet, outlet_source = front["outlet"], "front-matter"

    def header_line(line: str) -> bool:
        nonlocal published, published_source, outlet, outlet_source
        if _LABEL_ONLY.match(line) or _BYLINE.match(line):
            return True
        if UPDATED_LABEL.match(line) and len(line) < 120:
            return True
        if DATE_LABEL.match(line) and _prose_after_date(line):
            return False  # "Published: 3 March 2026 The bank said ...": a paragraph
        pl = _published_line(line) if len(line) < 160 else None
        if pl is not None:
            date, out = pl
            if date and published_source != "published-line":
                published, published_source = date, "published-line"
            if out and not outlet:
                outlet, outlet_source = out, "published-line"
            return date is not None or out is not None or len(line) < 40
        date = _is_date_line(line)
        if date:
            if published is None:
                published, published_source = date, "dateline"
            return True
        # an unlabelled "By X | Outlet | 8 November 2024" line
        if (
            len(line) < 120
            and not line.endswith((".", "!", "?", "。"))
            and _SEPARATORS.search(line)
        ):
            span = find_date_span(line)
            if span:
                found, start, end = span
                rest = _TIME.sub(" ", _WEEKDAYS.sub(" ", line[:start] + " | " + line[end:]))
                # the date of a segment labelled "Updated" is never the publication date
                pub = byline_date(line, strict=False)
                if pub and published_source != "published-line":
                    published, published_source = pub, "dateline"
                out = _outlet_from_segments(rest)
                if out and not outlet:
                    outlet, outlet_source = out, "dateline"
                return True
        return False

    # leading header lines (a date line before the title), then the title
    no_title = False  # the text is one run of prose: the title is its first sentence
    title_line = -1  # index of an unlabelled title line
    while i < n and title is None:
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        if header_line(line):
            continue
        m = re.match(r"(?i)^\s*(?:title|headline|заголовок|제목|标题)\s*[:：]\s*(.+)$", line)
        if not m and _is_paragraph_line(line, lines[i] if i < n else ""):
            i -= 1  # a paragraph, not a headline: the text has no title line
            no_title = True
            break
        title = collapse_ws(m.group(1) if m else line)
        if not m:
            title_line = i - 1
        break
    # header lines after the title
    while i < n:
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if len(line) < 200 and header_line(line):
            i += 1
            continue
        break

    paras = _paragraphs(lines[i:])
    if title_line >= 0 and not clean_lines(paras):
        # taking the line as the title would leave no body: the line is the text
        paras = _paragraphs(lines[title_line:])
        title, no_title = None, True
    if no_title and paras:
        paras[0], found = _leading_date(paras[0])
        if found and published is None:
            published, published_source = found, "published-line"
    total = 0
    cut_from = 0
    for k, para in enumerate(paras):
        total += len(para)
        if total > MAX_BODY_CHARS:
            cut_from = original_length
            paras = paras[: k + 1]
            paras[-1] = paras[-1][: max(0, len(para) - (total - MAX_BODY_CHARS))]
            break
    title_from: str | None = paras[0] if no_title and paras else None
    if paras:
        first = paras[0]
        for pat in (
            _DATELINE,
            _DATELINE_SLASH,
            _DATELINE_RU,
            _DATELINE_KO,
            _DATELINE_ZH,
            _DATELINE_DATE,
        ):
            m = pat.match(first)
            if pat is _DATELINE_DATE and m and not _is_date_line(m.group("when")):
                m = None  # "NATO, in talks since 2024 - ...": not a dateline
            if m:
                # the dateline's date (with a year) is the publication date when no header
                # line gave one, whether or not the text has a title line
                for key in ("when", "when2"):
                    when = m.group(key) if key in pat.groupindex else None
                    if published is None and when and _YEAR.search(when):
                        found = parse_date(when)
                        if found:
                            published, published_source = found, "dateline"
                if no_title:
                    title_from = first[m.end() :]
                if "outlet" not in pat.groupindex:
                    break
                cand = m.group("outlet").strip()
                if cand and not any(ch.isdigit() for ch in cand) and len(cand.split()) <= 6:
                    if not outlet:
                        outlet, outlet_source = cand, "dateline"
                    # the dateline stays in the body: it is part of the printed story
                    # (its place name is article text), and the text is kept as printed
                break
    paras = clean_lines(paras)
    # sign-off lines at the end
    for _ in range(3):
        if len(paras) < 2:
            break
        is_signoff, who = _signoff(paras[-1], outlet)
        if not is_signoff:
            break
        paras.pop()
        if who and not outlet and not any(ch.isdigit() for ch in who):
            outlet, outlet_source = who, "signoff"
    body = "\n\n".join(collapse_ws(p) for p in paras)
    if no_title and title is None and title_from:
        title = first_sentence(collapse_ws(title_from)) or None
    return PlainArticle(
        title=title,
        body=body,
        outlet=outlet,
        published=published,
        published_source=published_source,
        outlet_source=outlet_source,
        cut_from=cut_from,
    )
