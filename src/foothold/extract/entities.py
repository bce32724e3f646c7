"""Entities: canonical actors and unknown names, once each per document.

Rules come from ``ANNOTATION.md`` §7 (Entities):

* Case actors are found by the :class:`~foothold.extract.gazetteer.Gazetteer`
  (canonical name and type from the case file).
* Countries are also found from adjectives and demonyms ("Chinese firms" ->
  China), including inside longer names ("South Korean intelligence officials").
* A capital used as a metonym for its state ("Moscow and Pyongyang have
  deepened ...", "Seoul said") resolves to the country only; the same city used
  as a location ("talks in Pyongyang", "reach Seoul") is a place.
* Products and weapon types are not entities; "US$" is not the United States.
* Names the case does not know are found with precision-first cues (English):
  organisation and company cue words ("Ministry", "Agency", "LLC", "Group"...),
  place cue words ("Oblast", "Krai", "River"...), person titles ("President X Y",
  "economist X Y", "X Y, the head of ..."), and descriptors ("the outlet X",
  "the carmaker X").  A surname used later ("Kozlov") maps to the full name.
  A job title naming a body ("Natural Resources Minister") gives that body when
  the case knows it.  Treaties, laws, platforms (Telegram) are not entities.
* Russian: unknown persons, organisations and places come from natasha's NER
  (optional dependency; its models ship inside the wheels, nothing is
  downloaded), run only when a capitalised word is left unexplained by the
  gazetteer; names are put in the nominative.  Chinese: transliterated foreign
  names ("米哈伊尔·潘捷列耶夫").  Korean and other languages: the gazetteer only.
* The publishing outlet (dateline "(Outlet)", sign-off, "Reporting by") is not an
  entity; a wire that a copy credits ("(Wire)" in the dateline and at the end) is.

:func:`find_names` returns every located name (also used for attributions);
:func:`find_entities` reduces them to the document's entity list.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from foothold.extract.gazetteer import Gazetteer, Mention
from foothold.model import Entity

__all__ = [
    "NameSpan",
    "find_entities",
    "find_names",
    "publisher_spans",
    "relay_credits",
    "ANONYMOUS",
]

log = logging.getLogger(__name__)

ANONYMOUS = "anonymous source"

# capital (canonical place name) -> country (canonical name)
CAPITALS = {
    "Moscow": "Russia",
    "Pyongyang": "North Korea",
    "Seoul": "South Korea",
    "Beijing": "China",
    "Tokyo": "Japan",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Washington": "United States",
    "Minsk": "Belarus",
    "Tehran": "Iran",
    "Vientiane": "Laos",
    "Ulaanbaatar": "Mongolia",
    "London": "United Kingdom",
    "Berlin": "Germany",
    "Paris": "France",
    "Hanoi": "Vietnam",
    "Taipei": "Taiwan",
}

# words before a city that make it a location, not a metonym
_LOCATIVE_EN = re.compile(
    r"(?:\b(?:in|at|near|inside|outside|into|via|across|around|throughout|from|reach|reached|reaching|"
    r"visit|visits|visited|visiting|toured|tour|streets\s+of|city\s+of|outskirts\s+of|centre\s+of|center\s+of|"
    r"(?:visit|visits|visited|delegation|mission|trip|trips|travel|travelled|traveled|travelling|flew|flight|flights|fly|flying|returned|return|"
    r"back|arrived|arrive|sent|moved|route|road|rail|train|trains|way|journey|headed|heading|came|went|"
    r"bound|relocated|transferred|driven|taken|brought)\s+(?:back\s+)?(?:to|from|between))"
    r"(?:\s+the)?\s*$)",
    re.IGNORECASE,
)
_DATELINE_AFTER = re.compile(
    r"^(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}\b|\s*\([^()\n]{2,60}\)\s*[-–—])"
)
_LOCATIVE_AFTER_EN = re.compile(
    r"^\s*(?:-based|based\b|'s\s+(?:airport|streets|outskirts|centre|center|suburbs)|\s*(?:airport|suburbs))",
    re.IGNORECASE,
)
_LOCATIVE_RU = re.compile(
    r"(?:(?<![а-яё])(?:в|во|из|до|под|около|через|на|по|посетил\w*|прибыл\w*|визит\w*\s+в)\s*$)",
    re.IGNORECASE,
)
_LOCATIVE_AFTER_KO = re.compile(
    r"^(?:에서|에|으로|로|까지|를\s*방문|을\s*방문|시|\s*시내|\s*공항|\s*주재)"
)
_LOCATIVE_ZH = re.compile(r"(?:在|于|到|赴|抵达|访问|前往|从)\s*$")

_MONTHS = set(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday""".split()
)
_STOP = _MONTHS | set(
    """The A An This That These Those Its It His Her Their Our My Your In On At By For From With
    And But Or Nor As After Before Since Under Until When While Whilst Meanwhile However According
    Both Some All Many Most Few Several Last Next Earlier Later Also Yet If Unlike Like Despite
    Although Though Why What How Who Whom Whose Where Which He She They We I You There Here Then
    Thus So Still Even Only Such Other Another Each Every No Not Now Today Yesterday Tomorrow
    Over Into Through During Between Among Against Without Within About Around Above Below Off
    Up Down Out Once Twice One Two Three Four Five Six Seven Eight Nine Ten First Second Third
    Share Read Related Popular More Top Editor Tags Tag Subscribe Follow Advertisement Sign Log
    Click Photo Video Image Source Sources Reporting Editing Updated Published Posted Comments
    Our Take Analysis Opinion Comment Note Notes Mr Mrs Ms Dr Sir Madam Many Much Further
    West East North South Siberian Officials Workers Students Labour Labor Sanctions Resolution Article Section
    Analysts Experts Critics Residents Observers Economists Diplomats Authorities Reports Data
    Figures Statistics Media Lawmakers Officers Troops Soldiers Engineers Builders Labourers
    Laborers Migrants Citizens People Police Prosecutors Investigators Researchers Scholars Markets
    Sales Exports Imports Prices Shares Demand Supply Trade Production Output Revenue Earnings
    Brands Makers Companies Firms Dealers Retailers Buyers Consumers Drivers Users Customers
    Others Everyone Nobody Someone Anyone Everything Nothing Something Anything Again Instead
    Indeed Moreover Furthermore Nevertheless Nonetheless Therefore Hence Accordingly Consequently
    Overall Finally Initially Previously Currently Recently Separately Similarly Likewise Rather
    Superficially Simultaneously Alternatively Additionally Ultimately Traditionally Officially
    Reportedly Notably Importantly Interestingly Surprisingly Clearly Obviously Perhaps Maybe
    Please Thank Thanks Yes Hello Dear Telegram WeChat Weibo Facebook Twitter YouTube Instagram
    TikTok VKontakte VK KakaoTalk Kakao WhatsApp Signal Google Yandex Internet Web Online
    IT AI TV GDP CEO PC LCV SUV EV USD RUB KRW CNY VAT HR PR IPO GPS LNG CIS SEZ UAV SKD""".split()
)
_ORG_CUES = set(
    """Ministry Agency Service Services Committee Council Party Office Department Commission
    Administration Bureau Directorate Union Association Foundation Fund Institute University
    Academy Centre Center Court Parliament Duma Assembly Army Forces Navy Guard Police Government
    Cabinet Senate Congress Chamber Organisation Organization Authority Inspectorate
    Prosecutor Embassy Consulate Mission Secretariat Board Panel Programme Program Initiative
    Network Times News Post Journal Herald Daily Gazette Tribune Telegraph Press Broadcasting
    Broadcaster Radio Television TV Review Monitor Observer Express Watch Forum Society Institution
    Chamber School College Observatory Alliance Coalition Movement Front League Council
    Commissariat Consortium Foundation Trust Pravda Gazeta Vesti Ilbo Shimbun Sinmun Zeitung Novosti Vedomosti Izvestia Inspection Guardian Insider Newsweek Wire Reporter""".split()
)
_COMPANY_CUES = set(
    """Corporation Corp Corp. Company Co Co. LLC Ltd Ltd. Limited Inc Inc. JSC PJSC OJSC CJSC PLC
    AG GmbH Group Holding Holdings Bank Motors Motor Electronics Industries Industrial Trading
    Enterprises Enterprise Technologies Technology Systems Airlines Airways Shipping Logistics
    Petroleum Energy Steel Mining Partners Capital Investment Investments Automotive Auto Telecom
    Mobile Autoleasing Distribution Plant Works Factory Shipyard Research""".split()
)
_PLACE_CUES = set(
    """Oblast Krai Region Province Prefecture City Zone River Bridge Airport Port Harbour Harbor
    Island Islands Sea Bay Lake Mountains District County Territory Peninsula Strait Okrug
    Station Square Valley Canal Dam Reservoir Highway Railway Border Crossing""".split()
)
_TITLE_WORDS = set(
    """President Prime Minister Premier Deputy Vice Ambassador Governor Secretary Chairman
    Chairwoman Chair Director Chief Head Leader Mayor Senator Rep. Representative Spokesman
    Spokeswoman Spokesperson Professor Prof. Prof General Gen. Colonel Col. Lt. Lieutenant Marshal
    Admiral Commander Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Envoy Chancellor King Queen Prince Pope
    Patriarch Foreign Defence Defense Interior Finance Economy Economic Trade Labour Labor
    Transport Construction Education Health Energy Industry Justice Culture Emergencies Natural
    Resources Agriculture Development Executive Managing Acting First Former Senior Assistant
    Special Supreme Grand Lawmaker MP CEO Founder Chief Aide Adviser Advisor Analyst Economist
    Counsellor Counselor Minister's Comrade Marshal Premier Speaker Judge Attorney Inspector
    Commissioner Deputy-Prime Vice-Premier Party State Russian Chinese Ukrainian""".split()
)
_TITLE_LOWER = set(
    """president minister premier deputy ambassador governor secretary chairman chairwoman chair
    director chief head leader mayor senator lawmaker spokesman spokeswoman spokesperson
    professor analyst economist researcher expert commander envoy diplomat aide adviser advisor
    official chancellor ceo founder scholar fellow columnist correspondent journalist editor
    general colonel lieutenant admiral marshal speaker judge prosecutor commissioner
    representative member ministers ambassadors governors secretaries officials analysts economists
    experts diplomats envoys lawmakers leaders presidents premiers chairmen directors heads
    spokesmen aides advisers advisors researchers professors commanders generals""".split()
)
_ORG_DESCRIPTORS = set(
    """outlet newspaper daily paper publication broadcaster agency magazine website portal channel
    tabloid weekly site service wire network newsletter journal think-tank thinktank institute
    ministry watchdog regulator committee monitor group""".split()
)
_COMPANY_DESCRIPTORS = set(
    """company firm carmaker automaker maker manufacturer brand brands operator retailer lender
    conglomerate developer contractor producer vendor vendors makers dealer holding subsidiary
    distributor supplier chipmaker startup start-up carrier airline shipper exporter importer
    corporation giant companies firms manufacturers carmakers automakers""".split()
)
_KOREAN_SURNAMES = set(
    """Kim Lee Ri Park Pak Choe Choi Yun Yoon Jang Chang Kang Jo Cho Han Wi Chung Jung Moon Mun
    Hong Son Shin Sin Kwon Hwang Ahn An Song Ryu Jeon Ko O Oh Seo Yu No Roh Nam Ham Kye""".split()
)

