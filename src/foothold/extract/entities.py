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

:func:`find_names` returns every located name (also used for attributions);
:func:`find_entities` reduces them to the document's entity list.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass

from foothold.extract.gazetteer import Gazetteer, Mention
from foothold.model import Entity

__all__ = ["NameSpan", "find_entities", "find_names", "publisher_spans", "ANONYMOUS"]

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
    r"(?:trip|trips|travel|travelled|traveled|travelling|flew|flight|flights|fly|flying|returned|return|"
    r"back|arrived|arrive|sent|moved|route|road|rail|train|trains|way|journey|headed|heading|came|went|"
    r"bound|relocated|transferred|driven|taken|brought)\s+(?:back\s+)?(?:to|from|between))"
    r"(?:\s+the)?\s*$)",
    re.IGNORECASE,
)
_LOCATIVE_AFTER_EN = re.compile(r"^\s*(?:-based|based\b|'s\s+(?:airport|streets|outskirts|centre|center|suburbs)|\s*(?:airport|suburbs))", re.IGNORECASE)
_LOCATIVE_RU = re.compile(r"(?:\b(?:в|во|из|до|под|около|через|посетил\w*|прибыл\w*)\s*$)", re.IGNORECASE)
_LOCATIVE_AFTER_KO = re.compile(r"^(?:에서|에|으로|로|까지|를\s*방문|을\s*방문|시|\s*시내|\s*공항|\s*주재)")
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
    Western Eastern Northern Southern Central West East North South Asian European African
    Latin Soviet Siberian Arctic Pacific Atlantic Global International National Federal State
    Government Officials Workers Students Labour Labor Sanctions Resolution Article Section""".split()
)
_ORG_CUES = set(
    """Ministry Agency Service Services Committee Council Party Office Department Commission
    Administration Bureau Directorate Union Association Foundation Fund Institute University
    Academy Centre Center Court Parliament Duma Assembly Army Forces Navy Guard Police Government
    Cabinet Senate Congress Chamber Federation Organisation Organization Authority Inspectorate
    Prosecutor Embassy Consulate Mission Secretariat Board Panel Programme Program Initiative
    Network Times News Post Journal Herald Daily Gazette Tribune Telegraph Press Broadcasting
    Broadcaster Radio Television TV Review Monitor Observer Express Watch Forum Society Institution
    Chamber School College Observatory Inspection Guardian Insider Newsweek Wire Reporter""".split()
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
_PLACE_CUES_LOWER = {"region", "oblast", "krai", "province", "territory", "district", "river"}
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
    general colonel lieutenant admiral marshal speaker judge prosecutor commissioner""".split()
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

_CAP = r"(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]{2,}[a-z]?\d*|[A-Z][a-z]*[A-Z][A-Za-z]+|[A-Z]\.(?:[A-Z]\.)*|[A-Z][a-z]*\.(?=\s+[A-Z]))"
_NAME_RE = re.compile(
    rf"(?<![\w'’.-]){_CAP}(?:(?:\s+|\s+(?:of|for|on|and|de|da|von|van|al|bin)\s+(?:the\s+)?|\s+&\s+|-){_CAP})*(?![\w])"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)\W*$")


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


def _is_locative(text: str, m: Mention, language: str, places: list[NameSpan]) -> bool:
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 16]
    if _LOCATIVE_EN.search(before) or _LOCATIVE_AFTER_EN.match(after):
        return True
    if _LOCATIVE_RU.search(before):
        return True
    if _LOCATIVE_AFTER_KO.match(after) or _LOCATIVE_ZH.search(before):
        return True
    # "in Moscow and Pyongyang", "between Moscow and Pyongyang"
    if places:
        prev = places[-1]
        gap = text[prev.end : m.start]
        if prev.type == "place" and re.fullmatch(r"\s*(?:,|and|or|и|및|와|과|和)\s*", gap):
            return True
    return False


