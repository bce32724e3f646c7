"""Kinds of report the extractor must read: one sentence each, written for these tests.

Each line is a kind of evidence named in ANNOTATION.md §3 (bridges, flights,
vetoes, falling shares, dispatches, pay, partners seeking workers...), in
English, Russian, Korean and Chinese.  The expected indicators must be found;
extra ones are allowed here (precision is measured by the eval gate).
"""

from __future__ import annotations

import pytest

from foothold.extract import Extractor
from foothold.model import Document

KINDS = [
 ("Mishustin and North Korean premier Pak Thae Song started work on the first road bridge between the two countries by video link.", {"ind_state_ties+"}),
 ("Nordwind Airlines operated the first direct flight from Moscow to Pyongyang on 27 July with more than 400 passengers on board.", {"ind_state_ties+"}),
 ("Russia vetoed a draft resolution that would have extended the mandate of the UN panel of experts monitoring sanctions on North Korea.", {"ind_enforcement-"}),
 ("The UN panel monitoring North Korea sanctions lost its mandate: it expired on 30 April after the Russian veto.", {"ind_enforcement-"}),
 ("The Multilateral Sanctions Monitoring Team said in its first report that North Korea sought visas for 8,000 workers in Russia in 2024.", {"ind_enforcement+","ind_inflow+"}),
 ("Chinese brands' share of new car sales in Russia fell from 58.5% to 51.7% last year, Autostat said.", {"ind_market_shift-"}),
 ("Haval was the second best-selling brand in Russia with 173,300 cars, ahead of Chery.", {"ind_market_shift+"}),
 ("Duma deputy Leonid Kalashnikov urged bringing in more North Korean workers after the treaty.", {"ind_partner_reluctance-"}),
 ("Employers valued the North Koreans for working 12-hour days for low pay.", {"ind_partner_reluctance-","ind_terms+"}),
 ("Workers were promised about US$2.50 an hour for shifts of at least 12 hours, the intelligence agency said of North Korean recruits for Alabuga.", {"ind_terms+"}),
 ("Only about 300 North Koreans entered Russia in the first quarter of 2025, down from nearly 5,500 in the last quarter of 2024.", {"ind_inflow-"}),
 ("According to Rosstat, 13,221 North Koreans entered Russia in 2024, up from 1,117 a year earlier.", {"ind_inflow+"}),
 ("The NIS said the North sent thousands of labourers to construction sites across Russia last year.", {"ind_inflow+","ind_placement_nonmfg+"}),
 ("Putin and Kim Jong Un signed the Comprehensive Strategic Partnership Treaty in Pyongyang on 19 June 2024.", {"ind_state_ties+"}),
 ("Russia allowed the release of US$9 million of frozen North Korean assets held in a Russian bank.", {"ind_state_ties+"}),
 ("Russian exporters shipped 132,000 tonnes of coal to the North Korean port of Rajin in April and May.", {"ind_state_ties+"}),
 ("Samsung's share of the Russian TV market fell to 5.1% as Haier took the lead.", {"ind_market_shift+"}),
 ("Hyundai did not exercise its option to buy back the St Petersburg plant before the deadline expired.", {"ind_market_shift+"}),
 ("Regional builders in Primorye said they wanted foreign labour and named North Korea among possible sources.", {"ind_partner_reluctance-"}),
 ("Russia intends to bring about 12,000 North Korean workers to enterprises in the Alabuga zone by the end of the year, Ukraine's military intelligence said.", {"ind_placement_other_mfg+"}),
 ("Terms were discussed in late October at the Russian Foreign Ministry with the North Korean firm Jihyang Technology Trade Company.", {"ind_negotiation+"}),
 ("About 5,000 North Korean construction troops have been moving to Russia in phases since September, the NIS told lawmakers.", {"ind_inflow+","ind_placement_nonmfg+"}),
 ("Trade between Russia and North Korea rose ninefold in 2023 to US$34.4 million, Kremlin aide Yury Ushakov said.", {"ind_state_ties+"}),
 ("The US Treasury designated Chinyong IT Cooperation Company for employing North Korean IT workers in Russia and Laos.", {"ind_enforcement+","ind_placement_nonmfg+"}),
 ("Chinese smartphone brands accounted for more than 70% of sales in Russia in the first quarter, retailer M.Video-Eldorado said.", {"ind_market_shift+"}),
 ("Russia's Federation Council ratified the partnership treaty with North Korea on 6 November.", {"ind_state_ties+"}),
 ("В 2024 году в Россию въехали 13 221 гражданин КНДР, сообщает Росстат.", {"ind_inflow+"}),
 ("Северокорейские рабочие трудятся на стройках Дальнего Востока, сообщил источник.", {"ind_placement_nonmfg+"}),
 ("지난해 러시아에 입국한 북한 주민은 1만3221명으로 집계됐다고 자유아시아방송이 보도했다.", {"ind_inflow+"}),
 ("북한은 러시아 건설 현장에 노동자 수천 명을 파견했다고 국가정보원이 밝혔다.", {"ind_inflow+","ind_placement_nonmfg+"}),
 ("据俄罗斯联邦统计局数据，2024年共有13221名朝鲜公民入境俄罗斯。", {"ind_inflow+"}),
 ("中国品牌在俄罗斯汽车市场的份额从58.5%下降至51.7%。", {"ind_market_shift-"}),
 ("朝鲜向俄罗斯派遣了数千名建筑工人。", {"ind_placement_nonmfg+"}),
 ("Россия и КНДР начали строительство автомобильного моста через реку Туманная.", {"ind_state_ties+"}),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize("body,expected", KINDS, ids=[k[0][:50] for k in KINDS])
def test_kind_is_read(extractor: Extractor, body: str, expected: set[str]) -> None:
    # undated: each sentence is the news itself (a dated report of an old event would be background)
    doc = Document(path="k.txt", text="Report\n\n" + body, title="Report", title_end=6, published=None)
    ev = extractor.extract(doc)
    got = {f"{i}{'+' if p == 'positive' else '-'}" for i, p in ev.indicators}
    assert expected <= got, f"missing {expected - got}, got {got}"


POLARITY = [
    # (body, must contain, must not contain)
    (
        "Russian officials refused to renew permits for North Korean workers at a Chinese-run car plant near Kaluga.",
        {"ind_partner_reluctance+", "ind_placement_target-"},
        {"ind_placement_target+"},
    ),
    (
        "The carmaker said it had no plans to hire workers from North Korea at its Russian factory.",
        {"ind_partner_reluctance+"},
        {"ind_agreement+", "ind_partner_reluctance-"},
    ),
    (
        "A Chinese-owned plant in Russia has taken on 150 North Korean technicians to assemble televisions.",
        {"ind_placement_target+", "ind_china_link+"},
        {"ind_placement_target-"},
    ),
    (
        "A company that makes washing machines in Russia denied that North Korean workers were on its lines.",
        {"ind_placement_target-"},
        {"ind_placement_target+"},
    ),
]


def test_treaty_cited_in_passing_is_background(extractor: Extractor) -> None:
    body = (
        "A Duma deputy called for more North Korean builders, citing the partnership treaty signed with "
        "Pyongyang last year."
    )
    doc = Document(path="t.txt", text="Report\n\n" + body, title="Report", title_end=6, published="2025-06-27")
    got = set(extractor.extract(doc).indicators)
    assert ("ind_state_ties", "positive") not in got
    fresh = Document(
        path="f.txt",
        text="Report\n\nRussia and North Korea signed a partnership treaty in Pyongyang on 19 June.",
        title="Report", title_end=6, published="2024-06-20",
    )
    assert ("ind_state_ties", "positive") in set(extractor.extract(fresh).indicators)


@pytest.mark.parametrize("body,present,absent", POLARITY, ids=[p[0][:50] for p in POLARITY])
def test_negation_turns_polarity(extractor: Extractor, body: str, present: set[str], absent: set[str]) -> None:
    doc = Document(path="p.txt", text="Report\n\n" + body, title="Report", title_end=6, published="2026-04-10")
    ev = extractor.extract(doc)
    got = {f"{i}{'+' if p == 'positive' else '-'}" for i, p in ev.indicators}
    assert present <= got, f"missing {present - got}, got {got}"
    assert not (absent & got), f"reversed {absent & got}"


# kinds found by a third set written without sight of the extractor (tests/corpus3)
CORPUS3_KINDS = [
    # (body, must contain, must not contain)
    (
        "Factory owners in Primorye value the North Korean labourers for their long shifts and low pay.",
        {"ind_partner_reluctance-"},
        set(),
    ),
    (
        "Третье место на авторынке России заняла китайская марка Chery с 99 тысячами проданных машин.",
        {"ind_market_shift+"},
        set(),
    ),
    (
        "Kremlin aide Yury Ushakov said after the talks that Pyongyang would send 2,000 more builders to the Kursk region.",
        {"ind_agreement+"},
        set(),
    ),
    (
        "Moscow intends to bring about fifteen thousand workers from North Korea to its Far East plants, a deputy minister said.",
        {"ind_partner_reluctance-"},
        set(),
    ),
    (
        "The UN panel of experts monitored compliance with the North Korea sanctions for fifteen years before Russia's veto.",
        set(),
        {"ind_friction+"},
    ),
    (
        "North Korean labourers on the sites are constantly monitored by minders from their own embassy.",
        {"ind_friction+"},
        set(),
    ),
    (
        "Reports that North Korean workers already assemble phones in Russian plants deserve a sceptical reading.",
        set(),
        {"ind_placement_target+", "ind_inflow+"},
    ),
]


@pytest.mark.parametrize("body,present,absent", CORPUS3_KINDS, ids=[k[0][:50] for k in CORPUS3_KINDS])
def test_corpus3_kinds(extractor: Extractor, body: str, present: set[str], absent: set[str]) -> None:
    doc = Document(path="k.txt", text="Report\n\n" + body, title="Report", title_end=6, published=None)
    got = {f"{i}{'+' if p == 'positive' else '-'}" for i, p in extractor.extract(doc).indicators}
    assert present <= got, f"missing {present - got}, got {got}"
    assert not (absent & got), f"unexpected {absent & got}"