_CAP = r"(?:\d+(?:st|nd|rd|th)(?=\s+[A-Z])|[A-Z][a-z]+s['’](?=\s+[A-Z])|[A-Z][a-z]+\.(?:ru|com|org|net|ua|kr|info|io|co|jp|cn)(?![\w.])|[A-Z][a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]{2,}[a-z]?\d*|[A-Z][a-z]*[A-Z][A-Za-z]+|[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]*\.(?=\s+[A-Z]))"
_NAME_JOIN = r"(?:\s+|\s+(?:of|for|and|de|da|von|van|al|bin)\s+(?:the\s+)?|\s+&\s+|-)"
# The first word of a name: ``(?<![\w'’.-]){_CAP}`` with its first character taken out
# of the alternatives, so that the pattern opens with one character class and the
# regex engine skips straight to capitals and digits (same matches, about twice as
# fast).  Keep the alternatives in step with ``_CAP``, in the same order;
# tests/test_entities.py checks the two against each other.
_CAP_FIRST = (
    r"[A-Z\d](?<![\w'’.-][A-Z\d])"
    r"(?:(?<=\d)\d*(?:st|nd|rd|th)(?=\s+[A-Z])"
    r"|(?<=[A-Z])(?:[a-z]+s['’](?=\s+[A-Z])"
    r"|[a-z]+\.(?:ru|com|org|net|ua|kr|info|io|co|jp|cn)(?![\w.])"
    r"|[a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]+[a-z]?\d*|[a-z]*[A-Z][A-Za-z]+|\.(?:[A-Z]\.)*"
    r"|[a-z]*\.(?=\s+[A-Z])))"
)
_NAME_RE = re.compile(rf"{_CAP_FIRST}(?:{_NAME_JOIN}{_CAP})*(?![\w])")
_SOURCE_BEFORE = re.compile(
    r"\b(?:according\s+to|citing|cited\s+by|quoting|quoted\s+by|told|spoke\s+to|speaking\s+to|"
    r"reported\s+by|carried\s+by|interview\s+with|shared\s+with|"
    r"(?:data|figures|statistics|analysis|report|estimates?|survey|briefing)\s+(?:from|by|of))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SAY_AFTER = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:said|says|reported|reports|told|tells|estimated|estimates|"
    r"wrote|writes|noted|announced|claimed|confirmed)\b"
)
_DESCRIPTOR_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(group|company|firm|agency|newspaper|outlet|daily|portal|website|"
    r"broadcaster|channel|consultancy|institute|think[- ]tank|news\s+agency|publication|magazine)\b"
)
_APPOSITION = re.compile(
    r"\s*,\s+(?:who\b|(?:(?:a|an|the)\s+)?(?:[\w'’.-]+\s+){0,4}?(?:"
    + "|".join(sorted(_TITLE_LOWER))
    + r")\b)"
)
_ROLE_COMMA_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(_TITLE_LOWER)) + r")\b[^,.;:()]{0,40},\s*$", re.IGNORECASE
)
_MODIFIER_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:company|firm|group|outlet|agency|newspaper|daily|broadcaster|channel|"
    r"maker|operator|retailer|brand|carmaker|developer|publication|website)\s+[A-Z]"
)
_NOT_ENTITY_HEADS = {
    "Treaty",
    "Agreement",
    "Accord",
    "Convention",
    "Resolution",
    "Resolutions",
    "Protocol",
    "Act",
    "Law",
    "Pact",
    "Memorandum",
    "Declaration",
    "Charter",
    "Decree",
    "Code",
}
_KO_TITLES = (
    "교수|장관|외무장관|국방장관|의원|대사|대변인|위원장|부총리|총리|대통령|서기|국장|소장|연구위원|차관|"
    "지사|주지사|시장|사령관|외무상|부상|대표|회장|사장|청장|원장|실장|비서관|특사|선임연구위원|연구원"
)
_KO_PERSON = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[(\"'“‘]))((?:[가-힣]{2,6}\s)?[가-힣]{2,4})\s?(?:"
    + _KO_TITLES
    + r")(?:은|는|이|가|의|을|를|과|와|도|에게)?(?![가-힣])",
    re.M,
)
_KO_SURNAMES = set(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사"
)
_ZH_FOREIGN_NAME = re.compile(r"([\u4e00-\u9fff]{2,8})([·・•])([\u4e00-\u9fff]{2,9})")
_ZH_TITLE = re.compile(
    r"州长|总统|部长|主席|负责人|发言人|大使|总理|省长|市长|外长|官员|分析师|专家|秘书|书记|议员|主任|局长|经理|总裁|董事长|创始人|教授|将军|领导人|助理|顾问|政府|先生|女士"
)
_ZH_AFTER_NAME = re.compile(
    r"表示|称|说|指出|此前|曾|对|在|的|于|认为|透露|强调|宣布|周|日|和|与|及|等|也|还|则|已|将|是"
)
_CITY_ALIASES = {"washington"}
_PLURAL_ENDINGS = ("ers", "ists", "ians", "ants", "ents", "ors", "ies", "ees", "ives", "ules")
# the last word before a name; the lookbehind and the possessive run only spare the
# engine hopeless starts inside a word (same matches as "([A-Za-z][\w'’.-]*)\W*$")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z][\w'’.-]*+)\W*$")
# inline patterns of the hot paths, compiled once (no re-module cache lookups per call)
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.I)
_RU_BETWEEN_BEFORE = re.compile(r"(?:между|с|со)\s*$", re.I)
_RU_AND_GAP = re.compile(r"\s*и\s*")
_DASH_CAP_AFTER = re.compile(r"[-–—][A-Z]")
_LETTER_DASH_BEFORE = re.compile(r"[A-Za-z][-–—]$")
_FROM_TO_BEFORE = re.compile(r"\bfrom\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+to\s+$")
_PLACE_GAP = re.compile(r"\s*(?:,|and|or|и|및|와|과|和)\s*")
# words of more than three characters, capitalised ones in the group ("" for the others)
_LONG_WORD = re.compile(r"([A-Z][\w'’-]{3,})|[a-z][\w'’-]{3,}")
_WORD_RUN = re.compile(r"\w+")
_OF_SPLIT = re.compile(r"(.+?)\s+of\s+(?:the\s+)?(.+)$")
_REGION_AFTER = re.compile(
    r"\s+(region|oblast|krai|province|territory|district|cosmodrome|airport|river)\b"
)
_SPEECH_AFTER = re.compile(
    r"\s+(?:said|says|told|added|noted|wrote|argued|warned|explained|stated)\b"
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|according\s+to)\s*$")
_COMMA_AFTER = re.compile(r"\s*,")
_COORDINATION = re.compile(r"\s*(?:,|and|,\s*and)\s*")

