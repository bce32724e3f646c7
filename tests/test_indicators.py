"""Indicator rules on sentences written for these tests (ANNOTATION.md §3 kinds)."""

from __future__ import annotations

import pytest

from foothold.case import default_case
from foothold.extract import Extractor
from foothold.extract.indicators import document_sectors, sectors_in
from foothold.extract.sentences import split_sentences
from foothold.model import Document


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(default_case())


def _indicators(extractor: Extractor, body: str, title: str = "Report", published: str = "2025-05-10") -> set[tuple[str, str]]:
    doc = Document(path="t.txt", text=f"{title}\n\n{body}", title=title, title_end=len(title), published=published, language="en")
    ev = extractor.extract(doc)
    return set(ev.indicators)


CASES = [
    # (body, expected present, expected absent)
    (
        "Border statistics show that 4,100 North Koreans entered Russia in the first half of the year, twice as many as a year before.",
        {("ind_inflow", "positive")},
        {("ind_agreement", "positive")},
    ),
    (
        "Moscow says almost all North Korean labourers have been repatriated and the number of workers fell to a few hundred.",
        {("ind_inflow", "negative")},
        {("ind_inflow", "positive")},
    ),
    (
        "The governor of Primorye said the region plans to hire 3,000 North Korean construction workers next year.",
        {("ind_agreement", "positive"), ("ind_placement_nonmfg", "positive"), ("ind_partner_reluctance", "negative")},
        {("ind_inflow", "positive")},
    ),
    (
        "The US Treasury designated two Russian companies that employed North Korean programmers in Vladivostok.",
        {("ind_enforcement", "positive")},
        set(),
    ),
    (
        "A North Korean trade delegation held talks with the Russian economy ministry on industrial cooperation in Moscow.",
        {("ind_negotiation", "positive")},
        set(),
    ),
    (
        "Chinese carmakers took 61% of new car sales in Russia last year, led by Haval and Chery.",
        {("ind_market_shift", "positive")},
        set(),
    ),
    (
        "Kia sold its plant near Kaluga to a Russian investor as South Korean firms left the Russian market.",
        {("ind_market_shift", "positive")},
        set(),
    ),
    (
        "Workers who escaped from a North Korean crew in Russia said they were confined to dormitories and watched by minders.",
        {("ind_friction", "positive")},
        set(),
    ),
    (
        "North Korean builders in Russia are paid about US$600 a month, most of which goes to the state.",
        {("ind_terms", "positive")},
        set(),
    ),
    (
        "Russian authorities revoked the work permits of 300 North Korean workers in Amur Oblast.",
        {("ind_partner_reluctance", "positive")},
        set(),
    ),
    (
        "Dozens of North Korean workers were seen on the assembly line of a car plant in Kaliningrad, according to local residents.",
        {("ind_placement_target", "positive")},
        set(),
    ),
    (
        "A new road bridge over the Tumen River between Russia and North Korea is due to open next year, the two governments said.",
        {("ind_state_ties", "positive")},
        set(),
    ),
    (
        "The party's economic planners instructed officials to win manufacturing contracts for North Korean workers at Russian factories.",
        {("ind_directive", "positive")},
        set(),
    ),
]


@pytest.mark.parametrize("body,present,absent", CASES, ids=[c[0][:40] for c in CASES])
def test_indicator_kinds(extractor: Extractor, body: str, present: set, absent: set) -> None:
    found = _indicators(extractor, body)
    assert present <= found, f"missing {present - found} in {found}"
    assert not (absent & found), f"unexpected {absent & found}"


def test_directive_contents_are_not_facts(extractor: Extractor) -> None:
    body = (
        "The ministry was told that negotiators must secure training for workers and cheap wage terms. "
        "Such a plan could put North Korean technical staff inside Chinese joint ventures in Russia."
    )
    found = _indicators(extractor, body)
    for kind in ("ind_skills", "ind_terms", "ind_china_link", "ind_negotiation"):
        assert (kind, "positive") not in found


def test_background_and_speculation_are_not_evidence(extractor: Extractor) -> None:
    body = (
        "UN Security Council resolution 2397 required all North Korean workers abroad to return home by the end of 2019. "
        "Our take: Russia will keep hiring North Korean builders whatever the sanctions say."
    )
    found = _indicators(extractor, body)
    assert found == set()


def test_irrelevant_story_has_no_claims(extractor: Extractor) -> None:
    doc = Document(
        path="x.txt",
        text="Harvest up\n\nFarmers in the Kuban region brought in a record wheat harvest this autumn, officials said.",
        title="Harvest up",
        title_end=10,
        language="en",
    )
    ev = extractor.extract(doc)
    assert ev.relevant is False
    assert ev.claims == []


def test_claim_offsets_point_at_their_sentence(extractor: Extractor) -> None:
    body = "Officials said 2,200 North Koreans entered Russia in March. Nothing else happened."
    doc = Document(path="o.txt", text="T\n\n" + body, title="T", title_end=1, published="2025-04-02", language="en")
    ev = extractor.extract(doc)
    assert ev.claims
    again = extractor.extract(Document(path="other-name.txt", text=doc.text, title="T", title_end=1, published="2025-04-02", language="en"))
    assert [c.claim_id for c in again.claims] == [c.claim_id for c in ev.claims]  # deterministic, name-free
    for claim in ev.claims:
        assert doc.text[claim.start : claim.end] == claim.text
        assert claim.claim_id.startswith("c")


