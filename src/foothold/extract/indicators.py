"""Indicator rules: from sentences to claims.

Each sentence is read for *contexts* (does it speak of North Korea, of workers,
of Chinese firms, of a market, of a plan rather than a fact?) and then matched
against the rule table :data:`RULES`.  A rule names an indicator, a polarity,
cue patterns and the contexts it needs; the annotation guide
(``corpus/dev/ANNOTATION.md`` §3) is the source of every rule:

* reported facts, events, figures and officials' stated plans count; the
  writer's speculation ("may", "could", "our take") and background (standing UN
  rules, the war, a treaty cited in passing) do not;
* the contents of a directive (target sectors, terms sought, planned talks) are
  ``ind_directive`` only, not ``ind_terms``/``ind_skills``/``ind_negotiation``;
* announced or planned dispatches are ``ind_agreement`` plus a placement
  indicator, not ``ind_inflow``, which needs people actually entering or present.

Cue lists cover English, Russian, Korean and Chinese.  Patterns are compiled
once at import.  Sentences are matched in lower case.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ahocorasick

from foothold.case import Case
from foothold.extract.dates import resolve_event_date
from foothold.extract.gazetteer import Mention
from foothold.extract.literals import leading_literal, start_literals
from foothold.model import Claim, Document

__all__ = ["RULES", "Rule", "find_claims", "sentence_contexts", "sectors_in"]


class Cues:
    """A set of regex alternatives matched against lower-case text, skipping absent triggers.

    Behaves like a compiled pattern for :meth:`search` (truthy match or None).
    Text must already be lower case; patterns are written in lower case.

    The literal triggers of every ``Cues`` are found in one Aho-Corasick pass per
    text (:func:`_present`, cached); a search then runs, in their order, only the
    alternatives whose trigger occurs in the text, exactly as testing
    ``trigger in text`` for each would.
    """

    def __init__(self, alternatives: tuple[str, ...]) -> None:
        self.pattern = "|".join(f"(?:{a})" for a in alternatives)
        self._gated: list[tuple[str, re.Pattern[str]]] = []
        always: list[str] = []
        for a in alternatives:
            trigger = leading_literal(a)
            if len(trigger) >= 2:
                self._gated.append((trigger, re.compile(a)))
            else:
                always.append(a)
        self._always = re.compile("|".join(f"(?:{a})" for a in always)) if always else None
        #: literal starts of the ungated alternatives (None: some can start anywhere, e.g. ``\d``);
        #: their combined pattern runs only when one of these is in the text
        self._always_triggers = _start_triggers(always) if always else None
        self._id = len(_ALL_CUES)
        _ALL_CUES.append(self)
        _present.cache_clear()
        _AUTOMATON.clear()

    def search(self, text: str) -> re.Match[str] | None:
        gated = self._gated
        always_key = len(gated)
        may_always = self._always_triggers is None
        for k in _present(text).get(self._id, ()):
            if k == always_key:
                may_always = True  # sorted last: every gated alternative was tried
                break
            trigger, compiled = gated[k]
            # every match starts with the trigger: search from its first occurrence
            # (\b and lookbehinds still see the text before that position)
            found = compiled.search(text, text.find(trigger))
            if found:
                return found
        if self._always is None or not may_always:
            return None
        return self._always.search(text)


def _start_triggers(alternatives: list[str]) -> set[str] | None:
    """Literal texts one of which every match of ``alternatives`` starts with (any length).

    None when some alternative can start without a literal (``\\d``, ``[...]``, ``^``),
    cannot be rewritten by :func:`foothold.extract.literals.start_alternatives`, or
    starts with a single ASCII character (present in nearly every sentence, so the gate
    would cost more than it saves; one Hangul or Han character is specific enough).
    """
    found = start_literals(alternatives)
    if found is None or found[1] or any(len(t) == 1 and t.isascii() for t in found[0]):
        return None
    return found[0]


_ALL_CUES: list[Cues] = []
#: The automaton over every trigger and, per trigger, its ``(cues id, alternative index)`` pairs.
_AUTOMATON: list[tuple[ahocorasick.Automaton, list[tuple[tuple[int, int], ...]]]] = []


def _automaton() -> tuple[ahocorasick.Automaton, list[tuple[tuple[int, int], ...]]]:
    if not _AUTOMATON:
        by_trigger: dict[str, list[tuple[int, int]]] = {}
        for cues in _ALL_CUES:
            for k, (trigger, _) in enumerate(cues._gated):
                by_trigger.setdefault(trigger, []).append((cues._id, k))
            for trigger in sorted(cues._always_triggers or ()):
                # index len(_gated): "an ungated alternative may match" (sorts after the gated ones)
                by_trigger.setdefault(trigger, []).append((cues._id, len(cues._gated)))
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        entries: list[tuple[tuple[int, int], ...]] = []
        for tid, (trigger, uses) in enumerate(by_trigger.items()):
            automaton.add_word(trigger, tid)
            entries.append(tuple(uses))
        automaton.make_automaton()
        _AUTOMATON.append((automaton, entries))
    return _AUTOMATON[0]


@functools.lru_cache(maxsize=4096)
def _present(text: str) -> dict[int, list[int]]:
    """Per cues id, the (ascending) indices of its gated alternatives whose trigger is in ``text``.

    The index ``len(cues._gated)``, last when present, means that a start trigger of the
    cues' ungated alternatives is in the text (see :attr:`Cues._always_triggers`).
    """
    automaton, entries = _automaton()
    per: dict[int, list[int]] = {}
    if automaton.kind == ahocorasick.EMPTY:
        return per
    for tid in {tid for _, tid in automaton.iter(text)}:
        for cid, k in entries[tid]:
            lst = per.get(cid)
            if lst is None:
                per[cid] = [k]
            else:
                lst.append(k)
    for cid, lst in per.items():
        if len(lst) > 1:
            per[cid] = sorted(set(lst))
    return per


def _rx(*alternatives: str) -> Cues:
    return Cues(alternatives)


# ---------------------------------------------------------------------------
# Contexts

NK = _rx(
    r"\bnorth\s+korea", r"\bdprk\b", r"\bpyongyang\b", r"\bkim\s+jong[\s-]un\b", r"\bn\.\s*korea",
    r"\bworkers['’]\s+party\b", r"\bkorean\s+people['’]s\s+army\b", r"\bkpa\b",
    r"\bthe\s+north(?!\s+(?:of|side|east|west|caucasus|pole|sea|atlantic|american))\b",
    r"кндр", r"северн\w*\s+коре", r"северокорей", r"пхеньян", r"ким\s+чен\s+ын",
    r"북한", r"북측", r"조선민주주의", r"평양", r"김정은", r"朝鲜", r"朝鮮", r"北韩", r"平壤", r"金正恩",
)
WORKERS = _rx(
    r"\bworkers?\b", r"\blabou?r(?:ers?)?\b", r"\bworkforce\b", r"\bbuilders?\b", r"\bpersonnel\b",
    r"\bdeminers?\b", r"\bsappers?\b", r"\bspecialists?\b", r"\btechnical\s+staff\b", r"\bstudents?\b",
    r"\btechnicians?\b", r"\bengineers?\b", r"\bwelders?\b", r"\bmechanics?\b", r"\boperators?\b", r"\bcrews?\b",
    r"\bwage\s+earners?\b", r"\bemployees?\b", r"\bstaff\b", r"\bhires?\b", r"\bcontingent\b",
    r"\bworking\b", r"\bemploy", r"\brecruit", r"\bnorth\s+koreans\b", r"\bnationals\b", r"\bcitizens\b",
    r"\bentries\b", r"\barrivals\b", r"\bconstruction\s+troops\b", r"\bmilitary\s+(?:builders|construction\s+workers|engineers)\b",
    r"рабоч", r"трудов", r"работник", r"специалист", r"строител(?:ь|и|ей|ям|ями|я)\b", r"студент", r"граждан", r"주민", r"公民", r"工人", r"сапер", r"сапёр",
    r"노동자", r"근로자", r"노동력", r"인력", r"파견", r"工人", r"劳工", r"劳务", r"劳动力", r"务工",
)
CHINESE_FIRMS = _rx(
    r"\bchinese\s+(?:\w+\s+){0,2}(?:firms?|compan(?:y|ies)|brands?|carmakers?|automakers?|makers?|vendors?|manufacturers?|businesses|investors?|partners?|contractors?|subcontractors?|joint\s+ventures?|groups?|enterprises?)\b",
    r"\bchinese[-\s]led\b", r"\bhaval\b", r"\bchery\b", r"\bgeely\b", r"\bgreat\s+wall\b", r"\bxiaomi\b",
    r"\bhonor\b", r"\brealme\b", r"\btecno\b", r"\bhuawei\b", r"\bchangan\b", r"\bomoda\b", r"\bexeed\b",
    r"\bjac\b", r"\bfaw\b", r"\bbyd\b", r"\bli\s+auto\b", r"\bzeekr\b", r"\btank\b(?=\s+brand)",
    r"\bhaier\b", r"\bhisense\b", r"\bkonka\b", r"\btcl\b", r"\bmidea\b", r"\bgree\b", r"\binfinix\b", r"\btranssion\b",
    r"\bpoco\b", r"\boppo\b", r"\bvivo\b", r"\boneplus\b", r"\bjetour\b", r"\bjaecoo\b", r"\bdefetoo\b", r"\bdongfeng\b",
    r"\bchinese[-\s](?:made|designed|built|branded|owned|assembled)\b",
    r"\bchinese\s+(?:cars|models|kits|vehicles|phones|smartphones|tvs|televisions|goods|imports|exports|vendors|rivals|competitors)\b",
    r"\bfrom\s+china\b",
    r"китайск\w+\s+(?:бренд|автопроизводител|компани|производител|марк)", r"中国品牌", r"中国车企", r"国产品牌",
    r"중국\s*(?:업체|기업|브랜드|자동차)",
    # the brands in Chinese, Russian and Korean spellings
    r"奇瑞", r"吉利", r"长城(?:汽车|旗下|、|和|与|及|等|的份额)", r"哈弗", r"长安(?:汽车|福特|马自达|、|和|与|及|等|的份额|约占|占)",
    r"比亚迪", r"海尔", r"海信", r"小米", r"华为", r"荣耀(?:手机|品牌)", r"一汽", r"东风汽车", r"江淮", r"捷途", r"星途", r"欧萌达", r"极氪",
    r"传音", r"康佳", r"美的", r"格力", r"长虹",
    r"\bчери\b", r"\bджили\b", r"\bхавейл\b", r"\bхавал\b", r"\bчанган\b", r"\bгрейт\s+волл", r"\bбид\b", r"\bхайер\b",
    r"\bсяоми\b", r"\bксиаоми\b", r"\bхуавей\b", r"\bомода\b", r"\bэксид\b", r"\bджетур\b", r"\bдунфэн\b", r"\bхисенс\b",
    r"체리자동차", r"지리자동차", r"지리\s*(?:차|자동차|오토)", r"하발", r"장성자동차", r"창청자동차", r"창안자동차", r"비야디", r"\bbyd\b", r"샤오미", r"화웨이", r"하이얼",
    # "Chinese cars / phones / exports" in Chinese, Russian and Korean
    r"中国(?:汽车|车|产汽车|手机|家电|电视|电子产品|厂商|企业|公司)", r"国产(?:汽车|车)", r"自主品牌",
    r"китайск\w+\s+(?:автомобил|машин|смартфон|телефон|телевизор|техник|экспорт|поставк|импорт)", r"из\s+китая",
    r"중국(?:산)?\s*(?:차|완성차|스마트폰|휴대폰|가전|tv|전자제품|제품)", r"중국산",
)
MARKET = _rx(
    r"\bmarket\b", r"\bsales\b", r"\bshare\b", r"\bsold\b", r"\bsell(?:s|ing)?\b", r"\bbestsell",
    r"\bregistrations\b", r"\bshipments\b", r"\bsectors?\b", r"\bindustr(?:y|ies)\b", r"\btop\s+(?:spot|place|position)", r"\bleader\b",
    r"рын(?:ок|ка|ке)", r"продаж", r"продан", r"дол[ия]", r"시장", r"점유율", r"판매", r"市场", r"份额", r"销量",
)
RUSSIA = _rx(
    r"\brussia", r"\bmoscow\b", r"\bkremlin\b", r"\bkursk\b", r"\bsiberia", r"\bvladivostok\b",
    r"\bprimor", r"\bnovosibirsk\b", r"\bputin\b", r"\bshoigu\b", r"\blavrov\b", r"\bmishustin\b", r"\bduma\b",
    r"\brosstat\b", r"\bfsb\b", r"\bkaliningrad\b", r"\btula\b", r"\bkhabarovsk\b", r"\bamur\b", r"\bsakhalin\b", r"\bdonbas", r"\bdonetsk\b", r"\bluhansk\b", r"\btatarstan\b", r"\balabuga\b", r"\bst\.?\s+petersburg\b", r"\bkaluga\b",
    r"росси", r"москв", r"российск", r"러시아", r"모스크바", r"俄罗斯", r"俄羅斯", r"莫斯科", r"俄方", r"对俄", r"在俄", r"赴俄", r"访俄", r"中俄", r"朝俄", r"俄朝", r"俄国", r"俄境",
)
# Plans, proposals and speculation: directive contents are not reported facts.
PLAN = _rx(
    r"\bstrateg(?:y|ies)\b", r"\bapproach\b", r"\bproposal\b", r"\bproposed\b", r"\bobjectives?\b",
    r"\bgoals?\b", r"\bvision\b", r"\bpathway\b", r"\bopportunit", r"\baims?\s+to\b", r"\bintends?\b",
    r"\bseeks?\s+to\b", r"\bwants?\s+to\b", r"\bhopes?\s+to\b", r"\bpush\s+for\b", r"\bselling\s+points?\b",
    r"\bvalue\s+proposition", r"\bbets?\s+on\b", r"\bpotential(?:ly)?\b", r"\bmust\b", r"\bshould\b",
    r"\bneeds?\s+to\b", r"\bcould\b", r"\bmight\b", r"\bcan\b",
    r"\bmay\s+(?:be|have|not|also|well|become|help|need|face|take|go|use|send|seek|want|try|lead|prove|remain|work|soon|impede|hamper|complicate)\b", r"\bwhether\b",
    r"\bif\s+it\s+goes\s+ahead\b", r"\blikely\s+to\b", r"\bwould\s+(?:mark|tie|offer|allow|need|require)\b",
    r"\bemphasi[sz]ed\b", r"\bstressed\b", r"\btold\s+(?:\w+\s+){0,4}to\s+(?!the\b)", r"\bhas\s+been\s+told\b", r"\bhave\s+been\s+told\b",
    r"\bis\s+to\s+(?:seek|find|win|secure|pursue|pitch)\b", r"\binstruct", r"\border(?:s|ed)?\s+(?:\w+\s+){0,3}to\s+(?:find|seek|win|secure|pursue)\b", r"\boutlined\b", r"\bmaximi[sz]", r"\bcompetitiveness\b", r"\bprioriti[sz]",
    r"может", r"могут", r"могл[иа]", r"возможно", r"수\s*있", r"可能", r"或将",
)
SPECULATION = _rx(
    r"\bour\s+take\b", r"\bin\s+our\s+view\b", r"\bwe\s+(?:think|believe|expect)\b", r"\bopinion:", r"\bcommentary:",
    r"^analysis:", r"\bperhaps\b", r"\bspeculation\b", r"\bmay\s+eventually\b", r"\bit\s+is\s+conceivable\b",
    # doubt about others' claims is the writer's view, not a report
    r"\bdeserves?\s+(?:a\s+)?(?:sceptical|skeptical|cautious|closer)\s+(?:reading|look)\b", r"\bshould\s+be\s+treated\s+with\s+(?:caution|scepticism|skepticism)\b",
    r"\bremains?\s+(?:unproven|unverified|unconfirmed)\b",
)
# A paragraph that opens with one of these labels is the writer's own view throughout.
OPINION_LABEL = re.compile(r"^(?:analysis|our take|opinion|commentary|comment|editorial|аналитика|мнение|분석|해설|评论|分析)\s*[:：]")
HEDGE = _rx(
    r"\bcould\b", r"\bmight\b", r"\bmay\s+(?:be|have|also|well|become|help|need|face|take|go|use|send|seek|want|try|lead|prove|remain|work|soon)\b",
    r"\bpotential(?:ly)?\b", r"\bpossibl[ey]\b", r"может", r"могут", r"могл[иа]", r"수\s*있", r"可能",
)
# Hedges in Russian, Korean and Chinese: a market sentence so hedged, with no source named,
# is the writer's speculation (English market sentences keep their own rules).
HEDGE_INTL = _rx(
    r"может", r"могут", r"могл[иао]\s+бы", r"возможно", r"вероятно", r"수\s*있", r"가능성", r"전망이다", r"可能", r"或将", r"有望", r"或许", r"也许",
)
MODAL_SOFT = _rx(r"\bwould\b", r"\bwill\b", r"\bplans?\b", r"\bplanning\b", r"\bconsidering\b", r"\bweighs?\b", r"\bweighing\b")
NEGATION = _rx(
    r"\bnot\b", r"\bno\b", r"\bnever\b", r"\bdenied\b", r"\bdenies\b", r"\bdeny\b", r"\bneither\b",
    r"\brejected\b", r"\bdismissed\b", r"n['’]t\b", r"\brefus(?:ed|es|ing|al)\b", r"\bdeclin(?:ed|es|ing)\s+to\b",
    r"\bno\s+(?:longer|plans?)\b", r"\bhalted\b", r"\bended\b", r"\bbarred\b", r"\bminimal\b", r"\black(?:ed|s|ing)?\b", r"\bне\b", r"\bнет\b", r"опроверг", r"않", r"없", r"不", r"没有", r"否认",
)
BACKGROUND = _rx(
    r"\bresolutions?\s+(?:\d{4}|adopted)", r"\bun\s+(?:security\s+council\s+)?resolutions?\b",
    r"\bsecurity\s+council\s+(?:has\s+)?(?:barred|banned|bars|bans|required)\b",
    r"\bbanned\s+by\s+the\s+un\b", r"\bhas\s+been\s+banned\b", r"\bunder\s+un\s+(?:rules|sanctions)\b", r"\bsupposed\s+to\s+have\b",
    r"\bprohibited\s+under\b", r"\bviolat\w+\s+un\s+security\s+council\s+resolutions\b", r"резолюци", r"결의", r"决议",
)
# A treaty or the war cited in passing is background for state ties only.
PASSING_TIE = _rx(
    r"\bsince\s+(?:signing|the\s+signing)\b", r"\b(?:followed|after|since|under)\s+the\s+(?:[\w-]+\s+){0,3}(?:treaty|partnership)\b",
    r"\bsince\s+the\s+(?:war|invasion)\b", r"\bafter\s+(?:signing|they\s+signed)\b",
)

# ---------------------------------------------------------------------------
# Sectors (ANNOTATION.md §4)

SECTOR_PATTERNS: dict[str, Cues] = {
    "automotive": _rx(
        r"\bcars?\b", r"\bautomobiles?\b", r"\bautomotive\b", r"\bcarmakers?\b", r"\bautomakers?\b",
        r"\bauto\s+(?:plant|market|industry|assembly|sales)\b", r"\bcar\s+(?:plant|market|assembly|sales)\b",
        r"\bvehicles?\b", r"\bpassenger[-\s]car", r"автомоб", r"автопроизвод", r"автозавод", r"авторын", r"легков\w+\s+(?:машин|авто)", r"продан\w*\s+машин", r"자동차", r"완성차", r"승용차", r"汽车", r"轿车", r"乘用车", r"车型", r"整车", r"新车",
    ),
    "communications_devices": _rx(
        r"\bsmartphones?\b", r"\bmobile\s+(?:phones?|devices?)\b", r"\bphones?\b", r"\bhandsets?\b",
        r"\bcommunications?[-\s]devices?\b", r"смартфон", r"телефон", r"스마트폰", r"휴대폰", r"휴대전화", r"手机", r"智能手机",
    ),
    "electronics": _rx(
        r"\belectronics?\b", r"\belectronic\s+(?:devices?|goods|products)\b", r"\btelevisions?\b", r"\btvs?\b",
        r"\b(?:home\s+)?appliances?\b", r"\bwashing\s+machines?\b", r"\brefrigerators?\b", r"электроник", r"бытов\w+\s+техник",
        r"телевизор", r"전자제품", r"가전", r"텔레비전", r"家电", r"电子产品", r"电视",
    ),
    "defence_manufacturing": _rx(
        r"\bdrones?\b", r"\buavs?\b", r"\bmunitions?\b", r"\bammunition\b", r"\bshells?\s+(?:production|factory|plant)",
        r"\bdefen[cs]e\s+(?:plant|factory|industry|enterprise)", r"\bmilitary\s+(?:plant|factory|production)",
        r"\barms\s+(?:plant|factory)", r"\bweapons?\s+(?:plant|factory|production)", r"\bshahed",
        r"беспилотник", r"\bбпла\b", r"дрон", r"оборонн\w+\s+(?:завод|предприят)", r"드론", r"무인기", r"군수", r"无人机", r"军工",
    ),
    "other_manufacturing": _rx(
        r"\bgarments?\b", r"\btextiles?\b", r"\bsewing\b", r"\bshipyards?\b", r"\bshipbuilding\b", r"\bclothing\s+factor",
        r"\bfood\s+processing\b", r"\bfish\s+processing\b", r"швейн", r"верф", r"судострое", r"봉제", r"조선소", r"服装", r"造船",
    ),
    "construction": _rx(
        r"\bconstruction\b", r"\bbuilders?\b", r"\bbuilding\s+sites?\b", r"\bbuild(?:ing)?\s+(?:projects?|workers?)\b",
        r"\bhigh-rise\b", r"\bapartment\s+blocks?\b", r"\breconstruction\b", r"\brebuild", r"\brestore\s+infrastructure\b",
        r"\brepair\s+infrastructure\b", r"\bconstruction\s+sites?\b",
        r"строител", r"стройк", r"строительств", r"восстановлени", r"건설", r"공사", r"建筑", r"建设", r"施工",
    ),
    "agriculture_fisheries_logging": _rx(
        r"\bagricultur\w*\b", r"\bfarms?\b", r"\bfarming\b", r"\bfarmhands?\b", r"\blogging\b", r"\bforestry\b",
        r"\btimber\b", r"\bloggers\b", r"\bfisher(?:y|ies|men)\b", r"\bfishing\b",
        r"сельск\w+\s+хозяйств", r"лесозаготов", r"лесн\w+\s+промышл", r"рыболов", r"농업", r"벌목", r"어업", r"农业", r"伐木", r"渔业",
    ),
    "it_services": _rx(
        r"\bit\s+(?:workers?|specialists?|contract\w*|professionals?|developers?|workforce|services?)\b",
        r"\binformation[-\s]technology\s+workers?\b", r"\bsoftware\s+(?:developers?|engineers?|workers?)\b",
        r"\bprogrammers?\b", r"\bcoders?\b", r"\bit-специалист", r"программист", r"it\s*노동자", r"it\s*인력", r"it\s*工人", r"程序员",
    ),
    "other": _rx(
        r"\bdeminers?\b", r"\bsappers?\b", r"\bmine[-\s]clearance\b", r"\bdemining\b", r"\bclear(?:ing)?\s+mines\b",
        r"\brestaurants?\b", r"\bhospitality\b", r"\bmedical\s+staff\b", r"\bhealthcare\s+workers\b",
        r"сапер", r"сапёр", r"разминир", r"지뢰", r"공병", r"排雷", r"工兵",
    ),
}
TARGET_SECTORS = ("automotive", "communications_devices", "electronics")
MANUFACTURING = _rx(
    r"\bindustr(?:y|ial)\b", r"\bmanufactur", r"\bproduction\b", r"\bfactor(?:y|ies)\b", r"\bplants?\b",
    r"\bassembl", r"\bfoothold\b", r"\bproduc(?:es|ing)\b", r"\bworkshops?\b",
    r"промышл", r"производств", r"завод", r"сборк", r"산업", r"제조", r"공장", r"생산", r"工业", r"制造", r"工厂", r"生产", r"组装",
)


@functools.lru_cache(maxsize=8192)
def sectors_in(text: str) -> list[str]:
    """Sector ids whose words occur in ``text``, in case order (results cached; do not mutate)."""
    low = text.lower()
    return [sid for sid, pattern in SECTOR_PATTERNS.items() if pattern.search(low)]


# ---------------------------------------------------------------------------
# Rules


@dataclass(frozen=True, slots=True)
class Rule:
    """One indicator rule.

    Attributes:
        name: a stable id shown in explanations.
        indicator, polarity: what a match yields.
        cue: pattern that must occur in the sentence.
        needs: contexts that must hold (``nk``, ``workers``, ``chinese``, ``market``,
            ``russia``, ``manufacturing``, ``nk_doc`` = North Korea named anywhere in the document).
        forbid_plan: skip sentences that speak of plans, proposals or speculation.
        allow_soft_modal: with forbid_plan, still allow "would"/"will"/"plans".
        negatable: a negation in the sentence flips the polarity.
        skip_if_hedged_intl: skip a sentence hedged in Russian, Korean or Chinese
            ("может", "수 있", "可能") unless it names a source.
        confidence: base confidence of a match (0-1).
    """

    name: str
    indicator: str
    polarity: str
    cue: Cues
    needs: frozenset[str] = frozenset()
    forbid_plan: bool = True
    negatable: bool = False
    confidence: float = 0.7
    background_ok: bool = False
    plan_needs_number: bool = False
    skip_if_negated: bool = False
    skip_if_hedged_intl: bool = False


def _r(name: str, indicator: str, polarity: str, cues: list[str], needs: tuple[str, ...] = (), **kw) -> Rule:
    return Rule(name, indicator, polarity, _rx(*cues), frozenset(needs), **kw)


RULES: tuple[Rule, ...] = (
    # -- directive: DPRK authorities plan or aim to win industrial work in Russia
    _r("directive.instruct", "ind_directive", "positive", [
        r"\binstruct(?:ed|s|ion)", r"\border(?:s|ed)\b", r"\bdirected\b", r"\btasked\b", r"\btold\s+(?:the\s+)?(?:\w+\s+){0,3}to\s+(?:find|seek|win|secure|pursue|look)", r"\bdirective\b", r"\blaunched\s+(?:a\s+)?(?:\w+\s+)?initiative",
        r"\bconsidering\s+(?:sending|dispatching)", r"\bweigh(?:s|ing)?\s+(?:sending|dispatching)",
        r"\bplans?\s+to\s+(?:send|dispatch)\b", r"\bstrategic\s+initiative\b", r"\bindustrial\s+foothold\b",
        r"поручил", r"указани", r"рассматривает\s+(?:возможность\s+)?(?:отправ|направ)", r"지시", r"검토", r"指示", r"考虑(?:派遣|派出)",
    ], ("nk", "manufacturing_doc"), forbid_plan=False, confidence=0.75),
    # -- negotiation: talks held
    _r("negotiation.held", "ind_negotiation", "positive", [
        r"\bheld\s+(?:\w+\s+){0,3}talks\b", r"\btalks\s+(?:were\s+)?held\b", r"\bheld\s+(?:a\s+)?(?:meeting|session|consultations)\b",
        r"\b(?:\d+\w*|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+session\b",
        r"\bintergovernmental\s+commission\b", r"\bworking[-\s]level\s+(?:talks|negotiations|meetings?)\b",
        r"\bnegotiat(?:ed|ions\s+(?:were|took))", r"\bsession\s+(?:met|was\s+held|took\s+place)\b", r"\b(?:were|was)\s+discussed\b",
        r"\bdiscussions?\s+(?:were\s+)?held\b", r"\bconsultations\b", r"\bworked\s+out\b", r"\b(?:terms|conditions)\s+(?:of\s+(?:the\s+)?\w+\s+)?were\s+(?:agreed|set|discussed|negotiated)",
        r"\bin\s+talks\s+(?:at|with|in)\b",
        r"переговор", r"межправкомисс", r"межправительственн\w+\s+комисс", r"회담", r"협상", r"회의를\s*열", r"会谈", r"谈判", r"政府间委员会",
    ], ("nk", "economic"), confidence=0.65),
    _r("negotiation.failed", "ind_negotiation", "negative", [
        r"\btalks\s+(?:\w+\s+){0,2}(?:failed|collapsed|broke\s+down|stalled)\b", r"\b(?:cancelled|canceled|called\s+off|postponed)\s+(?:the\s+)?(?:talks|meeting|session|visit)\b",
        r"\b(?:talks|meeting|session|visit)\s+(?:was|were)\s+(?:cancelled|canceled|called\s+off|postponed)\b",
    ], ("nk",), confidence=0.7),
    # -- agreement: signed deals or official announcements of workers
    _r("agreement.workers", "ind_agreement", "positive", [
        r"\bsigned\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}(?:agreement|contract|deal|memorandum)\b", r"\bcontract\s+with\b",
        r"\bdecided\s+to\s+(?:send|dispatch)\b", r"\bagreed\s+to\s+(?:send|dispatch|supply|provide)\b",
        r"\b(?:will|would)\s+(?:send|dispatch)\b", r"\bto\s+(?:send|dispatch)\s+(?:\S+\s+){0,4}(?:workers|builders|deminers|sappers|labourers|laborers|personnel|specialists)",
        r"\b(?:preparing|planning|plans?|set|expects?|intends?)\s+to\s+(?:hire|recruit|bring\s+in|employ|take\s+on|receive|accept)\b",
        r"\bquota\b", r"\bhiring\s+plan\b", r"\bto\s+take\s+on\b",
        r"подписал\w*\s+(?:\w+\s+){0,3}(?:соглашени|договор|контракт)", r"направ(?:ит|ят)\s", r"отправ(?:ит|ят)\s", r"квот",
        r"계약", r"협정을?\s*체결", r"파견하기로", r"보내기로", r"파견할\s*예정", r"签署", r"合同", r"(?:将|计划|决定|同意)派遣", r"配额",
    ], ("nk", "workers"), forbid_plan=False, negatable=True, confidence=0.7),
    _r("agreement.denied", "ind_agreement", "negative", [
        r"\bdenied\s+(?:that\s+)?(?:any\s+)?(?:\w+\s+){0,3}(?:agreement|deal|contract)", r"\bno\s+(?:such\s+)?(?:agreement|deal|contract)\s+(?:exists|has\s+been)",
    ], ("nk",), forbid_plan=False, confidence=0.7),
    # -- inflow: people actually entering, sent or present
    _r("inflow.count", "ind_inflow", "positive", [
        r"\bentered\b", r"\bentries\b", r"\bentering\b", r"\barrived\b", r"\barrivals?\b", r"\bcrossed\s+the\s+border\b",
        r"\bvisas?\s+(?:issued|sought|applications?)\b", r"\bare\s+(?:already\s+|now\s+|currently\s+|still\s+)?(?:working|employed|present)\b",
        r"\b(?:already|currently)\s+(?:in|working\s+in)\s+russia\b", r"\bwere\s+(?:working|employed)\b", r"\bhave\s+been\s+sent\b",
        r"\bwere\s+sent\b", r"\bhad\s+been\s+sent\b", r"\bsent\s+(?:\S+\s+){0,4}(?:workers|labourers|laborers|builders|troops|people|citizens)\b",
        r"\b(?:moving|moved)\s+to\s+russia\b", r"\bvisas?\s+for\s+[\d,]+", r"\bsought\s+visas\b", r"\bflood(?:ed|ing)?\s+into\b", r"\bflock(?:ed|ing)?\b", r"\bsurge(?:d)?\b", r"\brelying\s+(?:more\s+and\s+more|increasingly)\b",
        r"\bthousands\s+of\s+north\s+korean", r"\bworkforce\s+in\s+russia\b", r"\bnumber\s+of\s+north\s+koreans?\b.{0,40}\b(?:rose|grew|increased|jumped|doubled|tripled)",
        r"въехал", r"въезд", r"прибыл", r"пересекл\w*\s+границ", r"работают\s+в\s+росси", r"направил[иа]?\s", r"입국", r"체류", r"파견했", r"보냈", r"入境", r"抵达", r"派遣了", r"派出了",
    ], ("nk", "russia"), negatable=False, confidence=0.7),
    _r("inflow.decline", "ind_inflow", "negative", [
        r"\bsent\s+home\b", r"\bgone\s+home\b", r"\breturned\s+home\b", r"\brepatriat", r"\bleft\s+russia\b",
        r"\b(?:fell|declined|dropped|decreased|plunged|shrank|slumped|tumbled)\b", r"\bnosedive", r"\bdown\s+from\b", r"\bdrawdown\b",
 r"\bonly\s+(?:about\s+)?\d[\d,]*\s+north\s+koreans?\s+entered\b", r"\bno\s+(?:north\s+korean\s+)?workers\s+(?:are|remain)\b",
        r"\bdenied\s+(?:that\s+)?(?:any\s+)?north\s+korean\s+workers",
        r"сократил", r"снизил", r"вернул\w*\s+на\s+родину", r"репатри", r"감소", r"귀국", r"송환", r"下降", r"减少", r"遣返",
    ], ("nk", "workers"), negatable=False, confidence=0.7),
    _r("inflow.unmet", "ind_inflow", "negative", [
        r"\b(?:not|never)\s+(?:been\s+)?(?:met|reached|materiali[sz]ed)\b", r"\bfell\s+short\b", r"\bunmet\b",
        r"не\s+(?:сбыл|оправдал|подтвердил|реализовал)", r"빗나갔", r"未能实现",
    ], ("nk_doc", "workers"), forbid_plan=False, confidence=0.6),
    # -- placements
    _r("placement.target", "ind_placement_target", "positive", [
        r"\b(?:car|automobile|auto|vehicle|smartphone|phone|electronics?|appliance|tv)\s+(?:\w+\s+){0,2}(?:plants?|factor(?:y|ies)|assembly|lines?|makers?|production)\b",
        r"\bassembl(?:e|es|ed|ing|y)\s+(?:\w+\s+){0,2}(?:cars|vehicles|automobiles|phones|smartphones|electronics|televisions|tvs|appliances|refrigerators|fridges)\b",
        r"\b(?:mak|build|produc)(?:e|es|ing)\s+(?:\w+\s+){0,2}(?:cars|vehicles|automobiles|phones|smartphones|electronics|televisions|tvs|appliances|machines|refrigerators|fridges)\b",
        r"автозавод", r"сборк\w+\s+(?:автомобил|смартфон|электроник)", r"자동차\s*공장", r"전자\s*공장", r"汽车厂", r"电子厂", r"手机厂",
    ], ("nk", "workers"), negatable=True, confidence=0.7),
    _r("placement.other_mfg", "ind_placement_other_mfg", "positive", [
        r"\bdrones?\b", r"\bfactor(?:y|ies)\b", r"\bshipyards?\b", r"\bgarment", r"\btextile", r"\bmunitions?\b",
        r"\bdefen[cs]e\s+plant", r"\bmilitary\s+plant", r"\bproduction\s+lines?\b", r"\balabuga\b", r"\benterprises?\b",
        r"\bmanufactur\w*\s+(?:plant|site|jobs|work)", r"\bworkshops?\b",
        r"завод", r"фабрик", r"верф", r"공장", r"조선소", r"工厂", r"船厂", r"无人机",
    ], ("nk", "workers"), forbid_plan=False, confidence=0.65, plan_needs_number=True),
    _r("placement.nonmfg", "ind_placement_nonmfg", "positive", [
        r"\bconstruction\b", r"\bbuilders?\b", r"\bbuilding\s+sites?\b", r"\bdeminers?\b", r"\bsappers?\b", r"\bmine[-\s]clearance\b",
        r"\blogging\b", r"\bforestry\b", r"\bfarms?\b", r"\bagricultur", r"\bfisher", r"\bit\s+workers?\b", r"\binformation[-\s]technology\s+workers?\b",
        r"\brestaurants?\b", r"\breconstruction\b", r"\brebuild\b", r"\bhigh-rise\b", r"\bapartment\s+blocks\b",
        r"строител", r"стройк", r"сапер", r"сапёр", r"лесозаготов", r"건설", r"벌목", r"지뢰", r"建筑", r"伐木", r"工地",
    ], ("nk", "workers"), forbid_plan=False, confidence=0.65, plan_needs_number=True),
    # -- China link
    _r("china_link.firms", "ind_china_link", "positive", [
        r"\bchinese\b", r"\bchina\b", r"китай", r"중국", r"中国", r"中方",
    ], ("nk", "workers", "russia", "chinese"), confidence=0.6),
    # -- skills
    _r("skills.training", "ind_skills", "positive", [
        r"\btrain(?:ed|ing)?\b", r"\btechnical\s+staff\b", r"\bknow-how\b", r"\bskills?\s+transfer", r"\bapprentice",
        r"\bqualifications?\b", r"обучени", r"обучат", r"подготовк", r"교육", r"훈련", r"기술\s*이전", r"培训", r"技术转让",
    ], ("nk_doc", "workers"), forbid_plan=True, skip_if_negated=True, confidence=0.6),
    # -- terms of work
    _r("terms.pay", "ind_terms", "positive", [
        r"\bloyalty\s+fees?\b", r"(?:\$|us\$|usd|dollars?|roubles?|rubles?|won|yuan)\s*[\d.,]*\s*(?:million\s+)?(?:a|per)\s+(?:month|hour|day|week)\b",
        r"\bmonthly\s+(?:pay|wage|salary|earnings)", r"\ban\s+hour\s+for\b", r"\bper\s+hour\b",
        r"\bwages?\b", r"\bsalar(?:y|ies)\b", r"\bearn(?:ed|ing|s)?\b", r"\bpaid\b", r"\bdays?\s+off\b", r"\bshifts?\b",
        r"\b\d+\s*a\.m\.\s+until\b", r"\bhours?\s+a\s+day\b", r"\b\d+-hour\b", r"\blow\s+pay\b", r"\b(?:monthly|their|workers['’]?|average|the)\s+pay\b", r"\bpaid\s+(?:only\s+)?(?:about|around|roughly|up\s+to|less\s+than)?\s*(?:us)?\$", r"\bcontract\s+terms\b",
        r"\bshare\s+of\s+(?:their\s+)?(?:pay|wages|earnings)\b",
        r"зарплат", r"в\s+месяц", r"月급", r"월급", r"임금", r"충성자금", r"工资", r"月薪", r"每月",
    ], ("nk_doc", "workers_doc"), confidence=0.6),
    # -- partner reluctance (+) and partners seeking workers (-)
    _r("reluctance.restrict", "ind_partner_reluctance", "positive", [
        r"\b(?:permits?|visas?)\s+(?:were\s+|was\s+)?(?:revoked|cancelled|canceled|withdrawn|refused)", r"\brevoked\b",
        r"\b(?:declined|refused|reluctant|wary|hesitant)\b", r"\brestrict(?:ed|ions?)\b", r"\bban(?:ned)?\s+(?:the\s+)?(?:hiring|employment|use)\b",
        r"\bsuspended\s+(?:the\s+)?(?:hiring|recruitment)\b", r"\bsent\s+home\b", r"\brepatriated\b",
        r"отказал", r"ограничени", r"аннулир", r"거부", r"제한", r"拒绝", r"限制",
    ], ("nk", "workers", "russia"), confidence=0.6),
    _r("reluctance.seeking", "ind_partner_reluctance", "negative", [
        r"\b(?:preparing|planning|plans?|looking|seeking|seeks|wants?|hopes?|intends?)\s+to\s+(?:hire|recruit|bring(?:\s+in)?|employ|attract|take\s+on)\b",
        r"\binterested\s+in\s+(?:hiring|employing|north\s+korean\s+(?:labou?r|workers))", r"\bwould\s+welcome\b",
        r"\burg(?:ed|es)\s+(?:\w+\s+){0,4}(?:more\s+)?(?:north\s+korean\s+)?(?:workers|labou?r)",
        r"\bdescribed\s+them\s+as\s+(?:skilled|hard[-\s]working|disciplined)", r"\bvalued\b",
        r"\bwant(?:ed|s)?\s+(?:\w+\s+){0,2}(?:foreign\s+)?(?:labou?r|workers)\b", r"\bprais(?:ed|es|ing)\b", r"\bprize[sd]?\b", r"\bhope\s+to\s+extend\b", r"\bwant(?:s|ed)?\s+them\b",
        r"\bvalu(?:e|es|ed)\s+(?:their|them|the\s+(?:north\s+korean\s+)?(?:workers|labou?rers|north\s+koreans))\b", r"\bhighly\s+skilled\b", r"\b(?:are|is|were)\s+to\s+be\s+(?:recruited|hired|employed|brought\s+in)\b",
        r"\bneed\s+for\s+(?:labou?r|workers|hands)\b", r"\bto\s+bring\s+(?:in\s+)?(?:about\s+|some\s+|roughly\s+|up\s+to\s+)?[\d,]+\s+(?:more\s+)?(?:north\s+korean\s+)?(?:workers|labourers|laborers|builders|north\s+koreans)", r"\bcould\s+(?:employ|use|hire|absorb|take)\b",
        r"\burg(?:ed|es|ing)\s+(?:\w+\s+){0,5}(?:workers|labou?r)\b", r"\bcall(?:ed|s)\s+for\s+(?:more\s+)?(?:north\s+korean\s+)?(?:workers|labou?r)\b",
        r"планиру\w+\s+(?:привлечь|нанять)", r"привлечь\s+(?:\w+\s+)?(?:рабоч|строител)", r"채용할\s*계획", r"고용하려", r"计划雇佣", r"希望引进",
        r"мог(?:ла|ли|ло|ут|ла\s+бы|ли\s+бы|\s+бы)?\s+(?:бы\s+)?(?:задействовать|использовать|привлечь|нанять|принять|трудоустроить)",
        r"интерес\w*\s+к\s+(?:\w+\s+){0,2}(?:рабоч|трудов|работник|строител)",
        r"(?:заинтересован\w*|нуждает\w*|нуждаются)\s+в\s+(?:\w+\s+){0,2}(?:рабоч|трудов|работник|строител)",
        r"(?:고용|채용|투입|활용|수용)할\s*수\s*있", r"(?:노동자|노동력|인력).{0,12}(?:관심|원한다|원하|필요하다)", r"(?:노동자|노동력|인력).{0,8}(?:요청|유치)",
        r"(?:可以|可|能够|能)(?:雇佣|雇用|使用|吸纳|接收|引进)", r"(?:有意|希望|打算|愿意)(?:雇佣|雇用|引进|招募|招聘|接收)",
        r"(?:对|看重)(?:朝鲜)?(?:劳工|工人|劳动力).{0,6}(?:感兴趣|兴趣|需求)",
    ], ("nk_doc", "workers"), forbid_plan=False, negatable=True, confidence=0.6),
    # -- enforcement
    _r("enforcement.action", "ind_enforcement", "positive", [
        r"\bsanctioned\b", r"\bdesignations?\b", r"\bdesignates\b", r"\b(?:was|were|been|be)\s+designated\b",
        r"\b(?:treasury|ofac|department|washington|government|ministry|states|union|kingdom|japan|canada|australia|seoul|tokyo|council)\s+(?:on\s+\w+\s+|also\s+)?designated\b",
        r"\bdesignated\s+(?:[\w'’-]+\s+){0,5}(?:for|as|over|on)\b(?!\s+(?:north\s+korean\s+)?entities)", r"\bimposed\s+(?:new\s+)?sanctions\b", r"\bblacklist", r"\bsanctions?\s+list\b",
        r"\bfroze\b", r"\bindict(?:ed|ment)\b", r"\bcharged\b", r"\bseized\b", r"\brewards?\s+for\s+justice\b", r"\breward\s+of\b",
        r"\bpanel\s+of\s+experts\b.{0,60}\b(?:report|found|said)", r"\bmonitoring\s+team\b", r"\bmsmt\b", r"\binvestigat(?:ion|ed|ors)\b",
        r"\bofac\b", r"\bexposé\b", r"\bexpose\b",
        r"ввел\w*\s+санкци", r"санкционн\w+\s+спис", r"제재(?:를|\s*대상)", r"지정했", r"制裁", r"列入",
    ], ("nk_doc", "russia_doc"), forbid_plan=True, confidence=0.7, background_ok=True),
    _r("enforcement.halted", "ind_enforcement", "negative", [
        r"\bveto(?:ed)?\b", r"\bmandate\b.{0,40}\b(?:expired|lapsed|ended|ran\s+out)\b", r"\bfail(?:ed|s)\s+to\s+(?:extend|renew)\b", r"\ballowed\s+(?:\w+\s+){0,3}to\s+(?:lapse|expire)\b", r"\bdisbanded\b",
        r"вето", r"거부권", r"否决",
    ], ("nk_doc",), forbid_plan=False, confidence=0.7, background_ok=True),
    # -- friction
    _r("friction.abuse", "ind_friction", "positive", [
        r"\bslaves?\b", r"\bslavery\b", r"\bforced\s+labou?r\b", r"\babus(?:e|ive|ed)\b", r"\bconfine", r"\bkept\s+(?:on|in)\b",
        r"\bsurveillance\b", r"\b(?:are|were|is|was|being|kept|closely|constantly|strictly|tightly)\s+monitored\b", r"\bunder\s+(?:constant\s+)?watch\b", r"\bescap(?:e|ed|es|ing)\b", r"\bfled\b",
        r"\bdefect(?:ed|ion|ors?)\b", r"\blanguage\s+barrier", r"\bquality\s+(?:problems|issues|complaints)", r"\bpunishing\b",
        r"\bworked\s+to\s+death\b",
        r"побег", r"сбежал", r"рабск", r"탈출", r"탈북", r"감시", r"학대", r"逃离", r"虐待", r"监视",
    ], ("nk_doc", "workers_doc"), confidence=0.6),
    _r("friction.decline", "ind_friction", "negative", [
        r"\b(?:escap\w+|defections?|problems?|complaints?)\b.{0,60}\b(?:halved|fell|declined|dropped|harder|rarer|fewer)\b",
        r"\b(?:halved|fell|declined|dropped)\b.{0,40}\b(?:escap\w+|defections?)\b",
        r"\bescaping\s+has\s+become\s+harder\b", r"\bfewer\s+(?:\w+\s+){0,3}(?:escape|defect|flee)",
    ], ("nk_doc",), forbid_plan=False, confidence=0.6),
    # -- market shift
    _r("market.chinese_gain", "ind_market_shift", "positive", [
        r"\bshare\b", r"\bmarket\b", r"\babsorb(?:ed|ing)?\b", r"\bdominat", r"\btop(?:ped)?\b", r"\bled\b", r"\blead(?:s|ing)?\b",
        r"\bgain(?:ed|ing|s)?\b", r"\bsales\b", r"\bsold\b", r"\bbest[-\s]?sell", r"\bgrab", r"\bproduc(?:ed|es|tion|ing)\b",
        r"\bassembl", r"\bplant\b", r"\bimports?\b", r"\bsecond\b", r"\bthird\b", r"\bfill(?:ed|ing)?\s+the\s+(?:gap|void)\b",
        r"дол[яи]", r"рын", r"продаж", r"점유율", r"시장", r"份额", r"市场", r"销量",
        r"填补.{0,4}(?:空缺|空白)", r"заня\w*\s+(?:\w+\s+)?(?:нишу|мест[оа])", r"(?:перв|втор|трет)\w*\s+мест\w*\s+заня", r"продан", r"빈자리",
    ], ("chinese", "market_or_sector", "russia_doc"), forbid_plan=False, confidence=0.65, skip_if_hedged_intl=True),
    _r("market.western_exit", "ind_market_shift", "positive", [
        r"\b(?:sell|sold|sells|selling)\s+(?:its\s+)?(?:\w+\s+){0,3}(?:plant|factory|stake|assets|business)",
        r"\bsale\s+of\s+(?:its\s+)?(?:\w+\s+){0,3}(?:plant|factory|stake|assets|business)", r"\bexit(?:ed|ing)?\b", r"\bwithdr(?:ew|awn|awal)\b",
        r"\bpull(?:ed)?\s+(?:back|out)\b", r"\bleft\s+(?:the\s+)?(?:russian\s+)?market\b", r"\bstopped\s+(?:new\s+)?(?:sales|shipments)\b",
        r"\bsuspend(?:ed|ing)\s+(?:shipments|sales|operations|production)\b", r"\blost\s+its\s+position\b", r"\bcollapsed\b",
        r"\bshare\s+(?:\w+\s+){0,2}(?:dropping|dropped|fell|falling)\b", r"\bbuy\s*back\b", r"\brepurchase\b", r"\bhalted\s+(?:production|operations)\b",
        r"\bshut\s+(?:down\s+)?(?:in|its|the)\b", r"\blease\b", r"\bformer\s+(?:\w+\s+){0,2}plant\b",
        r"ушл\w+\s+с\s+(?:российского\s+)?рынка", r"продал\w*\s+(?:\w+\s+){0,2}завод", r"철수", r"매각", r"退出", r"出售",
        r"покинул\w*\s+(?:российский\s+)?рын", r"останов\w+\s+(?:\w+\s+)?производств", r"приостанов\w+\s+(?:\w+\s+)?(?:производств|продаж|поставк)",
        r"생산(?:을)?\s*중단", r"판매(?:를)?\s*중단", r"停产", r"撤出", r"撤离", r"停止(?:生产|销售|供货)",
    ], ("western_firm", "russia_doc", "market_or_sector"), forbid_plan=False, confidence=0.6),
    _r("market.chinese_loss", "ind_market_shift", "negative", [
        r"\bchinese\s+(?:[\w'’-]+\s+){0,4}(?:share|sales)\s+(?:[\w'’-]+\s+){0,7}(?:fell|dropped|declined|slipped|shrank|decreased|plunged|slumped|dipped)",
        r"\bchinese\s+(?:[\w'’-]+\s+){0,4}(?:share|sales)\s+(?:\w+\s+){0,3}(?:below|under)\s+\d",
        r"\bsales\s+of\s+chinese[-\s]\w+\s+(?:\w+\s+){0,2}(?:fell|dropped|declined|slumped|plunged)",
        r"\b(?:taps?|tapped)\s+the\s+brakes\b", r"\bchinese\s+(?:\w+\s+){0,2}(?:exports?|shipments|imports?)\b.{0,40}\b(?:fell|dropped|down|declined)\b",
        r"\b(?:fell|dropped|declined|slipped)\b.{0,40}\bchinese\s+(?:brands?|carmakers?|makers?)",
        r"дол[яи]\s+китайск\w+\s+(?:\w+\s+){0,2}(?:снизил|сократил|упал)", r"중국\s*(?:브랜드|업체).{0,20}(?:감소|하락)", r"中国品牌.{0,30}(?:下降|下滑|减少|降至|降到|跌至)", r"중국\s*(?:브랜드|업체).{0,30}(?:감소|하락|떨어)", r"дол[яи]\s+китайск.{0,60}(?:снизил|сократил|упал|опустил)",
    ], ("russia_doc",), forbid_plan=False, confidence=0.6),
    _r("market.chinese_loss_exports", "ind_market_shift", "negative", [
        r"中国.{0,12}(?:出口|销量|销售|份额|进口).{0,30}(?:下降|下滑|减少|降至|降到|跌至|萎缩|回落|缩水|暴跌)",
        r"(?:退居|降为|滑落至|滑落为|跌至|降至|跌为)中国.{0,10}第[二三四五六七八九十\d]+大",
        r"(?:奇瑞|吉利|长城|哈弗|长安|比亚迪|小米|海尔).{0,20}(?:销量|份额|出口).{0,20}(?:下降|下滑|减少|降至|降到|跌至|萎缩)",
        r"(?:экспорт|поставк|продаж|импорт)\w*\s+(?:\w+\s+){0,3}(?:из\s+китая|китайск\w+)\s+(?:\w+\s+){0,5}(?:снизил|сократил|упал|уменьшил|рухнул|обвалил)",
        r"китайск\w+\s+(?:\w+\s+){0,2}(?:экспорт|продаж|поставк)\w*\s+(?:\w+\s+){0,5}(?:снизил|сократил|упал|уменьшил|рухнул|обвалил)",
        r"중국(?:산)?.{0,20}(?:수출|판매량|판매|점유율).{0,30}(?:감소|하락|줄었|줄어|떨어)",
    ], ("russia_doc", "market_or_sector"), forbid_plan=False, confidence=0.6, skip_if_hedged_intl=True),
    # -- state ties
    _r("state_ties.links", "ind_state_ties", "positive", [
        r"\bprotocol\b", r"\bintergovernmental\s+commission\b", r"\btrade\s+(?:turnover|volume|between)\b", r"\bbilateral\s+trade\b",
        r"\b(?:road\s+|rail\s+)?bridge\b", r"\bflights?\b", r"\brail(?:way)?\s+(?:link|service|route)", r"\bpassenger\s+train",
        r"\bferry\b", r"\bfrozen\s+(?:\w+\s+){0,3}(?:assets|funds)\b", r"\boil\s+(?:supplies|deliveries|shipments)\b", r"\bpetroleum\b",
        r"\bbarrels\b", r"\bcoal\b", r"\bexports?\s+(?:of|to)\b(?!\s+(?:\w+\s+)?(?:workers|labou?r|labourers|people))", r"\bimports?\s+(?:of|from)\b", r"\btrade\b.{0,30}\b(?:rose|grew|increased|record|jumped)",
        r"\bratif", r"\bentered\s+into\s+force\b", r"\btreaty\b.{0,60}\b(?:ratif|in\s+force|signed)", r"\bdirect\s+(?:flights?|rail|train)",
        r"\btourist\s+(?:zone|resort|flights?)\b", r"\bairlines?\b",
        r"\bsigned\s+(?:a\s+|the\s+)?(?:\w+\s+){0,3}(?:treaty|partnership)\b", r"\beconomic\s+(?:cooperation|ties)\s+agreement\b",
        r"товарооборот", r"протокол", r"\bмост(?:а|у|ом|ы|ов)?\b", r"авиарейс", r"\bрейс(?:ы|ов|а)?\b", r"교역", r"다리", r"항공편", r"贸易额", r"大桥", r"航班",
    ], ("nk_pair", "russia_doc"), confidence=0.6),
    _r("state_ties.cut", "ind_state_ties", "negative", [
        r"\btrade\s+(?:\w+\s+){0,3}(?:fell|dropped|declined|shrank|collapsed)\b", r"\b(?:suspended|cancelled|halted)\s+(?:the\s+)?(?:flights|rail|ferry)",
    ], ("nk", "russia_doc"), forbid_plan=False, confidence=0.6),
)

WESTERN_FIRM = _rx(
    r"\bhyundai\b", r"\bkia\b", r"\bsamsung\b", r"\blg\b", r"\bapple\b", r"\bvolkswagen\b", r"\brenault\b", r"\btoyota\b",
    r"\bnissan\b", r"\bford\b", r"\bbmw\b", r"\bmercedes\b", r"\bgeneral\s+motors\b", r"\bstellantis\b", r"\bnokia\b",
    r"\bwestern\s+(?:firms|companies|brands|carmakers)\b", r"\bsouth\s+korean\s+(?:firms|companies|brands|carmakers|companies)\b",
    r"хендэ", r"хендай", r"самсунг", r"현대", r"삼성", r"기아", r"三星", r"现代",
    r"(?:западн|южнокорейск|европейск|японск|американск|иностранн)\w*\s+(?:\w+\s+){0,2}(?:компани|бренд|автопроизводител|производител|автоконцерн|марк)",
    r"(?:서방|서구|한국|유럽|일본|미국|외국|외국계)\s*(?:기업|업체|브랜드|완성차\s*업체|자동차\s*업체|자동차\s*회사|제조사)",
    r"(?:西方|韩国|欧美|欧洲|日本|美国|日韩|外国|外资)(?:和(?:西方|韩国|欧美|欧洲|日本|美国|日韩))?(?:车企|企业|公司|品牌|厂商|汽车制造商|汽车厂商)",
)

PLAN_RULES_EXEMPT = {"ind_directive"}


BILATERAL = _rx(r"\bthe\s+two\s+(?:countries|sides|governments|neighbou?rs)\b", r"\bboth\s+countries\b", r"\bbilateral\b", r"(?:двух|двум|двумя|обеих|обеими|обоих)\s+стран", r"양국", r"두\s*나라", r"两国", r"双方")
NUMBER = re.compile(r"\d|\b(?:hundreds?|thousands?|dozens?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty)\b|тысяч|сотн|천|만|千|万")
ECONOMIC = _rx(
    r"\beconomic\b", r"\bcommission\b", r"\btrade\b", r"\blabou?r\b", r"\bindustr", r"\bcooperation\b", r"\bdelegation\b",
    r"\binvestment\b", r"\bworkers\b", r"\bjoint\s+ventures?\b", r"\bbusiness\b", r"\bfirms?\b", r"\bcompan(?:y|ies)\b", r"\bterms\b",
    r"экономическ", r"торгов", r"сотрудничеств", r"комисси", r"경제", r"협력", r"무역", r"经济", r"合作", r"贸易",
)


@functools.lru_cache(maxsize=8192)
def sentence_contexts(sentence: str) -> dict[str, bool]:
    """Which contexts a sentence carries (keys as in :class:`Rule.needs`)."""
    return {
        "nk": bool(NK.search(sentence)),
        "workers": bool(WORKERS.search(sentence)),
        "chinese": bool(CHINESE_FIRMS.search(sentence)),
        "market": bool(MARKET.search(sentence)),
        "russia": bool(RUSSIA.search(sentence)),
        "manufacturing": bool(MANUFACTURING.search(sentence)),
        "western_firm": bool(WESTERN_FIRM.search(sentence)),
        "plan": bool(PLAN.search(sentence)),
        "negation": bool(NEGATION.search(sentence)),
        "background": bool(BACKGROUND.search(sentence)),
        "passing_tie": bool(PASSING_TIE.search(sentence)),
        "speculation": bool(SPECULATION.search(sentence)),
        "hedge": bool(HEDGE.search(sentence)),
        "hedge_intl": bool(HEDGE_INTL.search(sentence)),
        "economic": bool(ECONOMIC.search(sentence)),
        "number": bool(NUMBER.search(sentence)),
        "bilateral": bool(BILATERAL.search(sentence)),
    }


def _true_keys(ctx: dict[str, bool], sector: bool, doc_ctx: dict[str, bool]) -> frozenset[str]:
    """The context keys that hold for a sentence, including the document-level ones."""
    keys = {k for k, v in ctx.items() if v}
    if ctx["nk"] or (ctx["bilateral"] and doc_ctx["nk"] and doc_ctx["russia"]):
        keys.add("nk_pair")
    if sector:
        keys.add("sector")
    if ctx["nk"] or doc_ctx["nk"]:
        keys.add("nk_doc")
    if ctx["workers"] or doc_ctx["workers"]:
        keys.add("workers_doc")
    if ctx["russia"] or doc_ctx["russia"]:
        keys.add("russia_doc")
    if ctx["manufacturing"] or doc_ctx["manufacturing"]:
        keys.add("manufacturing_doc")
    if ctx["market"] or sector or ctx["manufacturing"]:
        keys.add("market_or_sector")
    return frozenset(keys)


def find_claims(
    doc: Document,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    sentence_attributions: dict[int, list[str]],
    case: Case,
) -> list[Claim]:
    """Claims found in the document's sentences, in text order.

    Args:
        doc: the document; offsets are into ``doc.text``.
        sentences: sentence spans from :func:`foothold.extract.sentences.split_sentences`.
        mentions: gazetteer mentions (unused by the rules today; kept for rules on actors).
        sentence_attributions: attributions per sentence index.
        case: the case; claims use only its indicator ids.

    Returns:
        One claim per (sentence, indicator, polarity); each carries its
        sentence text and offsets, the rule that fired, the sectors named in the
        sentence, the sentence's attribution (or the nearest earlier one in the
        document) and the event date resolved against the publication date.
    """
    known = set(case.indicator_ids)
    text = doc.text
    doc_id = doc.doc_id
    lowered = [text[s:e].lower() for s, e in sentences]
    contexts = [sentence_contexts(t) for t in lowered]
    doc_ctx = {
        "nk": any(c["nk"] for c in contexts),
        "workers": any(c["workers"] and c["nk"] for c in contexts),
        "russia": any(c["russia"] for c in contexts),
        "manufacturing": any(c["manufacturing"] and c["nk"] for c in contexts),
    }
    claims: list[Claim] = []
    last_attr: list[str] = []
    seen_sentences: set[tuple[str, str, str]] = set()  # a sentence repeated verbatim is one claim
    opinion_paragraph = False
    prev_end = 0
    for idx, ((start, end), low, ctx) in enumerate(zip(sentences, lowered, contexts, strict=True)):
        if "\n" in text[prev_end:start]:
            opinion_paragraph = False  # a new paragraph
        prev_end = end
        if OPINION_LABEL.match(low):
            opinion_paragraph = True
        if opinion_paragraph:
            continue
        attrs = sentence_attributions.get(idx) or []
        if attrs:
            last_attr = attrs
        sector_ids = sectors_in(low)
        if ctx["speculation"]:
            continue
        holds = _true_keys(ctx, bool(sector_ids), doc_ctx)
        fired: set[tuple[str, str]] = set()
        event_date: list[str | None] = []  # resolved once per sentence, on first use
        for rule in RULES:
            if rule.indicator not in known or not rule.needs <= holds:
                continue
            if rule.forbid_plan and ctx["plan"]:
                continue
            if rule.plan_needs_number and ctx["plan"] and (not ctx["number"] or ctx["hedge"]):
                continue
            if ctx["background"] and not rule.background_ok:
                continue
            if rule.indicator == "ind_state_ties" and ctx["passing_tie"]:
                continue
            if rule.skip_if_negated and ctx["negation"]:
                continue
            if rule.skip_if_hedged_intl and ctx["hedge_intl"] and not attrs:
                continue
            found = rule.cue.search(low)
            if not found:
                continue
            if rule.indicator == "ind_state_ties" and TREATY.search(found.group()) and _is_old_news(
                _event_date(event_date, text[start:end], doc), doc.published
            ):
                continue  # a treaty cited in passing is background (ANNOTATION §3)
            polarity = rule.polarity
            if rule.negatable and ctx["negation"]:
                polarity = "negative" if polarity == "positive" else "positive"
            key = (rule.indicator, polarity)
            if key in fired or (rule.indicator, polarity, low) in seen_sentences:
                continue
            fired.add(key)
            seen_sentences.add((rule.indicator, polarity, low))
            confidence = rule.confidence
            if ctx["plan"]:
                confidence *= 0.8
            claims.append(
                Claim(
                    doc_id=doc_id,
                    indicator=rule.indicator,
                    polarity=polarity,
                    text=text[start:end],
                    start=start,
                    end=end,
                    confidence=round(confidence, 3),
                    attributions=list(attrs or last_attr),
                    sectors=list(sector_ids),
                    event_date=_event_date(event_date, text[start:end], doc),
                    rule=rule.name,
                )
            )
    return _resolve_conflicts(claims)


TREATY = re.compile(r"treaty|partnership|ratif|договор|조약|条约")


def _is_old_news(event: str | None, published: str | None) -> bool:
    """True when the sentence's event is in an earlier year than publication, or undated."""
    if not published:
        return False
    if event is None:
        return True
    return event[:4] < published[:4]