# Patterns searched in the text before a name and anchored at its end match at most
# this many whitespace-separated words (letters and spaces only), so the search can
# start at the last words (:func:`_search_tail`).  Keep in step with the patterns.
_LOCATIVE_EN_WORDS = 4  # "travelled back to the"
_LOCATIVE_RU_WORDS = 2  # "визит в"
_SOURCE_BEFORE_WORDS = 3  # "according to the"
_SAID_BEFORE_WORDS = 2  # "according to"


def _search_tail(rx: re.Pattern[str], before: str, words: int) -> re.Match[str] | None:
    """``rx.search(before)`` for a pattern whose every match lies within the last
    ``words`` whitespace-separated words of ``before`` (and the spaces around them).

    The search starts at the space before those words instead of at the start of
    ``before`` (the engine still sees the character before, for ``\\b`` and
    lookbehinds), so it finds the same match, if any, at the same offsets.
    """
    parts = before.rsplit(None, words)
    return rx.search(before, len(parts[0]) if len(parts) > words else 0)


@dataclass(slots=True, frozen=True)
class NameSpan:
    """A located name: canonical ``name`` and ``type`` at ``start:end``.

    ``known`` is True for case actors (gazetteer), False for names found by cues.
    """

    name: str
    type: str
    start: int
    end: int
    known: bool = True


_RU_CAPITAL_NOM = {"москва", "пхеньян", "сеул", "пекин", "вашингтон", "токио", "киев", "минск"}


def _is_locative(text: str, m: Mention, language: str, places: list[NameSpan]) -> bool:
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 16]
    if language in ("ru", "uk", "be") or _CYRILLIC.search(m.alias):
        if _search_tail(_LOCATIVE_RU, before, _LOCATIVE_RU_WORDS):
            return True
        if m.alias.lower() in _RU_CAPITAL_NOM or _RU_BETWEEN_BEFORE.search(before):
            return False
        if places and _RU_AND_GAP.fullmatch(text[places[-1].end : m.start]):
            return places[-1].type == "place"
        return True
    if _search_tail(_LOCATIVE_EN, before, _LOCATIVE_EN_WORDS) or _LOCATIVE_AFTER_EN.match(after):
        return True
    # dateline "PYONGYANG, June 17 (Wire) -", "MOSCOW (Wire) -"; routes "Moscow-Pyongyang"
    line_start = m.start == 0 or text[m.start - 1] == "\n"
    if line_start and _DATELINE_AFTER.match(after + text[m.end + 16 : m.end + 40]):
        return True
    if _DASH_CAP_AFTER.match(after) or _LETTER_DASH_BEFORE.search(before):
        return True
    if _FROM_TO_BEFORE.search(before):
        return True
    if _search_tail(_LOCATIVE_RU, before, _LOCATIVE_RU_WORDS):
        return True
    if _LOCATIVE_AFTER_KO.match(after) or _LOCATIVE_ZH.search(before):
        return True
    # "in Moscow and Pyongyang", "between Moscow and Pyongyang"
    if places:
        prev = places[-1]
        gap = text[prev.end : m.start]
        if prev.type == "place" and _PLACE_GAP.fullmatch(gap):
            return True
    return False