def test_russian_and_korean_inflow(extractor: Extractor) -> None:
    ru = _indicators(extractor, "По данным пограничной службы, в Россию въехали 5 тысяч граждан КНДР.")
    assert ("ind_inflow", "positive") in ru
    ko = _indicators(extractor, "올해 상반기 러시아에 입국한 북한 노동자는 3천 명에 달했다.")
    assert ("ind_inflow", "positive") in ko


def test_sector_words() -> None:
    assert sectors_in("north korean workers at a smartphone plant") == ["communications_devices"]
    assert "automotive" in sectors_in("chinese carmakers expanded")
    assert "defence_manufacturing" in sectors_in("a drone factory")
    text = "T\n\nNorth Korean deminers and builders will go to Kursk."
    assert set(document_sectors(text, split_sentences(text))) == {"construction", "other"}


# --------------------------------------------------------------------------
# Chinese, Russian and Korean market and partner evidence (sentences written for these tests)


def _indicators_in(extractor: Extractor, body: str, language: str) -> set[tuple[str, str]]:
    doc = Document(path="t.txt", text=f"Report\n\n{body}", title="Report", title_end=6, published="2025-05-10", language=language)
    return set(extractor.extract(doc).indicators)


CJK_CASES = [
    # (body, language, expected present, expected absent)
    ("据行业协会统计，今年上半年比亚迪和哈弗在俄罗斯新车销量中合计占比超过三成。", "zh",
     {("ind_market_shift", "positive")}, {("ind_market_shift", "negative")}),
    ("今年前五个月，中国对俄罗斯的手机出口同比减少了三成。", "zh", {("ind_market_shift", "negative")}, set()),
    ("多家日本和欧洲车企停止在俄生产，中国车企随即填补了空白。", "zh", {("ind_market_shift", "positive")}, set()),
    ("Продажи китайских автомобилей в России в марте сократились на 15%.", "ru", {("ind_market_shift", "negative")}, set()),
    ("В прошлом году Джили и Чанган нарастили долю на российском рынке.", "ru", {("ind_market_shift", "positive")}, set()),
    ("올해 1분기 중국산 자동차의 러시아 수출이 30% 감소했다.", "ko", {("ind_market_shift", "negative")}, set()),
    ("Губернатор края заявил, что регион мог бы принять ещё три тысячи строителей из КНДР.", "ru",
     {("ind_partner_reluctance", "negative")}, {("ind_partner_reluctance", "positive")}),
    ("俄方官员称，远东地区可以吸纳数千名朝鲜建筑工人。", "zh", {("ind_partner_reluctance", "negative")}, set()),
    ("러시아 극동 당국은 북한 건설 노동자를 더 고용할 수 있다고 밝혔다.", "ko", {("ind_partner_reluctance", "negative")}, set()),
    ("КНДР и Россия расширяют сотрудничество. Прямые рейсы между обеими странами теперь выполняются трижды в неделю.", "ru",
     {("ind_state_ties", "positive")}, set()),
    # negative examples: no Russia; the writer's speculation; a trade fall outside the target markets
    ("今年上半年，奇瑞在墨西哥的汽车销量份额升至百分之十。", "zh", set(), {("ind_market_shift", "positive")}),
    ("奇瑞明年可能在俄罗斯市场进一步扩大份额。", "zh", set(), {("ind_market_shift", "positive")}),
    ("Чери может увеличить долю российского рынка в следующем году.", "ru", set(), {("ind_market_shift", "positive")}),
    ("去年中国自俄罗斯的煤炭进口同比下降一成。", "zh", set(), {("ind_market_shift", "negative")}),
]


@pytest.mark.parametrize("body,language,present,absent", CJK_CASES, ids=[c[0][:30] for c in CJK_CASES])
def test_cjk_and_russian_market_kinds(extractor: Extractor, body: str, language: str, present: set, absent: set) -> None:
    found = _indicators_in(extractor, body, language)
    assert present <= found, f"missing {present - found} in {found}"
    assert not (absent & found), f"unexpected {absent & found}"


def test_chinese_brand_names_give_a_market_sector(extractor: Extractor) -> None:
    doc = Document(path="t.txt", text="Report\n\n长安和吉利去年在俄罗斯新车市场的份额均有上升。", title="Report", title_end=6, published="2025-05-10", language="zh")
    ev = extractor.extract(doc)
    assert ev.relevant and ev.sectors == ["automotive"]


def test_russian_car_market_words_name_the_automotive_sector():
    from foothold.extract.indicators import sectors_in

    assert "automotive" in sectors_in("доля китайских марок на авторынке снизилась")
    assert "automotive" in sectors_in("haval продал 170 тысяч легковых машин")
    assert "automotive" not in sectors_in("машиностроительный завод получил заказ")