def _event_date(memo: list[str | None], sentence: str, doc: Document) -> str | None:
    if not memo:
        memo.append(resolve_event_date(sentence, doc.published, doc.language or "en"))
    return memo[0]


GROWTH = _rx(
    r"\brose\b", r"\bgrew\b", r"\bincreas", r"\bsurge", r"\bjump", r"\brecord\b", r"\bmore\s+than\b", r"\bflood", r"\bflock",
    r"\bhighest\b", r"\bup\s+from\b", r"\bfold\b", r"\brelying\b", r"\bthousands\b", r"\bmore\s+and\s+more\b",
    r"вырос", r"увелич", r"рекорд", r"증가", r"늘어", r"최대", r"增加", r"增长", r"激增",
)


def _resolve_conflicts(claims: list[Claim]) -> list[Claim]:
    """Drop claims that the annotation rules say another claim in the document supersedes.

    * A planned dispatch is agreement + placement, not inflow: an inflow claim
      from the same sentence as an agreement claim is dropped.
    * A figure used only as the starting point of a reported decline is not
      positive inflow: positive inflow in a sentence that also yields negative
      inflow is dropped.
    """
    by_sentence: dict[int, set[tuple[str, str]]] = {}
    for c in claims:
        by_sentence.setdefault(c.start, set()).add((c.indicator, c.polarity))
    decline_story = any(c.rule == "inflow.decline" for c in claims)
    out = []
    for c in claims:
        keys = by_sentence[c.start]
        if decline_story and (c.indicator, c.polarity) == ("ind_inflow", "positive") and not GROWTH.search(c.text.lower()):
            continue
        if c.indicator == "ind_inflow" and ("ind_agreement", "positive") in keys:
            continue
        if c.polarity == "positive" and c.indicator in ("ind_inflow", "ind_friction", "ind_market_shift") and (c.indicator, "negative") in keys:
            continue
        out.append(c)
    return out


def document_sectors(text: str, sentences: list[tuple[int, int]]) -> list[str]:
    """Sectors a document reports North Korean work in, or the market it discusses (ANNOTATION §4).

    A sentence counts when it speaks of North Korean workers (planned, announced
    or forecast work included) or of a market with Chinese, South Korean or
    Western firms; background sentences do not count.
    """
    found: list[str] = []
    for start, end in sentences:
        low = text[start:end].lower()
        ctx = sentence_contexts(low)
        if ctx["background"]:
            continue
        nk_work = ctx["nk"] and ctx["workers"]
        market = (ctx["chinese"] or ctx["western_firm"]) and (
            ctx["market"] or ctx["manufacturing"] or ctx["russia"] or bool(sectors_in(low))
        )
        if not (nk_work or market):
            continue
        for sid in sectors_in(low):
            if sid not in found:
                found.append(sid)
    return found