def _title_case_line(line: str) -> bool:
    # one pass over the words of more than three letters: a capitalised word is in
    # the group, a lower-case one gives ""
    words = _LONG_WORD.findall(line)
    n = len(words)
    if n < 3:
        return False
    ratio = (n - words.count("")) / n
    if line.rstrip("\"”’'»)").endswith((".", "!", "?", "。")):
        return ratio >= 0.9
    return ratio >= 0.6


def _skip_line(stripped: str) -> bool:
    """A (stripped) line in Title Case (headline) or a short boilerplate line."""
    return bool(stripped) and (
        (len(stripped.split(None, 3)) <= 3 and not stripped.endswith("."))
        or _title_case_line(stripped)
    )


class _SkipLines:
    """Whether the line holding an offset is a headline or boilerplate line (no unknown
    names there); each line is judged on first need only."""

    __slots__ = ("seen", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[int, bool] = {}

    def __call__(self, pos: int) -> bool:
        text = self.text
        start = text.rfind("\n", 0, pos) + 1
        flag = self.seen.get(start)
        if flag is None:
            end = text.find("\n", pos)
            flag = _skip_line(text[start : end if end >= 0 else len(text)].strip())
            self.seen[start] = flag
        return flag


def _classify(tokens: list[str]) -> str | None:
    last = tokens[-1]
    if len(tokens) < 2:
        return None
    if last in _COMPANY_CUES or (
        len(tokens) >= 2 and tokens[-1].rstrip(".") in {"Co", "Corp", "Inc", "Ltd"}
    ):
        return "company"
    if last in _PLACE_CUES and len(tokens) >= 2:
        return "place"
    if not _ORG_CUES.isdisjoint(tokens):
        # "Russian Ministry of Labour": the org cue anywhere with other content
        return "organization"
    if not _COMPANY_CUES.isdisjoint(tokens[1:]):
        return "company"
    return None


def _looks_like_person(tokens: list[str]) -> bool:
    if not 2 <= len(tokens) <= 4:
        return False
    for t in tokens:
        core = t.replace("-", "").replace("'", "").replace("’", "")
        if not core.isalpha() or not t[0].isupper() or t.isupper():
            return False
        if (
            t in _STOP
            or t in _ORG_CUES
            or t in _COMPANY_CUES
            or t in _PLACE_CUES
            or t in _TITLE_WORDS
        ):
            return False
    return True


_AND = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")


def _candidates(text: str) -> Iterator[tuple[int, int]]:
    """Capitalised name spans; "X and Y" is split unless it is "Ministry of A and B"."""
    for m in _NAME_RE.finditer(text):
        s, e = m.span()
        raw = m.group()
        if "and" not in raw and "&" not in raw:
            yield s, e
            continue
        joins = list(_AND.finditer(raw))
        if (
            joins
            and " of " not in raw[: joins[0].start()]
            and " for " not in raw[: joins[0].start()]
        ):
            pos = 0
            for j in joins:
                if " " in raw[pos : j.start()] or j.group().strip() == "and":
                    yield s + pos, s + j.start()
                    pos = j.end()
            yield s + pos, e
            continue
        yield s, e


def _strip_lead(
    text: str, s: int, e: int, tokens: list[str], drop: set[str]
) -> tuple[int, list[str]]:
    """Drop leading tokens that are in ``drop``; returns the new start and tokens."""
    while tokens and tokens[0] in drop:
        cut = text.index(tokens[0], s) + len(tokens[0])
        tokens = tokens[1:]
        while cut < e and text[cut] in " \t\n":
            cut += 1
        s = cut
    return s, tokens


def _prev_word(before: str) -> str:
    if _DATELINE_END.search(before):
        return ""  # "SEOUL, 5 May (Wire) - Close to ...": the dateline is not a descriptor
    m = _WORD_BEFORE.search(before)
    return m.group(1) if m else ""


def _is_w(ch: str) -> bool:
    """``ch`` is matched by the regex class ``\\w`` (str patterns)."""
    return ch.isalnum() or ch == "_"


def _is_text_word(text: str, word: str) -> bool:
    """``word`` is a whole run of word characters of ``text``: ``f" {word} "`` is in
    ``" " + re.sub(r"[^\\w]+", " ", text) + " "``, without building that string."""
    if not _WORD_RUN.fullmatch(word):
        return False
    size = len(word)
    end = len(text)
    i = text.find(word)
    while i >= 0:
        j = i + size
        if (i == 0 or not _is_w(text[i - 1])) and (j == end or not _is_w(text[j])):
            return True
        i = text.find(word, i + 1)
    return False


def _sentence_start(before: str) -> bool:
    """Whether a name right after ``before`` opens a sentence (or the story, after a dateline)."""
    return (
        not before.strip()
        or before.rstrip()[-1] in '.!?:"“”\n'
        or _DATELINE_END.search(before) is not None
    )


#: the end of a dateline: "SEOUL, 5 May 2025 (Amur Wire) - "
_DATELINE_END = re.compile(r"\)\s*[-–—]\s*$")


def _is_known_at(known: list[NameSpan], starts: list[int], pos: int) -> bool:
    """True when a known name starts at ``pos`` (``starts`` are the sorted starts of ``known``)."""
    i = bisect_left(starts, pos)
    return i < len(starts) and starts[i] == pos


def _unknown_names(text: str, gazetteer: Gazetteer, known: list[NameSpan]) -> list[NameSpan]:
    """English names the case does not know, by cue words (precision first).

    Every test on a candidate is free of side effects until it adds a name, so the
    headline/boilerplate line test (:class:`_SkipLines`) runs only then.
    """
    skipped = _SkipLines(text)
    known = sorted(known, key=lambda k: k.start)
    starts = [k.start for k in known]
    out: list[NameSpan] = []
    persons_by_word: dict[str, str] = {}
    pending: list[NameSpan] = []
    last_person_end = -1
    for s0, e in _candidates(text):
        s = s0
        raw = text[s:e]
        # drop a trailing possessive and leading stop words
        if raw.endswith(("'s", "’s")):
            raw = raw[:-2]
            e -= 2
        tokens = raw.split()
        if tokens and tokens[0] in _STOP:
            if len(tokens) == 1:
                continue  # a lone stop word ("The", "However")
            s, tokens = _strip_lead(text, s, e, tokens, _STOP)
        if len(tokens) > 1 and tokens[0].endswith(("'s", "’s")) and _is_known_at(known, starts, s):
            # "Russia's Primorsky Krai": a known owner's possessive before a known name is not
            # part of that name ("Mongolia's Ministry of Labour", unknown as a whole, stays)
            cut, rest = _strip_lead(text, s, e, tokens, {tokens[0]})
            i = bisect_left(starts, cut)
            if any(k.start == cut and k.end == e for k in known[i : i + 3]):
                s, tokens = cut, rest
        lead_titles: list[str] = []
        if tokens and tokens[0] in _TITLE_WORDS and _classify(tokens) is None:
            # "Deputy Prime Minister Marat Khusnullin": titles before a person's name
            while tokens and (tokens[0] in _STOP or tokens[0] in _TITLE_WORDS):
                first = tokens[0]
                if first in _TITLE_WORDS:
                    lead_titles.append(first)
                cut = text.index(first, s) + len(first)
                while cut < e and text[cut] in " \t\n":
                    cut += 1
                s = cut
                tokens = tokens[1:]
        # strip leading/trailing connector words
        while tokens and (
            tokens[-1] in {"of", "for", "on", "and", "the", "&", "de"} or tokens[-1] in _MONTHS
        ):
            e = text.rindex(tokens[-1], s, e)
            tokens = tokens[:-1]
            while e > s and text[e - 1] in " \t\n":
                e -= 1
        if not tokens:
            continue
        lo = bisect_left(starts, s) - 2
        hi = bisect_left(starts, e)
        inside: list[NameSpan] = []
        if hi > 0:
            clash = False
            for k in known[lo if lo > 0 else 0 : hi]:
                if k.start >= s and k.end <= e:
                    if k.start == s and k.end == e:
                        clash = True  # the gazetteer's own name
                        break
                    inside.append(k)
                elif k.start < e and s < k.end:
                    # overlaps a known name partially: leave it to the gazetteer
                    clash = True
                    break
            if clash:
                continue
        surface = text[s:e]
        if tokens[-1] in _NOT_ENTITY_HEADS:
            continue  # treaties, laws, resolutions and the like are not entities
        if inside and any(
            k.type not in ("country", "place") and k.name != ANONYMOUS for k in inside
        ):
            # "Economic Department of the Workers' Party of Korea": trust the gazetteer,
            # and try the name the other way round ("Workers' Party of Korea Economic Department")
            om = _OF_SPLIT.match(surface)
            if om:
                swapped = gazetteer.lookup(f"{om.group(2)} {om.group(1)}")
                if swapped is not None and not skipped(s0):
                    out.append(
                        NameSpan(swapped.name, swapped.type, s, s + len(om.group(1)), known=True)
                    )
            continue
        ntok = len(tokens)
        if ntok == 1 and tokens[0] in persons_by_word:
            if not skipped(s0):
                out.append(NameSpan(persons_by_word[tokens[0]], "person", s, e, known=False))
            continue
        kind = _classify(tokens)
        # a leading known country/adjective is kept only for organisations ("Russian Ministry of Labour")
        if inside and (kind is None or kind == "person"):
            continue
        before = text[max(0, s - 60) : s]
        after = text[e : e + 60]
        prev_word: str | None = None  # the word before the name, found on first need
        person_like = False
        if kind is None:
            # "Kursk region" style: Capitalised name + lower-case region word
            rm = _REGION_AFTER.match(after)
            if rm and ntok == 1 and not tokens[0].endswith(("ian", "ern", "ese", "ish")):
                e = e + rm.end()
                surface = text[s:e]
                kind = "place"
        if kind is None:
            person_like = _looks_like_person(tokens)
        if person_like:
            if lead_titles:
                kind = "person"
            else:
                prev_word = _prev_word(before)
                if prev_word.lower() in _TITLE_LOWER:
                    kind = "person"
                elif _APPOSITION.match(after):
                    kind = "person"
                elif _SPEECH_AFTER.match(after) and not any(
                    t in _KOREAN_SURNAMES for t in tokens[1:2]
                ):
                    kind = "person"
                elif _search_tail(_SAID_BEFORE, before, _SAID_BEFORE_WORDS):
                    kind = "person"
                elif _ROLE_COMMA_BEFORE.search(before) and _COMMA_AFTER.match(after):
                    # "the company's representative in Vladivostok, Kim Sang Man, ..."
                    kind = "person"
                elif last_person_end >= 0 and _COORDINATION.fullmatch(text, last_person_end, s):
                    # "Andrei Rudenko and Kim Jong Gyu"
                    kind = "person"
        if kind is None:
            if _MODIFIER_AFTER.match(after):
                continue  # "the IT company Fplus": a modifier of the next name
            single_common = False
            if ntok == 1:
                first = tokens[0]
                if first in _STOP or first in _KOREAN_SURNAMES:
                    single_common = True
                else:
                    # a word the text also writes in lower case, or a plural
                    single_common = _is_text_word(text, first.lower()) or (
                        not first.isupper() and first.endswith(_PLURAL_ENDINGS)
                    )
            if not single_common:
                cited = _search_tail(_SOURCE_BEFORE, before, _SOURCE_BEFORE_WORDS)
                if cited or _SAY_AFTER.match(after):
                    kind = "person" if person_like else "organization"
                elif not (ntok == 1 and _sentence_start(before)):
                    dm = _DESCRIPTOR_AFTER.match(after)
                    if dm:
                        kind = (
                            "company"
                            if dm.group(1).lower() in {"group", "company", "firm", "consultancy"}
                            else "organization"
                        )
        if kind is None and ntok <= 3:
            if prev_word is None:
                prev_word = _prev_word(before)
            if prev_word:
                pl = prev_word.lower()
                if pl in _ORG_DESCRIPTORS and tokens[0] not in _STOP:
                    kind = "organization"
                elif pl in _COMPANY_DESCRIPTORS and tokens[0] not in _STOP:
                    kind = "company"
        if kind is None:
            if not inside and person_like and not skipped(s0):
                pending.append(NameSpan(" ".join(surface.split()), "person", s, e, known=False))
            continue
        if skipped(s0):
            continue
        name = " ".join(surface.split())
        if kind == "person":
            last_person_end = e
            parts = name.split()
            persons_by_word.setdefault(parts[-1], name)
            if parts[0] in _KOREAN_SURNAMES:
                persons_by_word.setdefault(parts[0], name)
        out.append(NameSpan(name, kind, s, e, known=False))
    # "Irina Sokolova and Pavel Demin, who ...": a name coordinated with a person found later
    person_starts = {n.start for n in out if n.type == "person"}
    for p in pending:
        m = _COORDINATION.match(text, p.end)
        if m and m.end() in person_starts:
            out.append(p)
    out.sort(key=lambda n: n.start)
    return out


_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,9}\.?(?:\s+\d{4})?))?"
    r"\s*\(([^()\n]{2,60})\)\s*[-–—]",
    re.M,
)
_REPORTING_BY = re.compile(
    r"\((?:Reporting|Writing|Additional reporting)\s+by\s+([^;()\n]{2,60})", re.I
)
_PUBLISHED_LINE = re.compile(
    r"^Published:[^\n]*?[|·—–]\s*([^|·—–\n]{2,60}?)\s*(?:[|·—–][^\n]*)?$", re.M
)