def _title_case_line(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


def _skip_ranges(text: str) -> list[tuple[int, int]]:
    """Lines in Title Case (headlines) and short boilerplate lines: no unknown names there."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped and (_title_case_line(stripped) or (len(stripped.split()) <= 3 and not stripped.endswith("."))):
            out.append((pos, end))
        pos = end + 1
    return out


def _tokens(span: str) -> list[str]:
    return span.split()


def _classify(tokens: list[str]) -> str | None:
    last = tokens[-1]
    if len(tokens) < 2:
        return None
    if last in _COMPANY_CUES or (len(tokens) >= 2 and tokens[-1].rstrip(".") in {"Co", "Corp", "Inc", "Ltd"}):
        return "company"
    if last in _PLACE_CUES and len(tokens) >= 2:
        return "place"
    if any(t in _ORG_CUES for t in tokens):
        # "Russian Ministry of Labour": the org cue anywhere with other content
        return "organization"
    if any(t in _COMPANY_CUES for t in tokens[1:]):
        return "company"
    return None


def _looks_like_person(tokens: list[str]) -> bool:
    if not 2 <= len(tokens) <= 4:
        return False
    for t in tokens:
        core = t.replace("-", "").replace("'", "").replace("’", "")
        if not core.isalpha() or not t[0].isupper() or t.isupper():
            return False
        if t in _STOP or t in _ORG_CUES or t in _COMPANY_CUES or t in _PLACE_CUES or t in _TITLE_WORDS:
            return False
    return True


def _unknown_names(text: str, gazetteer: Gazetteer, known: list[NameSpan]) -> list[NameSpan]:
    """English names the case does not know, by cue words (precision first)."""
    skips = _skip_ranges(text)
    known = sorted(known, key=lambda k: k.start)
    starts = [k.start for k in known]
    out: list[NameSpan] = []
    for m in _NAME_RE.finditer(text):
        s, e = m.start(), m.end()
        if skips and any(a <= s < b for a, b in skips):
            continue
        raw = m.group()
        # drop a trailing possessive and leading stop words / title words
        if raw.endswith(("'s", "’s")):
            raw = raw[:-2]
            e -= 2
        tokens = raw.split()
        lead_titles: list[str] = []
        while tokens and (tokens[0] in _STOP or tokens[0] in _TITLE_WORDS):
            if tokens[0] in _TITLE_WORDS:
                lead_titles.append(tokens[0])
            elif lead_titles:
                lead_titles = []
            cut = text.index(tokens[0], s) + len(tokens[0])
            tokens = tokens[1:]
            while cut < e and text[cut] in " \t\n":
                cut += 1
            s = cut
        # strip leading/trailing connector words
        while tokens and tokens[-1] in {"of", "for", "on", "and", "the", "&", "de"}:
            e = text.rindex(tokens[-1], s, e)
            tokens = tokens[:-1]
            while e > s and text[e - 1] in " \t\n":
                e -= 1
        if not tokens:
            continue
        lo = max(0, bisect_left(starts, s) - 2)
        hi = bisect_left(starts, e)
        near = known[lo:hi]
        inside = [k for k in near if k.start >= s and k.end <= e]
        if any(k.start == s and k.end == e for k in near):
            continue
        if any(k.start < e and s < k.end and not (k.start >= s and k.end <= e) for k in near):
            # overlaps a known name partially: leave it to the gazetteer
            continue
        surface = text[s:e]
        kind = _classify(tokens)
        # a leading known country/adjective is kept only for organisations ("Russian Ministry of Labour")
        if inside and kind is None:
            continue
        if inside and kind == "person":
            continue
        before = text[max(0, s - 60) : s]
        after = text[e : e + 60]
        prev_word_m = _WORD_BEFORE.search(before)
        prev_word = prev_word_m.group(1) if prev_word_m else ""
        if kind is None and len(tokens) == 2 and tokens[1].lower() in _PLACE_CUES_LOWER:
            kind = None
        if kind is None:
            # "Kursk region" style: Capitalised name + lower-case region word
            rm = re.match(r"\s+(region|oblast|krai|province|territory|district)\b", after)
            if rm and len(tokens) == 1 and not tokens[0].endswith(("ian", "ern", "ese", "ish")):
                e = e + rm.end()
                surface = text[s:e]
                kind = "place"
        if kind is None and _looks_like_person(tokens):
            if lead_titles or prev_word.lower() in _TITLE_LOWER:
                kind = "person"
            elif re.match(r"\s*,\s+(?:who\b|(?:a|an|the)\s+(?:former\s+|senior\s+|deputy\s+|chief\s+|then\s+)?[\w-]*\s*(?:"
                          + "|".join(sorted(_TITLE_LOWER)) + r")\b|(?:[A-Z][\w'’]*\s+){0,3}(?:" + "|".join(sorted(_TITLE_LOWER)) + r")\b)", after):
                kind = "person"
            elif re.match(r"\s+(?:said|says|told|added|noted|wrote|argued|warned|explained|stated)\b", after) and not any(
                t in _KOREAN_SURNAMES for t in tokens[1:2]
            ):
                kind = "person"
            elif re.search(r"\b(?:said|says|according\s+to)\s*$", before):
                kind = "person"
        if kind is None and len(tokens) <= 3 and prev_word:
            pl = prev_word.lower()
            if pl in _ORG_DESCRIPTORS and tokens[0] not in _STOP:
                kind = "organization"
            elif pl in _COMPANY_DESCRIPTORS and tokens[0] not in _STOP:
                kind = "company"
        if kind is None:
            continue
        out.append(NameSpan(" ".join(surface.split()), kind, s, e, known=False))
    # lists after a company descriptor: "Chinese brands Chery, Haval and Geely"
    return out


_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*\(([^()\n]{2,60})\)\s*[-–—]", re.M)
_REPORTING_BY = re.compile(r"\((?:Reporting|Writing|Additional reporting)\s+by\s+([^;()\n]{2,60})", re.I)
_PUBLISHED_LINE = re.compile(r"^Published:[^\n]*?[|·—–]\s*([^|·—–\n]{2,60}?)\s*(?:[|·—–][^\n]*)?$", re.M)


def publisher_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the publishing outlet's name: a dateline "(Outlet)", a sign-off line,
    "(Reporting by Outlet ...)" or a "Published: ... | Outlet" line, and every other
    occurrence of those names.  The publisher is neither an entity nor an attribution
    (``ANNOTATION.md`` §6)."""
    pubs: set[str] = set()
    for rx in (_DATELINE, _REPORTING_BY, _PUBLISHED_LINE):
        for m in rx.finditer(text):
            pubs.add(m.group(1).strip())
    lines = [ln.strip() for ln in text.rstrip().split("\n")]
    tail = [ln for ln in lines[-3:] if ln]
    for ln in tail[-1:]:
        cand = ln.lstrip("-–—•* ").strip()
        words = cand.split()
        if 1 <= len(words) <= 5 and not cand.endswith((".", "!", "?", ":")) and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
            pubs.add(cand)
    pubs = {p for p in pubs if len(p) >= 2 and not p.lower().startswith(("the asia desk", "editing"))}
    spans: list[tuple[int, int]] = []
    for p in pubs:
        for m in re.finditer(re.escape(p), text):
            spans.append((m.start(), m.end()))
    return spans


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
    key = (id(gazetteer), language, text)
    if _LAST[0] is not None and _LAST[0][0] == key[0] and _LAST[0][1] == key[1] and _LAST[0][2] == text:
        return list(_LAST[1])
    names = _find_names(text, language, gazetteer, mentions)
    _LAST[0], _LAST[1] = key, names
    return list(names)


_LAST: list = [None, []]  # the last document's names (entities and attributions share them)


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
                    nested.append(Mention(inner.name, inner.type, inner.start + m.start + first, inner.end + m.start + first, inner.alias))
    if nested:
        mentions = sorted(list(mentions) + nested, key=lambda x: x.start)
    spans = _resolve_mentions(text, language, mentions)
    if language in ("en", "", None) or (language not in ("ru", "ko", "zh", "ja") and text.isascii()):
        unknown = _unknown_names(text, gazetteer, spans)
        # unknown names replace known ones they strictly contain
        if unknown:
            keep = [k for k in spans if not any(u.start <= k.start and k.end <= u.end for u in unknown)]
            spans = sorted(keep + unknown, key=lambda n: n.start)
            spans = _surname_links(text, spans)
    return spans


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
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in by_word) + r")(?![\w-])")
    for m in pattern.finditer(text):
        full = by_word[m.group(1)]
        if m.start() <= first_pos[full]:
            continue
        if any(n.start <= m.start() < n.end for n in spans):
            continue
        extra.append(NameSpan(full, "person", m.start(), m.end(), known=False))
    return sorted(spans + extra, key=lambda n: n.start) if extra else spans


_PEOPLE_END = re.compile(r"\b(?:officials?|sources?|officers?|agents?|spies|analysts|experts|diplomats|lawmakers)$", re.I)


def _is_people_reference(text: str, n: NameSpan) -> bool:
    """"South Korean intelligence officials" names people, not the agency as an entity."""
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
    names = [n for n in _drop_publisher(find_names(text, language, gazetteer), pub) if not _is_people_reference(text, n)]
    countries = _drop_publisher(gazetteer.find_countries(text), pub)
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
