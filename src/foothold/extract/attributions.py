"""Attributions: who a report says its information comes from.

Rules come from ``ANNOTATION.md`` §6 (Attributions):

* The originating sources the text names for its information: agencies,
  outlets, statistics services, officials, companies and data providers,
  found by cues: "according to X", "X said/reported/told/announced/estimated/
  noted", "X told Y" (both), "citing Y", "quoted by Y", "carried by Y",
  "data from X shared with Y", "an analysis by X of figures from Y",
  "X's analysis of Y data", "a claim by X", the agent of a passive ("analysed/
  announced/estimated by X"), a named person's statement verb ("X called for/urged/
  compared"); Russian "прогноз давал X", "X призвал"; Russian "по данным X", "сообщает X",
  "со ссылкой на X", "заявил X"; Korean "X에 따르면", "X는 ... 밝혔다";
  Chinese "据X报道", "X表示", "X称", "X对Y表示"; Japanese "Xによると", "Xは…と述べた";
  German/French/Spanish/Italian cues ("laut", "selon", "según", "sagte", "a déclaré",
  "dijo") are folded into the English patterns.
* Relays named in the text count, so a chain keeps both the relay and the original.
* Officials by role when unnamed ("Russia's education minister said" ->
  "Russia's education minister"); a named official -> the name.
* Unnamed sources (diplomatic sources, a source familiar with ..., escaped
  workers, intelligence officials, an industry spokesman, "analysts quoted by X",
  "experts say" but not "its experts") -> ``anonymous source``,
  once per document.
* The publishing outlet is not an attribution: names that only appear in a
  dateline "(Outlet)" or a sign-off line are ignored.  Countries and places are
  never attributions ("Russia says ..." names no source).
* Known actors get their canonical names from the gazetteer; other names are
  kept as written, without a leading "the".
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left

from foothold.extract.entities import (
    ANONYMOUS,
    NameSpan,
    find_names,
    publisher_spans,
    relay_credits,
)
from foothold.extract.gazetteer import Gazetteer, Mention
from foothold.extract.literals import GatedPattern

__all__ = ["find_attributions"]

log = logging.getLogger(__name__)

_SOURCE_TYPES = {"organization", "company", "person"}

# --- English ---------------------------------------------------------------
_SAY = re.compile(
    r"\b(?:said|says|say|told|tells|tell|reported|reports|announced|announces|estimated|estimates|"
    r"noted|notes|added|adds|pointed\s+out|points\s+out|stated|states|confirmed|confirms|claimed|claims|warned|warns|wrote|writes|"
    r"revealed|reveals|disclosed|discloses|cited|cites|quoted|explained|explains|argued|argues|"
    r"acknowledged|admitted|alleged|alleges|predicted|predicts|forecast|forecasts|calculated|"
    r"put\s+(?:it|the\s+(?:figure|price|number|total|loss|cost|amount))\s+at|put\s+(?:\S+\s+){1,4}?at\s+(?:us)?\$?\d[\d.,]*|"
    r"made\s+(?:the|these|those|his|her|its|their)\s+(?:remarks|comments|statement|claims?|announcement)|"
    r"relayed|briefed|testified|expects|expected|believes|believed|assesses|assessed|suspects|concluded|"
    r"attributed|carried\s+(?:the|a|an|this|that)\s+(?:same\s+)?(?:claim|report|story|figures?|statement|remarks)|"
    r"has\s+(?:said|reported|announced|estimated|noted|claimed|confirmed|stated|warned|found)|"
    r"have\s+(?:said|reported|announced|estimated|noted|claimed|confirmed|stated|warned|found)|"
    r"had\s+(?:said|reported|announced|estimated|noted|claimed|confirmed|stated|warned|found)|"
    # German, French, Spanish, Italian reporting verbs (documents in other Latin-script languages)
    r"sagte|erkl[äa]rte|berichtete|teilte\s+mit|a\s+d[ée]clar[ée]|a\s+indiqu[ée]|a\s+annonc[ée]|a\s+rapport[ée]|"
    r"rapporte|dijo|afirm[óo]|inform[óo]|declar[óo]|ha\s+detto|ha\s+dichiarato|ha\s+riferito)\b"
)
_FILLER = re.compile(
    r"(?:\s|\b(?:has|have|had|also|separately|previously|earlier|later|recently|reportedly|publicly|"
    r"officially|then|subsequently|further|first|once|again|already|alone|itself|himself|herself|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last\s+\w+|this\s+\w+|"
    r"in\s+(?:a|an|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?|in\s+(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)(?:\s+\d{4})?|on\s+\d{1,2}\s+\w+|"
    r"at\s+the\s+time|in\s+a\s+statement)\b)*\Z",
    re.IGNORECASE,
)
# statement verbs that make a named person (only) a source: "X called for ...",
# "X urged ...", "X compared the veto to ..."
_SAY_PERSON = re.compile(
    r"\b(?:called\s+for|calls\s+for|urged|urges|proposed|proposes|suggested|suggests|insisted|insists|"
    r"stressed|stresses|emphasi[sz]ed|emphasi[sz]es|compared|compares|"
    r"likened|likens|recalled|recalls|dismissed|denied|denies|promised|promises|pledged|pledges|"
    r"questioned|critici[sz]ed|praised|welcomed|described|describes|called)\b"
)
# phrase cues: the names in the phrase that follows are sources
_PHRASE_CUES = re.compile(
    r"\b(?:according\s+to|citing|cited\s+by|quoting|quoted\s+by|carried\s+by|shared\s+with|"
    r"(?:data|figures|statistics|numbers|estimates?|analysis|report|survey|study|research|calculations|"
    r"claim|claims|statement|comments|remarks|announcement|tally|count|information|assessment|"
    r"briefing|testimony|presentation|investigation|reporting|letter|filing|release|poll|index|ranking)\s+"
    r"(?:by|from|of|released\s+by|published\s+by|compiled\s+by)|"
    r"(?:told|tells|spoke\s+to|speaking\s+to|spoke\s+with|talking\s+to|interview\s+with|briefing\s+to|"
    r"reported\s+by|published\s+by|released\s+by|provided\s+by|compiled\s+by|confirmed\s+by|"
    r"obtained\s+by|seen\s+by|reviewed\s+by|gathered\s+by|collected\s+by|conducted\s+by|"
    r"commissioned\s+by|broadcast\s+by|aired\s+by|relayed\s+by|"
    # the agent of a passive reporting verb: "the figures were analysed by X"
    r"(?:analy[sz]ed|announced|estimated|calculated|tallied|counted|disclosed|revealed|"
    r"recorded|documented|stated|claimed|predicted|forecast|described)\s+by|"
    r"attributed\s+(?:\w+\s+){0,3}?to|"
    r"laut|zufolge|selon|d['’]apr[èe]s|seg[úu]n|de\s+acuerdo\s+con|secondo|citant|citando))\b"
)
# a full stop inside a name ("Gazeta.ru", "U.S.") does not end the phrase
_PHRASE_END = re.compile(
    r"[,;:!?\n()\"“”]|\.(?!\w)|\s[–—-]\s|\b(?:that|which|who|whom|when|while|but|because|although|after|before|since|as)\b"
)
_POSSESSIVE_CUE = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+)?(?:analysis|data|figures|statistics|report|reporting|estimates?|survey|study|research|"
    r"comments|remarks|statement|announcement|calculations|tally|count|findings|assessment|claim|"
    r"account|briefing|filing|disclosure|numbers)\b",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"\b(?:the|its|that|this|The|Its|That|This)\s+(?:[\w-]+\s+){0,3}?"
    r"(company|carmaker|automaker|firm|group|maker|manufacturer|operator|retailer|bank|"
    r"ministry|agency|department|service|outlet|newspaper|broadcaster|publication|office|committee|paper|daily|wire|"
    r"council|government|regulator|watchdog)\s*$",
    re.IGNORECASE,
)
_OUTLET_ANAPHORS = {
    "outlet",
    "newspaper",
    "broadcaster",
    "publication",
    "agency",
    "paper",
    "daily",
    "wire",
    "channel",
    "site",
    "website",
}
_COMPANY_ANAPHORS = {
    "company",
    "carmaker",
    "automaker",
    "firm",
    "group",
    "maker",
    "manufacturer",
    "operator",
    "retailer",
    "bank",
}
_ROLE_WORDS = (
    r"(?:deputy\s+)?(?:prime\s+minister|minister|ministry|ambassador|envoy|spokes(?:man|woman|person)|"
    r"president|premier|governor|foreign\s+minister|defen[cs]e\s+minister|consul|embassy|"
    r"central\s+bank|customs\s+service|statistics\s+(?:service|agency|office)|border\s+guards?|government)"
)
_ANON_EN = re.compile(
    r"\b(?:(?:diplomatic|intelligence|government|military|industry|security|official|informed|local|"
    r"western|russian|chinese|korean|north\s+korean|south\s+korean|japanese|ukrainian|us|u\.s\.|"
    r"american|european)\s+sources?|"
    r"(?:a|one|two|three|four|five|several|multiple|other|unnamed|anonymous|the)\s+(?:[\w-]+\s+){0,2}?sources?\b"
    r"(?!\s+(?:of|for)\b)|sources?\s+(?:familiar|close|with\s+knowledge|in|at|who|said|say|told|says)|"
    r"unnamed\s+\w+|anonymous\s+\w+|on\s+(?:the\s+)?condition\s+of\s+anonymity|"
    r"(?:people|persons?|officials?|someone)\s+(?:familiar|close|with\s+(?:direct\s+)?knowledge)\b|"
    r"(?:escaped|defected|fleeing|former)\s+(?:[\w-]+\s+){0,2}?(?:workers|labourers|laborers|builders|defectors)|"
    r"(?:workers|labourers|laborers|builders|men|women)\s+who\s+(?:had\s+)?(?:fled|escaped|defected)|"
    r"defectors?\s+(?:told|said|say|says|interviewed)|(?<![A-Za-z]\s)(?:intelligence|security)\s+officials|"
    r"officials\s+who\s+(?:asked|spoke|declined|requested)|insiders?|"
    r"(?:an?|one)\s+(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)|official|executive|analyst|insider)\s+"
    r"(?:who|said|told|says)\b)"
)
# unnamed analysts / experts as a source: "analysts quoted by X said", "experts say";
# not "its experts" (the company's) nor "analysts at X" (named by their employer)
_ANON_EXPERTS = re.compile(
    r"(?<![\w'’])(?:(?:some|many|several|most|other|independent|western|foreign|local|industry|market|"
    r"military|security|sanctions|russian|chinese|korean|south\s+korean|north\s+korean|japanese|"
    r"ukrainian|american|european)\s+)?"
    r"(?:analysts|experts|observers|economists|specialists|commentators)\s+"
    r"(?:(?:quoted|cited|interviewed|consulted|contacted|polled|surveyed)\s+by|"
    r"(?:have\s+|had\s+)?(?:said|say|says|told|tell|believe|believed|warned|warn|estimate|estimated|"
    r"expect|expected|noted|note|argued|argue|suggest|suggested|predicted|predict|reckon|reckoned|"
    r"doubt|doubted|cautioned|caution)\b)"
)
_NOT_ANON_EXPERTS = re.compile(
    r"(?:\b(?:its|their|his|her|our|the\s+(?:company|firm|group|ministry|agency|bank)['’]s)|[A-Za-z]['’]s?)\s+"
    r"(?:[\w-]+\s+)?\Z",
    re.IGNORECASE,
)
# words that, besides the reporting verbs and phrase cues, make a sentence an attribution context
_ATTRIB_CONTEXT_EN = re.compile(
    r"\b(?:say|tell|spoke|speaking|described|believe|interviewed|testimony|accounts?)\b"
)

# --- Russian ---------------------------------------------------------------
# a named person's forecast or call: "прогноз давал X", "X прогнозировал", "призвал X"
_RU_FORECAST = (
    r"(?:прогноз\w*|оценк[аиу]|предположени\w+)\s+(?:[а-яё]+\s+){0,2}?"
    r"(?:давал[аи]?|дал[аи]?|дает|даёт|озвучивал[аи]?|озвучил[аи]?|высказывал[аи]?|высказал[аи]?|"
    r"делал[аи]?|сделал[аи]?)|"
    r"(?:давал[аи]?|дал[аи]?|озвучивал[аи]?|озвучил[аи]?|высказывал[аи]?|высказал[аи]?)\s+"
    r"(?:[а-яё]+\s+){0,1}?(?:прогноз\w*|оценк[аиу])|"
    r"прогнозировал[аи]?|прогнозирует|прогнозируют|предсказывал[аи]?|предсказал[аи]?"
)
# ... and, with the subject before the verb only, a named person's call or warning
_RU_CALL = r"предупредил[аио]?|предупреждал[аио]?|призвал[аио]?|призывал[аио]?|призывает"
_RU_PHRASE = re.compile(
    r"(?:в\s+интервью|в\s+беседе\s+с|(?:следует\s+)?из\s+(?:данных|статистики|отч[её]та|доклада|сообщения)|по\s+данным|по\s+словам|по\s+информации|по\s+сведениям|по\s+оценк[еам]|по\s+подсчетам|"
    r"по\s+подсчётам|согласно(?:\s+данным)?|со\s+ссылкой\s+на|ссылаясь\s+на|как\s+сообщил[аи]?|"
    r"как\s+заявил[аи]?|как\s+передает|как\s+передаёт|как\s+пишет|сообщает|сообщают|сообщил[аи]?|"
    r"заявил[аи]?|заявляет|передает|передаёт|пишет|пишут|отметил[аи]?|рассказал[аи]?|"
    r"утверждает|утверждают|считает|оценил[аи]?|подсчитал[аи]?|уточнил[аи]?|добавил[аи]?|"
    r"опубликовал[аи]?|приводит|приводят|сказал[аи]?|указал[аи]?|"
    # "Такой прогноз ранее давал X", "прогнозирует X", "призвал X"
    + _RU_FORECAST
    + r")(?![а-яё])",
    re.IGNORECASE,
)
_RU_VERB = re.compile(
    r"(?<![а-яё])(?:сообщил[аио]?|сообщает|сообщают|заявил[аио]?|заявляет|отметил[аио]?|рассказал[аио]?|"
    r"утверждает|считает|оценил[аио]?|уточнил[аио]?|добавил[аио]?|сказал[аио]?|пишет|передает|передаёт|"
    r"подсчитал[аио]?|указал[аио]?|приводит|опубликовал[аио]?|выяснил[аио]?|подсчитал[аио]?|"
    # imperfective forms: "X ещё в 2022 году оценивал, что ..."
    r"оценивал[аио]?|оценивает|оценивают|сообщал[аио]?|заявлял[аио]?|отмечал[аио]?|говорил[аио]?|говорит|"
    r"рассказывал[аио]?|указывал[аио]?|утверждал[аио]?|подчеркнул[аио]?|подчеркивал[аио]?|подчёркивал[аио]?|"
    + _RU_FORECAST
    + "|"
    + _RU_CALL
    + r")(?![а-яё])",
    re.IGNORECASE,
)
_RU_PHRASE_END = re.compile(
    r"[,;:.!?\n()]|\s[–—-]\s|(?<![а-яё])(?:что|который|которая|которые|когда|но)(?![а-яё])",
    re.IGNORECASE,
)
_ANON_RU = re.compile(
    r"(?<![а-яё])(?:источник(?:а|ом|и|ов|ам)?|осведомл[её]нн\w+|собеседник\w*|на\s+условиях\s+анонимности|"
    r"пожелавш\w+\s+остаться\s+неназванн\w+|анонимн\w+)(?![а-яё])",
    re.IGNORECASE,
)
_RU_QUOTED = re.compile(
    r"(?<![а-яё])(?:издани[еяюи]|агентств[оау]|газет[аыуе]|журнал[аеу]?|телеканал[аеу]?|компани[яиюей]|"
    r"портал[ау]?|сайт[ау]?|ведомств[оау]|телеграм-канал[ау]?|радиостанци[яи])\s+«([^»]{2,60})»",
    re.IGNORECASE,
)

# --- Korean / Chinese ------------------------------------------------------
_KO_ACCORDING = re.compile(r"(?:의\s*)?(?:[가-힣]{0,6}\s*)?에\s*따르면")
_KO_VERB_END = re.compile(
    r"(?:밝혔다|전했다|보도했다|말했다|발표했다|주장했다|설명했다|덧붙였다|확인했다|추정했다|"
    r"분석했다|강조했다|지적했다|언급했다|알렸다|전망했다|집계했다|보고했다|밝혔습니다|전했습니다)"
)
#: a quoted clause ends: "...했다고", "...라고" (what follows names who told it)
_KO_QUOTE = re.compile(r"(?:다|라)고\s")
#: Korean titles after a person's name, and words after an organisation's name
_KO_PERSON_TITLES = (
    "대변인|장관|대사|교수|의원|위원장|부총리|총리|대통령|서기|국장|소장|연구위원|차관|지사|시장|외무상|"
    "대표|회장|청장|원장|특사|연구원|위원"
)
_KO_ORG_WORDS = "통신|신문|방송|측|당국|관계자"
#: "X 의원과 ", "X와 ", "X 및 ": a name coordinated with the next one
_KO_AND = re.compile(rf"\s*(?:{_KO_ORG_WORDS}|{_KO_PERSON_TITLES})?\s*(?:과|와|및|,)\s*")
#: a title after an organisation: the person named before it is the speaker
_KO_AFFILIATED = re.compile(rf"\s*(?:{_KO_PERSON_TITLES})(?:은|는|이|가)(?![가-힣])")
_KO_SUBJECT = re.compile(
    rf"(?:\s*\([^)]{{1,15}}\))?\s*(?:{_KO_ORG_WORDS}|{_KO_PERSON_TITLES})?(?:은|는|이|가)(?![가-힣])"
)
_KO_VERB_ANY = re.compile(
    r"(?:보도|발표|분석|집계|공개|인용|주장|설명|전망)(?:한|했|해|하며|하면서)|(?:밝힌|전한|말한)"
)
_KO_CITE = re.compile(r"(?:을|를|의\s*\S+을|의\s*\S+를)?\s*인용(?:해|하여|한)")
_KO_ANON = re.compile(
    r"(?:소식통|익명의|익명을\s*요구한|(?:정부|당국|외교|정보|군|업계|현지)\s*관계자|관계자들(?:은|이|에)|정보\s*당국|"
    r"(?:정부|외교|정보|군|안보|통일부|국방)?\s*당국자|(?:고위|정부|정보)\s*관리)"
)
_ZH_ACCORDING = re.compile(r"据(.{1,40}?)(?:报道|报导|消息|称|透露|统计|数据|显示|介绍|表示|说)")
_ZH_VERB = re.compile(r"(?:表示|称|说|指出|报道|透露|宣布|介绍|证实|援引|声称|估计|披露|发布)")
_ZH_CITE = re.compile(r"(?:援引|引述|引用)(.{1,40}?)(?:的|，|。|称|消息|报道|数据)")
_ZH_SHOWS = re.compile(
    r"\s*(?:[（(][^）)]{1,40}[）)])?\s*[）)]?\s*(?:最新)?(?:发布|公布)?的?(?:最新)?[\u4e00-\u9fff]{0,4}?"
    r"(?:数据|统计|报告|调查|研究|分析|资料)(?:显示|表明|指出|称)"
)
_ZH_AFFILIATION = re.compile(r"\s*的?\s*[\u4e00-\u9fff]{0,6}?\s*")
_ZH_NOT_AFFILIATION = re.compile(r"[称说对向据和与及、，,]|表示|援引")
_ZH_ANON = re.compile(r"(?:消息人士|知情人士|匿名|消息来源|一位官员|有关人士|外交消息)")


def _clean(name: str) -> str:
    name = " ".join(name.split())
    if name.lower().startswith("the "):
        name = name[4:]
    return name


class _Doc:
    """Per-document state: names, publisher names, found attributions."""

    def __init__(self, text: str, names: list[NameSpan], publishers: list[tuple[int, int]]) -> None:
        self.text = text
        self.names = [
            n for n in names if not any(a <= n.start and n.end <= b for a, b in publishers)
        ]
        self.sources = sorted(
            (n for n in self.names if n.type in _SOURCE_TYPES), key=lambda n: n.start
        )

        self.starts = [n.start for n in self.sources]
        self.low = text.lower() if len(text.lower()) == len(text) else text

    def in_range(self, start: int, end: int) -> list[NameSpan]:
        """Sources lying inside ``start:end``, in text order."""
        out = []
        for n in self.sources[bisect_left(self.starts, start) :]:
            if n.start >= end:
                break
            if n.end <= end:
                out.append(n)
        return out


_LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+|и\s+)?(?:the\s+)?")


def _phrase_end(
    text: str, pos: int, limit: int, ender: re.Pattern[str], doc: _Doc | None = None
) -> int:
    """End of the phrase after a cue; a list of names ("TASS, RIA Novosti and Interfax") stays whole."""
    while True:
        m = ender.search(text, pos, limit)
        end = m.start() if m else limit
        if doc is None or end >= limit or text[end] != ",":
            return end
        gap = _LIST_GAP.match(text, end)
        nxt = [c for c in doc.sources if c.start == gap.end()] if gap else []
        if not nxt or not doc.in_range(pos, end):
            return end
        pos = nxt[0].end


_WHO_TAIL = re.compile(r",\s*who\Z", re.IGNORECASE)
#: one apposition after a name: ", secretary of Russia's Security Council" (no further commas)
_APPOSITION_TAIL = re.compile(r",\s*[^,;:()]{3,90}")
#: a comma right before a position (the name that follows is set off: "the envoy, X,")
_COMMA_BEFORE = re.compile(r",\s*\Z")


_AND_JOIN = re.compile(r"\s*(?:and|,\s*and)\s*")
_COMMA_JOIN = re.compile(r"\s*,\s*")


def _coordinated(doc: _Doc, cands: list[NameSpan], i: int) -> list[str]:
    """The name ``cands[i]`` with the names coordinated before it: "X and Y", "X, Y and Z".

    A bare comma joins names only inside a list that ends in "and": in "..., outside the
    United Nations, KBS reported" the comma closes a clause and KBS speaks alone.
    """
    text = doc.text
    found = [cands[i].name]
    j = i - 1
    has_and = False
    while j >= 0:
        gap = text[cands[j].end : cands[j + 1].start]
        if _AND_JOIN.fullmatch(gap) and not has_and:
            has_and = True
        elif not (has_and and _COMMA_JOIN.fullmatch(gap)):
            break
        found.insert(0, cands[j].name)
        j -= 1
    return found


def _subject_before(doc: _Doc, s: int, v: int) -> list[str]:
    """The source that is the subject of a reporting verb at ``v`` (sentence starts at ``s``)."""
    text = doc.text
    pre = text[s:v]
    cands = doc.in_range(s, v)
    # strip fillers ("has separately", "on Tuesday", "in a regulatory filing") before the verb
    fm = _FILLER.search(pre, max(0, len(pre) - 60))
    core = pre[: fm.start()].rstrip() if fm else pre.rstrip()
    # "Hyundai's spokesman said", "the Kremlin press service said"
    for c in reversed(cands):
        if c.end - s <= len(core) and _SPOKES.fullmatch(core, c.end - s):
            return [c.name]
    # "Russian officials said": unnamed officials
    if _OFFICIALS.fullmatch(core.rsplit(",", 1)[-1].strip()):
        return [ANONYMOUS]
    # a name right before the verb, with names coordinated before it ("X and Y said")
    for i in range(len(cands) - 1, -1, -1):
        c = cands[i]
        if c.end - s == len(core):
            return _coordinated(doc, cands, i)
        if c.end - s < len(core):
            break
    # "Transport Minister X, who told ...", "X, secretary of Y, who said ...": a person
    # named right before the relative clause, or before one apposition
    wm = _WHO_TAIL.search(core)
    if wm:
        head = core[: wm.start()].rstrip()
        for c in reversed(cands):
            if c.type != "person" or c.end - s > len(head):
                continue
            if c.end - s == len(head) or _APPOSITION_TAIL.fullmatch(head, c.end - s):
                return [c.name]
            break
    # "South Korea's ambassador to the UN, X, likened ...": a person set off by commas after a role
    if core.endswith(","):
        inner = core[:-1].rstrip()
        for c in reversed(cands):
            if c.end - s == len(inner):
                if c.type == "person" and _COMMA_BEFORE.search(text, s, c.start):
                    return [c.name]
                break
    # "He said": the person named most recently before
    if re.search(r"(?:^|[.;:]\s*|,\s*|\band\s+)(?:he|she)\Z", core, re.IGNORECASE):
        persons = [c for c in doc.sources if c.end <= v and c.type == "person"]
        if persons and v - persons[-1].end < 700:
            return [persons[-1].name]
    # "X, the secretary of Y, said" / "X, who heads Y, announced"
    if core.endswith(","):
        inner = core[:-1]
        k = inner.rfind(",")
        if k > 0:
            head = inner[:k].rstrip()
            for i in range(len(cands) - 1, -1, -1):
                c = cands[i]
                if c.end - s == len(head):
                    return _coordinated(doc, cands, i)
    # "the company said" -> the sentence's (or a recent) company / organisation
    m = _ANAPHOR.search(core)
    if m:
        ref = _referent(doc, m.group(1).lower(), s, v)
        if ref:
            return [ref]
    # "Russia's education minister said": an unnamed official by role
    role = _role_before(core)
    if role:
        return [role]
    return []


_SPOKES = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|press\s+(?:service|office|secretary)|"
    r"representative|official|representatives|officials)",
    re.IGNORECASE,
)
_OFFICIALS = re.compile(
    r"(?:(?:the|some|several|two|three|four|other)\s+)?(?:(?:senior|local|government|security|military|regional|"
    r"Russian|Chinese|North\s+Korean|South\s+Korean|Japanese|Ukrainian|US|American|Western|[Uu]nnamed)\s+){0,2}"
    r"officials",
    re.IGNORECASE,
)


def _referent(doc: _Doc, word: str, s: int, v: int) -> str | None:
    """What "the company" / "the ministry" refers to: a company named earlier in the
    sentence (or recently), or an organisation whose name contains the noun."""
    if word in _COMPANY_ANAPHORS:
        ok = lambda c: c.type == "company"  # noqa: E731
    elif word in _OUTLET_ANAPHORS:
        ok = lambda c: c.type == "organization" and c.name != ANONYMOUS  # noqa: E731
    else:
        ok = lambda c: c.type == "organization" and word in c.name.lower()  # noqa: E731
    in_sentence = [c for c in doc.sources if s <= c.start < v and ok(c)]
    if in_sentence:
        return in_sentence[0].name
    earlier = [c for c in doc.sources if c.end <= s and ok(c)]
    if earlier and s - earlier[-1].end < 800:
        return earlier[-1].name
    return None


def _role_before(core: str) -> str | None:
    m = _ROLE_RE.search(core, max(0, len(core) - 80))
    if m and m.end() == len(core):
        return _clean(m.group(0))
    return None


_COUNTRY_FORMS = (
    r"(?:Russia|Russian|China|Chinese|North\s+Korea|North\s+Korean|South\s+Korea|South\s+Korean|"
    r"Japan|Japanese|Ukraine|Ukrainian|US|U\.S\.|American|United\s+States|Belarus|Belarusian|"
    r"Mongolia|Mongolian|Vietnam|Vietnamese|Kazakhstan|Uzbekistan|Iran|Iranian|Britain|British|"
    r"Germany|German|France|French|India|Indian|Laos|Lao|Taiwan|Taiwanese|Seoul|Moscow|Pyongyang|"
    r"Beijing|Tokyo|Kyiv|Washington)"
)
_ROLE_RE = re.compile(
    r"(?:\bthe\s+)?\b"
    + _COUNTRY_FORMS
    + r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,3}?"
    + _ROLE_WORDS
    + r"\b(?![\w-])"
)


def _in(matches: list[re.Match[str]], starts: list[int], s: int, e: int) -> list[re.Match[str]]:
    i = bisect_left(starts, s)
    out = []
    while i < len(matches) and starts[i] < e:
        if matches[i].end() <= e:
            out.append(matches[i])
        i += 1
    return out


# whole-document scans run only where a cue word starts (same matches as finditer)
_SAY_SCAN = GatedPattern(_SAY)
_PHRASE_SCAN = GatedPattern(_PHRASE_CUES)
_SAY_PERSON_SCAN = GatedPattern(_SAY_PERSON)


class _EnglishScan:
    """Document-level scans of the English cue patterns (lower-cased text, one pass each)."""

    def __init__(self, doc: _Doc) -> None:
        low = doc.low
        self.say = list(_SAY_SCAN.finditer(low))
        self.say_starts = [m.start() for m in self.say]
        self.phrase = list(_PHRASE_SCAN.finditer(low))
        self.phrase_starts = [m.start() for m in self.phrase]
        self.say_person = list(_SAY_PERSON_SCAN.finditer(low))
        self.say_person_starts = [m.start() for m in self.say_person]


def _english_sentence(doc: _Doc, s: int, e: int, out: list[str], scan: _EnglishScan) -> None:
    text = doc.text
    # reporting verbs: subject before, or "said X" after
    for m in _in(scan.say, scan.say_starts, s, e):
        v = m.start()
        subj = _subject_before(doc, s, v)
        if not subj:
            after = [
                c
                for c in doc.in_range(m.end(), e)
                if re.fullmatch(r"[\s,]*(?:the\s+)?", text[m.end() : c.start], re.IGNORECASE)
                and re.match(r"\s*(?:[,.;:)\"”]|$)", text[c.end : e + 1])
            ]
            verb = m.group(0).lower()
            if after and verb in (
                "said",
                "says",
                "reported",
                "noted",
                "added",
                "wrote",
                "writes",
                "stated",
                "announced",
            ):
                subj = [after[0].name]
        out.extend(subj)
    # a named person's statement verbs: "X, who chairs Y, called for ..."
    persons = {c.name for c in doc.sources if c.type == "person"}
    for m in _in(scan.say_person, scan.say_person_starts, s, e):
        if text[m.end() : m.end() + 4].lower() == " by ":
            continue  # a passive ("described by X") is a phrase cue
        out.extend(n for n in _subject_before(doc, s, m.start()) if n in persons)
    # phrase cues: "according to X", "citing X", "told X", "data from X shared with Y"
    for m in _in(scan.phrase, scan.phrase_starts, s, e):
        ps = m.end()
        pe = _phrase_end(text, ps, e, _PHRASE_END, doc)
        names = doc.in_range(ps, pe)
        if names:
            out.extend(n.name for n in names)
        else:
            if m.group(0).lower().startswith("according"):
                role = _ROLE_RE.match(text, ps) or _ROLE_RE.match(text, ps + 1)
                if role:
                    out.append(_clean(role.group(0)))
                    continue
            phrase = text[ps:pe].strip()
            am = _ANAPHOR.match(phrase + " ")
            if not (am and len(phrase.split()) <= 4):
                # "according to the council's meeting record"
                am = _ANAPHOR.match(re.split(r"['’]s\b", phrase, maxsplit=1)[0] + " ")
                if am and not re.search(r"['’]s\b", phrase):
                    am = None
            if am and len(am.group(0).split()) <= 4:
                ref = _referent(doc, am.group(1).lower(), s, ps)
                if ref:
                    out.append(ref)
    # possessive cues: "Mediazona's analysis of ...", "Shoigu's comments"
    for c in doc.in_range(s, e):
        if _POSSESSIVE_CUE.match(text, c.end):
            out.append(c.name)
    # unnamed sources
    has_context = bool(
        _in(scan.say, scan.say_starts, s, e) or _in(scan.phrase, scan.phrase_starts, s, e)
    )
    if has_context or _ATTRIB_CONTEXT_EN.search(doc.low, s, e):
        for m in _ANON_EN.finditer(doc.low, s, e):
            start = m.start()
            if any(n.start <= start < n.end and n.name != ANONYMOUS for n in doc.sources):
                continue
            out.append(ANONYMOUS)
            break
        else:
            for m in _ANON_EXPERTS.finditer(doc.low, s, e):
                if _NOT_ANON_EXPERTS.search(text, max(s, m.start() - 40), m.start()):
                    continue
                if any(n.start <= m.start() < n.end for n in doc.sources):
                    continue
                out.append(ANONYMOUS)
                break


def _russian_sentence(doc: _Doc, s: int, e: int, out: list[str]) -> None:
    text = doc.text
    for m in _RU_PHRASE.finditer(text, s, e):
        ps = m.end()
        pe = _phrase_end(text, ps, e, _RU_PHRASE_END, doc)
        names = doc.in_range(ps, pe)
        out.extend(n.name for n in names)
        for q in _RU_QUOTED.finditer(text, ps, pe):
            if not any(n.start < q.end() and q.start(1) < n.end for n in doc.names):
                out.append(_clean(q.group(1)))
    for m in _RU_VERB.finditer(text, s, e):
        # "X заявил": the subject opens the clause before the verb
        cs = max(s, text.rfind(",", s, m.start()) + 1)
        before = doc.in_range(cs, m.start())
        if before:
            out.append(before[0].name)
    if _ANON_RU.search(text, s, e):
        out.append(ANONYMOUS)


def _korean_sentence(doc: _Doc, s: int, e: int, out: list[str]) -> None:
    text = doc.text
    for m in _KO_ACCORDING.finditer(text, s, e):
        cs = max(s, text.rfind(",", s, m.start()) + 1)
        names = doc.in_range(cs, m.end())
        out.extend(n.name for n in names[-2:])
    if _KO_VERB_END.search(text, s, e) or _KO_VERB_ANY.search(text, s, e):
        names = doc.in_range(s, e)
        last_end = -1
        for k, n in enumerate(names):
            tail = text[n.end : n.end + 20]
            if last_end >= 0 and not _KO_QUOTE.search(text, last_end, n.start):
                continue  # after a subject, only the teller of a quoted clause ("...다고 Y가 전했다")
            if _KO_SUBJECT.match(tail):
                subject = [n]
                # "쇼이구 러시아 국가안보회의 서기는": the person before the body and title
                if n.type != "person" and k > 0 and names[k - 1].type == "person" and text[
                    names[k - 1].end : n.start
                ].strip(" ") == "" and _KO_AFFILIATED.match(text, n.end):
                    subject = [names[k - 1]]
                # "이성권 의원과 박선원 의원이": the names coordinated before the subject
                j = k - 1 if subject[0] is n else k - 2
                while j >= 0 and _KO_AND.fullmatch(text, names[j].end, subject[0].start):
                    subject.insert(0, names[j])
                    j -= 1
                out.extend(x.name for x in subject)
                last_end = n.end
    for n in doc.in_range(s, e):
        if re.match(
            r"\s*(?:의\s*)?(?:자료|통계|데이터|보고서|집계|분석|발표)", text[n.end : n.end + 8]
        ):
            out.append(n.name)
    for m in _KO_CITE.finditer(text, s, e):
        cs = max(s, text.rfind(",", s, m.start()) + 1)
        out.extend(n.name for n in doc.in_range(cs, m.start())[-2:])
    if _KO_ANON.search(text, s, e):
        out.append(ANONYMOUS)


def _chinese_sentence(doc: _Doc, s: int, e: int, out: list[str]) -> None:
    text = doc.text
    for m in _ZH_ACCORDING.finditer(text, s, e):
        out.extend(n.name for n in doc.in_range(m.start(), m.end()))
    for m in _ZH_CITE.finditer(text, s, e):
        out.extend(n.name for n in doc.in_range(m.start(), m.end()))
    for m in _ZH_VERB.finditer(text, s, e):
        before = doc.in_range(s, m.start())
        if before and m.start() - before[-1].end <= 6:
            # "X此前对Y表示": X told Y
            gap = text[before[-2].end : before[-1].start] if len(before) > 1 else ""
            if len(before) > 1 and re.fullmatch(r".{0,6}对", gap):
                out.append(before[-2].name)
            elif (
                len(before) > 1
                and before[-2].type in ("organization", "company")
                and _ZH_AFFILIATION.fullmatch(gap)
                and not _ZH_NOT_AFFILIATION.search(gap)
            ):
                # "乘联会秘书长崔东树介绍": the speaker and the body he speaks for
                out.append(before[-2].name)
            out.append(before[-1].name)
    for n in doc.in_range(s, e):
        if _ZH_SHOWS.match(text, n.end):
            out.append(n.name)
    if _ZH_ANON.search(text, s, e):
        out.append(ANONYMOUS)


_JA_ACCORDING = re.compile(r"(?:の\s*(?:報道|発表|調査|分析|データ|統計))?によると|によれば")
_JA_VERB = re.compile(
    r"(?:述べた|語った|明らかにした|伝えた|報じた|発表した|指摘した|説明した|強調した|示した|推計した|主張した)"
)
_JA_ANON = re.compile(r"(?:消息筋|関係筋|匿名|情報筋|外交筋)")


def _japanese_sentence(doc: _Doc, s: int, e: int, out: list[str]) -> None:
    text = doc.text
    for m in _JA_ACCORDING.finditer(text, s, e):
        cs = max(s, text.rfind("、", s, m.start()) + 1)
        out.extend(n.name for n in doc.in_range(cs, m.start())[-2:])
    if _JA_VERB.search(text, s, e):
        for n in doc.in_range(s, e):
            if re.match(
                r"\s*(?:通信|新聞|放送|当局|関係者|報道官)?(?:は|が)", text[n.end : n.end + 6]
            ):
                out.append(n.name)
                break
    if _JA_ANON.search(text, s, e):
        out.append(ANONYMOUS)


def find_attributions(
    text: str,
    sentences: list[tuple[int, int]],
    language: str,
    gazetteer: Gazetteer,
    mentions: list[Mention] | None = None,
) -> tuple[list[str], dict[int, list[str]]]:
    """Who the report says its information comes from (``ANNOTATION.md`` §6).

    Args:
        text: the document text (title and body); ``sentences`` are ``(start, end)``
            offsets into it, as from :func:`foothold.extract.sentences.split_sentences`.
        language: ISO 639-1 code; English, Russian, Korean and Chinese cues are known
            (other languages fall back to the English cues).
        gazetteer: the case's compiled gazetteer (canonical names of known sources).
        mentions: ``gazetteer.find(text)`` when the caller already has it (the
            gazetteer then does not scan the text again).

    Returns:
        ``(document attributions, {sentence index: attributions of that sentence})``:
        canonical names, each once, in order of first appearance; ``anonymous source``
        at most once per document.  Sentences without attributions are left out of the dict.
    """
    if not text or not sentences:
        return [], {}
    names = find_names(text, language, gazetteer, mentions)
    doc = _Doc(text, names, publisher_spans(text))
    lang = (language or "en").lower()
    per: dict[int, list[str]] = {}
    doc_list: list[str] = []
    scan = _EnglishScan(doc) if lang not in ("ru", "uk", "ko", "zh", "ja") else None
    # a copy's credited wire ("(Wire)" in the dateline and at the end) is a relay
    credit_names = relay_credits(text)
    credits = []
    for cname in credit_names:
        first = [n for n in doc.sources if text[n.start : n.end] == cname]
        credits.extend(first[:1])
    for i, (s, e) in enumerate(sentences):
        found: list[str] = []
        if lang in ("ru", "uk", "be"):
            _russian_sentence(doc, s, e, found)
        elif lang == "ko":
            _korean_sentence(doc, s, e, found)
        elif lang == "zh":
            _chinese_sentence(doc, s, e, found)
        elif lang == "ja":
            _japanese_sentence(doc, s, e, found)
        else:
            assert scan is not None
            _english_sentence(doc, s, e, found, scan)
        for credit in credits:
            if s <= credit.start < e:
                found.append(credit.name)
        uniq: list[str] = []
        for name in found:
            if name and name not in uniq:
                uniq.append(name)
        if uniq:
            per[i] = uniq
            for name in uniq:
                if name not in doc_list:
                    doc_list.append(name)
    return doc_list, per