_COULD_NOT_VERIFY = re.compile(
    r"(?:^|[.!?]\s+)((?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*)\s+(?:could|can|was|were|has|have)\s+not\s+"
    r"(?:been\s+able\s+to\s+|be\s+able\s+to\s+)?(?:independently\s+)?(?:confirm|verify)",
    re.M,
)


_END_CREDIT = re.compile(r"\(([^()\n]{2,60})\)\.?\s*\Z")


def relay_credits(text: str) -> list[str]:
    """Wires that a copy credits: the dateline "(Wire)" repeated as a closing "(Wire)"
    credit.  A copy's credited wire is a relay attribution and an entity, not the publisher."""
    m = _END_CREDIT.search(text)
    if not m:
        return []
    name = m.group(1).strip()
    if any(d.group(1).strip() == name for d in _DATELINE.finditer(text)):
        return [name]
    return []


def publisher_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the publishing outlet's name: a dateline "(Outlet)", a sign-off line,
    "(Reporting by Outlet ...)" or a "Published: ... | Outlet" line, and every other
    occurrence of those names.  The publisher is neither an entity nor an attribution
    (``ANNOTATION.md`` §6)."""
    global _LAST_PUB
    last = _LAST_PUB
    if last is not None and last[0] == text:
        return list(last[1])
    pubs: set[str] = set()
    checks = [_DATELINE, _REPORTING_BY]
    if "Published:" in text:
        checks.append(_PUBLISHED_LINE)
    if " not " in text and ("confirm" in text or "verif" in text):
        checks.append(_COULD_NOT_VERIFY)
    for rx in checks:
        for m in rx.finditer(text):
            pubs.add(m.group(1).strip())
    # the last three lines (rsplit: no list of every line)
    lines = [ln.strip() for ln in text.rstrip().rsplit("\n", 3)[-3:]]
    tail = [ln for ln in lines if ln]
    for ln in tail[-1:]:
        cand = ln.lstrip("-–—•* ").strip()
        words = cand.split()
        if (
            1 <= len(words) <= 5
            and not cand.endswith((".", "!", "?", ":"))
            and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        ):
            pubs.add(cand)
    pubs = {
        p for p in pubs if len(p) >= 2 and not p.lower().startswith(("the asia desk", "editing"))
    }
    pubs -= set(relay_credits(text))
    spans: list[tuple[int, int]] = []
    for p in pubs:
        spans.extend(_occurrences(p, text))
    _LAST_PUB = (text, tuple(spans))
    return spans


_LAST_PUB: tuple[str, tuple[tuple[int, int], ...]] | None = None


def _drop_publisher(names: list[NameSpan], spans: list[tuple[int, int]]) -> list[NameSpan]:
    if not spans:
        return names
    return [n for n in names if not any(a <= n.start and n.end <= b for a, b in spans)]


def _resolve_mentions(text: str, language: str, mentions: list[Mention]) -> list[NameSpan]:
    spans: list[NameSpan] = []
    for m in mentions:
        name, typ = m.name, m.type
        if name == ANONYMOUS:
            # "a source in Pyongyang": the city is still a place
            spans.append(NameSpan(name, typ, m.start, m.end, True))
            continue
        if typ == "place" and name in CAPITALS:
            if not _is_locative(text, m, language, spans):
                name, typ = CAPITALS[name], "country"
        spans.append(NameSpan(name, typ, m.start, m.end, True))
    return spans


def find_names(
    text: str, language: str, gazetteer: Gazetteer, mentions: list[Mention] | None = None
) -> list[NameSpan]:
    """Every located name in ``text``, in text order: case actors and unknown names.

    Capital metonyms are resolved to their country; surnames used alone map to the
    full name of a person found earlier.  ``mentions`` may pass precomputed
    :meth:`Gazetteer.find` results.
    """
    global _LAST
    last = _LAST  # one read: the cache is replaced whole, never mutated
    if last is not None and last[0] is gazetteer and last[1] == language and last[2] == text:
        return list(last[3])
    names = _find_names(text, language, gazetteer, mentions)
    _LAST = (gazetteer, language, text, tuple(names))
    return names


# the last document's names: attributions and entities of one document share them
_LAST: tuple[Gazetteer, str, str, tuple[NameSpan, ...]] | None = None


def _find_names(
    text: str, language: str, gazetteer: Gazetteer, mentions: list[Mention] | None
) -> list[NameSpan]:
    if mentions is None:
        mentions = gazetteer.find(text)
    nested: list[Mention] = []
    for m in mentions:
        if m.name == ANONYMOUS and " " in m.alias:
            first = m.alias.index(" ") + 1
            for inner in gazetteer.find(text[m.start + first : m.end]):
                if inner.name != ANONYMOUS:
                    nested.append(
                        Mention(
                            inner.name,
                            inner.type,
                            inner.start + m.start + first,
                            inner.end + m.start + first,
                            inner.alias,
                        )
                    )
    if nested:
        mentions = sorted(list(mentions) + nested, key=lambda x: x.start)
    spans = _resolve_mentions(text, language, mentions)
    if language in ("en", "", None) or (
        language not in ("ru", "ko", "zh", "ja") and text.isascii()
    ):
        unknown = _unknown_names(text, gazetteer, spans)
        # unknown names replace known ones they strictly contain
        if unknown:
            keep = [
                k for k in spans if not any(u.start <= k.start and k.end <= u.end for u in unknown)
            ]
            spans = sorted(keep + unknown, key=lambda n: n.start)
            spans = _surname_links(text, spans)
        titled = _title_bodies(text, gazetteer, spans)
        if titled:
            spans = sorted(spans + titled, key=lambda n: n.start)
    elif language in ("zh", "ja"):
        # transliterated foreign names: "米哈伊尔·潘捷列耶夫"
        extra = []
        for zm in _ZH_FOREIGN_NAME.finditer(text):
            given, family = zm.group(1), zm.group(3)
            given = _ZH_TITLE.split(given)[-1][-4:]
            family = _ZH_AFTER_NAME.split(family)[0]
            if len(given) < 2 or len(family) < 2:
                continue
            start = zm.start(2) - len(given)
            end = zm.end(2) + len(family)
            if not any(n.start < end and start < n.end for n in spans):
                extra.append(NameSpan(text[start:end], "person", start, end, known=False))
        if extra:
            spans = sorted(spans + extra, key=lambda n: n.start)
    elif language == "ko":
        # a name before a title: "강동완 교수", "세르게이 라브로프 외무장관"
        extra = []
        for km in _KO_PERSON.finditer(text):
            name = km.group(1)
            start = km.start(1)
            if " " not in name and name[0] not in _KO_SURNAMES:
                continue
            if not any(n.start < km.end(1) and start < n.end for n in spans):
                extra.append(NameSpan(name, "person", start, km.end(1), known=False))
        if extra:
            spans = sorted(spans + extra, key=lambda n: n.start)
    elif language == "ru":
        unknown = _russian_names(text, spans)
        if unknown:
            spans = sorted(spans + unknown, key=lambda n: n.start)
    for credit in relay_credits(text):
        known = gazetteer.lookup(credit)
        credited: list[NameSpan] = []
        for cs, ce in _occurrences(credit, text):
            if not any(n.start < ce and cs < n.end for n in spans):
                name, typ = (known.name, known.type) if known else (credit, "organization")
                credited.append(NameSpan(name, typ, cs, ce, known is not None))
        spans = sorted(spans + credited, key=lambda n: n.start)
    return spans


# --- Russian: natasha NER (optional; models ship inside the wheels) ----------
_NATASHA: dict[str, object] = {}
_RU_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
_RU_GENERIC = re.compile(
    r"^(?:Минстрой|Правительство|Министерство|Госдума|Совбез|Минфин|ведомство)$", re.I
)


def _natasha() -> dict[str, object] | None:
    """Lazily load natasha's segmenter, NER tagger and morph vocabulary (None if not installed)."""
    if "ner" in _NATASHA:
        return _NATASHA
    if _NATASHA.get("missing"):
        return None
    try:
        from natasha import MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:  # pragma: no cover - optional dependency
        log.info("natasha is not installed: no unknown Russian names")
        _NATASHA["missing"] = True
        return None
    emb = NewsEmbedding()
    _NATASHA.update(segmenter=Segmenter(), ner=NewsNERTagger(emb), morph=MorphVocab(), cache={})
    return _NATASHA


def _ru_nominative(words: list[str], kind: str, nat: dict[str, object]) -> str:
    """Nominative form of a Russian name ("Алексея Колмакова" -> "Алексей Колмаков")."""
    morph = nat["morph"]
    cache: dict[tuple[str, str], str] = nat["cache"]  # type: ignore[assignment]
    out = []
    head_gender = None
    for i, w in enumerate(words):
        if not re.fullmatch(r"[А-ЯЁа-яё-]+", w) or w.isupper():
            out.append(w)
            continue
        key = (w, kind + str(head_gender))
        if key not in cache:
            parses = morph.parse(w)  # type: ignore[attr-defined]
            best = parses[0] if parses else None
            if kind == "person":
                named = [
                    p
                    for p in parses
                    if {"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(","))
                ]
                best = named[0] if named else best
            if best is None or any(
                "nomn" in str(p.tag) and "sing" in str(p.tag) for p in parses[:3]
            ):
                form = w
            elif kind != "person" and i > 0 and "gent" in str(best.tag):
                form = w  # dependent genitive ("Министерство строительства")
            else:
                inflected = best.inflect({"Nom"})
                form = inflected.word if inflected else w
                if w[:1].isupper():
                    form = "-".join(part[:1].upper() + part[1:] for part in form.split("-"))
            cache[key] = form
        out.append(cache[key])
    return " ".join(out)


_RU_SURNAME_MASC = [
    ("ского", "ский"),
    ("скому", "ский"),
    ("ским", "ский"),
    ("ском", "ский"),
    ("цкого", "цкий"),
    ("цкому", "цкий"),
    ("цким", "цкий"),
    ("цком", "цкий"),
    ("ова", "ов"),
    ("ову", "ов"),
    ("овым", "ов"),
    ("ове", "ов"),
    ("ева", "ев"),
    ("еву", "ев"),
    ("евым", "ев"),
    ("еве", "ев"),
    ("ёва", "ёв"),
    ("ёву", "ёв"),
    ("ёвым", "ёв"),
    ("ина", "ин"),
    ("ину", "ин"),
    ("иным", "ин"),
    ("ине", "ин"),
    ("ына", "ын"),
    ("ыну", "ын"),
    ("ыным", "ын"),
]
_RU_SURNAME_FEMN = [
    ("ской", "ская"),
    ("цкой", "цкая"),
    ("овой", "ова"),
    ("евой", "ева"),
    ("иной", "ина"),
    ("ову", "ова"),
    ("еву", "ева"),
    ("ину", "ина"),
]


def _ru_person(words: list[str], nat: dict[str, object]) -> str:
    """Nominative of a Russian personal name, cased by its first name ("Дмитрия Демешина" -> "Дмитрий Демешин")."""
    morph = nat["morph"]
    parses = [p for p in morph.parse(words[0]) if "Name" in str(p.tag)]  # type: ignore[attr-defined]
    if not parses:
        return " ".join(words)
    tag = str(parses[0].tag)
    if "nomn" in tag:
        return " ".join(words)
    first = parses[0].inflect({"Nom"})
    out = [(first.word.capitalize() if first else words[0])]
    for w in words[1:-1]:
        pp = [p for p in morph.parse(w) if "Patr" in str(p.tag)]  # type: ignore[attr-defined]
        inf = pp[0].inflect({"Nom"}) if pp else None
        out.append(inf.word.capitalize() if inf else w)
    last = words[-1]
    rules = _RU_SURNAME_FEMN if "femn" in tag else _RU_SURNAME_MASC
    for end, nom in rules:
        if last.endswith(end) and len(last) > len(end) + 1:
            last = last[: -len(end)] + nom
            break
    out.append(last)
    return " ".join(out)


_RU_CAPWORD = re.compile(r"(?<![\w-])[А-ЯЁA-Z][а-яёa-zA-Z-]+")


def _russian_names(text: str, known: list[NameSpan]) -> list[NameSpan]:
    """Unknown Russian persons, organisations and places by natasha NER (nominative form).

    natasha is slow, so it only reads the sentences holding a capitalised word (not
    opening a sentence) that the gazetteer left unexplained.
    """
    spans = [(k.start, k.end) for k in known]
    chunks: list[tuple[int, int]] = []
    for m in _RU_CAPWORD.finditer(text):
        prev = text[: m.start()].rstrip()[-1:]
        if not prev or prev in ".!?\n(—–-:":
            continue
        if any(a <= m.start() < b for a, b in spans):
            continue
        cs = max(text.rfind(". ", 0, m.start()) + 1, text.rfind("\n", 0, m.start()) + 1, 0)
        ce_candidates = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
        ce = min(ce_candidates) + 1 if ce_candidates else len(text)
        if chunks and cs < chunks[-1][1]:
            chunks[-1] = (chunks[-1][0], max(ce, chunks[-1][1]))
        else:
            chunks.append((cs, ce))
    if not chunks:
        return []
    nat = _natasha()
    if nat is None:
        return []
    from natasha import Doc

    out: list[NameSpan] = []
    for cs, ce in chunks:
        doc = Doc(text[cs:ce])
        doc.segment(nat["segmenter"])
        doc.tag_ner(nat["ner"])
        for sp in doc.spans:
            a, b = sp.start + cs, sp.stop + cs
            if any(k.start < b and a < k.end for k in known):
                continue
            kind = _RU_TYPES.get(sp.type)
            words = sp.text.split()
            if kind is None or _RU_GENERIC.match(sp.text):
                continue
            if kind == "person" and len(words) < 2:
                continue
            if kind != "person" and all(w[:1].islower() for w in words):
                continue
            name = _ru_person(words, nat) if kind == "person" else _ru_nominative(words, kind, nat)
            out.append(NameSpan(name, kind, a, b, known=False))
    return out


_MINISTER_BEFORE = re.compile(r"\b((?:[A-Z][a-z]+\s+(?:and\s+)?){1,4})[Mm]inister\b")
_MINISTER_OF = re.compile(
    r"\b[Mm]inister\s+(?:of|for)\s+((?:the\s+)?[A-Za-z]+(?:\s+(?:and\s+)?[A-Za-z]+){0,4})"
)


def _ministries(gazetteer: Gazetteer) -> dict[str, list[str]]:
    """Portfolio ("natural resources") -> canonical names of ministries in the case."""
    cached: dict[str, list[str]] | None = getattr(gazetteer, "_ministry_index", None)
    if cached is not None:
        return cached
    index: dict[str, list[str]] = {}
    for actor in gazetteer.case.actors:
        if actor.type != "organization":
            continue
        for alias in [actor.name, *actor.aliases]:
            low = alias.lower()
            portfolios = re.findall(r"ministry\s+of\s+([a-z ]+)", low) + re.findall(
                r"([a-z]+(?:\s+[a-z]+)?)\s+ministry", low
            )
            for p in portfolios:
                words = [w for w in p.split() if w not in ("russia's", "russian", "the")]
                for k in range(1, len(words) + 1):
                    if words[k - 1] == "and":
                        continue
                    names = index.setdefault(" ".join(words[:k]), [])
                    if actor.name not in names:
                        names.append(actor.name)
    gazetteer._ministry_index = index  # type: ignore[attr-defined]
    return index


def _title_bodies(text: str, gazetteer: Gazetteer, spans: list[NameSpan]) -> list[NameSpan]:
    """A job title naming a body gives the organisation ("Natural Resources Minister" ->
    the ministry, "the minister of external economic relations" -> that ministry),
    when the case knows exactly one such ministry (or the country before the title decides)."""
    index = _ministries(gazetteer)
    out: list[NameSpan] = []
    if "inister" not in text:
        return []
    for rx in (_MINISTER_BEFORE, _MINISTER_OF):
        for m in rx.finditer(text):
            words = m.group(1).lower().split()
            words = [w for w in words if w != "the"]
            while words and words[-1] == "and":
                words.pop()
            cands: list[str] = []
            for k in range(len(words), 0, -1):
                if words[:k] and " ".join(words[:k]) in index:
                    cands = index[" ".join(words[:k])]
                    break
            if len(cands) > 1:
                before = text[max(0, m.start() - 40) : m.start()].lower()
                near = [
                    c
                    for c in cands
                    if any(w in before for w in c.lower().split()[:2] if len(w) > 3)
                ]
                cands = near if len(near) == 1 else []
            if len(cands) != 1:
                continue
            if any(n.start < m.end() and m.start() < n.end for n in spans):
                continue
            actor = gazetteer.actor(cands[0])
            out.append(
                NameSpan(
                    cands[0], actor.type if actor else "organization", m.start(), m.end(), True
                )
            )
    return out


def _surname_links(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    persons = [n for n in spans if n.type == "person" and not n.known]
    if not persons:
        return spans
    by_word: dict[str, str] = {}
    for p in persons:
        parts = p.name.split()
        by_word.setdefault(parts[-1], p.name)
        if parts[0] in _KOREAN_SURNAMES and len(parts) >= 2:
            by_word.setdefault(parts[0], p.name)
    first_pos = {p.name: p.start for p in persons}
    extra: list[NameSpan] = []
    for start, end, word in _whole_words(text, list(by_word)):
        full = by_word[word]
        if start <= first_pos[full]:
            continue
        if any(n.start <= start < n.end for n in spans):
            continue
        extra.append(NameSpan(full, "person", start, end, known=False))
    return sorted(spans + extra, key=lambda n: n.start) if extra else spans


def _is_w_or_dash(ch: str) -> bool:
    """``ch`` is matched by the regex class ``[\\w-]``."""
    return ch.isalnum() or ch == "_" or ch == "-"


def _whole_words(text: str, words: list[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping occurrences of ``words`` not inside a longer word, left to right,
    the first of ``words`` winning at a position: what the regex
    ``(?<![\\w-])(w1|w2|...)(?![\\w-])`` finds, without compiling one per document."""
    starts: set[int] = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            starts.add(i)
            i = text.find(w, i + 1)
    out: list[tuple[int, int, str]] = []
    pos = 0
    n = len(text)
    for i in sorted(starts):
        if i < pos or (i > 0 and _is_w_or_dash(text[i - 1])):
            continue
        for w in words:
            if text.startswith(w, i):
                j = i + len(w)
                if j < n and _is_w_or_dash(text[j]):
                    continue
                out.append((i, j, w))
                pos = j
                break
    return out


def _occurrences(needle: str, text: str) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``needle`` in ``text``: the spans that
    ``re.finditer(re.escape(needle), text)`` gives, without compiling a pattern."""
    if not needle:
        return [m.span() for m in re.finditer(re.escape(needle), text)]
    out = []
    size = len(needle)
    i = text.find(needle)
    while i >= 0:
        out.append((i, i + size))
        i = text.find(needle, i + size)
    return out


_PEOPLE_END = re.compile(
    r"\b(?:officials?|sources?|officers?|agents?|spies|analysts|diplomats|lawmakers)$"
)


def _is_people_reference(text: str, n: NameSpan) -> bool:
    """ "South Korean intelligence officials" names people, not the agency as an entity."""
    return bool(n.known and n.type != "person" and _PEOPLE_END.search(text[n.start : n.end]))


def find_entities(text: str, language: str, gazetteer: Gazetteer) -> list[Entity]:
    """Entities of a document, once each, canonical names, in order of first mention.

    Args:
        text: the document text (title and body).
        language: ISO 639-1 code (``en``, ``ru``, ``ko``, ``zh``); unknown names are
            only looked for in English.
        gazetteer: the case's compiled gazetteer.

    Returns:
        ``[Entity(name, type)]`` per ``ANNOTATION.md`` §7; the attribution-only
        ``anonymous source`` is never an entity.
    """
    if not text:
        return []
    pub = publisher_spans(text)
    all_names = _drop_publisher(find_names(text, language, gazetteer), pub)
    names = [n for n in all_names if not _is_people_reference(text, n)]
    # countries nested in longer names ("South Korean intelligence officials")
    countries: list[Mention] = []
    for n in all_names:
        if (
            n.type not in ("country", "place")
            and n.end - n.start > 6
            and " " in text[n.start : n.end]
        ):
            for c in gazetteer.find_countries(text[n.start : n.end]):
                if c.alias.lower() in _CITY_ALIASES:
                    continue  # "Washington Post" does not name the United States
                countries.append(
                    Mention(c.name, c.type, c.start + n.start, c.end + n.start, c.alias)
                )
    out: list[Entity] = []
    seen: set[str] = set()
    items = sorted(
        [(n.start, n.name, n.type) for n in names] + [(c.start, c.name, c.type) for c in countries]
    )
    for _, name, typ in items:
        if name == ANONYMOUS or name in seen:
            continue
        seen.add(name)
        out.append(Entity(name, typ))
    return out
