"""Quantities (ANNOTATION.md section 5): value, unit, offsets, ranges, exclusions, dedup.

The sentences are written for these tests; none is copied from the dev corpus.
"""

from __future__ import annotations

import pytest

from foothold.extract.quantities import UNITS, find_quantities


def pairs(text: str, language: str = "en") -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(text, language)]


# --- English: counts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A shipyard near Nakhodka hired 1,250 welders from North Korea.", [(1250, "person")]),
        (
            "Pyongyang sent 3,000 military engineers and 450 medics.",
            [(3000, "person"), (450, "person")],
        ),
        ("The region asked for 700 North Korean construction workers.", [(700, "person")]),
        ("Some 12,500 troops crossed the river.", [(12500, "person")]),
        ("The 2,000 labourers live in dormitories.", [(2000, "person")]),
        ("A further 900 students arrived in Kazan.", [(900, "person")]),
        ("Only eight workers returned home.", [(8, "person")]),
        ("Nearly seven thousand people were evacuated.", [(7000, "person")]),
        ("The agency counted twenty-five defectors.", [(25, "person")]),
        ("A dozen technicians stayed behind.", [(12, "person")]),
        ("Officials logged 4 120 arrivals at the border post.", [(4120, "person")]),
        ("The census listed 310 citizens of the DPRK in the oblast.", [(310, "person")]),
        ("Moscow may take in 2.5 thousand more of its neighbours' people.", [(2500, "person")]),
        ("Border guards registered 812 study entries during the spring.", [(812, "person")]),
        ("Officials said 600 journalists covered the summit.", [(600, "person")]),
        ("The brigade is a 10,000-strong unit.", [(10000, "person")]),
    ],
)
def test_english_person_counts(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dealer sold 340 cars in March.", [(340, "vehicle")]),
        ("Kia shipped 15,000 vehicles to Kazakhstan.", [(15000, "vehicle")]),
        ("Retailers imported 1.2 million smartphones.", [(1200000, "device")]),
        ("The warehouse held 800 handsets.", [(800, "device")]),
        ("Russia issued 9,400 work permits to foreigners.", [(9400, "unit")]),
        ("Customs inspected 56 containers at the port.", [(56, "unit")]),
        ("The plan names 14 Chinese firms and 3 factories.", [(14, "unit"), (3, "unit")]),
        ("The new road runs 42 km along the coast.", [(42, "km")]),
        ("The bridge will be 1,000 metres long.", [(1000, "m")]),
        ("A 300m pier was built.", [(300, "m")]),
    ],
)
def test_english_other_counts(text, expected):
    assert pairs(text) == expected


# --- English: money and percentages -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The contract is worth US$12 million.", [(12_000_000, "usd")]),
        ("Investors put in $3.4bn last year.", [(3_400_000_000, "usd")]),
        ("Welders earn about US$650 a month.", [(650, "usd_per_month")]),
        ("Drivers are paid $4.75 an hour.", [(4.75, "usd_per_hour")]),
        ("Guards get $900 per month.", [(900, "usd_per_month")]),
        ("Their monthly salary of about $540 is paid late.", [(540, "usd_per_month")]),
        ("The plant was sold for 12,500 roubles.", [(12500, "rub")]),
        ("Rent is 45,000 rubles per month.", [(45000, "rub_per_month")]),
        ("The group booked a loss of 95 billion won.", [(95_000_000_000, "krw")]),
        ("The fund holds ₩3 trillion.", [(3_000_000_000_000, "krw")]),
        ("The fee was ₽1,500.", [(1500, "rub")]),
        (
            "Workers keep US$150 to US$300 a month.",
            [(150, "usd_per_month"), (300, "usd_per_month")],
        ),
        (
            "They earn between $400 and $600 per month.",
            [(400, "usd_per_month"), (600, "usd_per_month")],
        ),
        ("Imports fell 18% in April.", [(18, "percent")]),
        ("Its share rose to 31 percent from 22 per cent.", [(31, "percent"), (22, "percent")]),
        ("Prices jumped 35–40% after the ban.", [(35, "percent"), (40, "percent")]),
        ("Turnover grew by 2.5 percentage points.", [(2.5, "percent")]),
    ],
)
def test_english_money_and_percent(text, expected):
    assert pairs(text) == expected


def test_range_gives_both_bounds_with_the_unit_of_the_second():
    assert pairs("Officials expect 3,500 to 4,000 builders.") == [
        (3500, "person"),
        (4000, "person"),
    ]
    assert pairs("Between 2 and 3 million people voted.") == [
        (2_000_000, "person"),
        (3_000_000, "person"),
    ]


def test_bare_number_takes_the_unit_of_its_sentence():
    text = "Russia counted 9,800 North Korean workers in 2016 and 7,300 a year later."
    assert pairs(text) == [(9800, "person"), (7300, "person")]
    text = "The firm sold 80,000 trucks before the war but only about 9,000 in 2023."
    assert pairs(text) == [(80000, "vehicle"), (9000, "vehicle")]
    text = "As many as 6,000 workers are in Tomsk, about 2,500 of them on building sites."
    assert pairs(text) == [(6000, "person"), (2500, "person")]


def test_number_of_people_sentence_gives_person():
    text = "The number of North Korean workers who escape has fallen, from about 30 a year."
    assert pairs(text) == [(30, "person")]


def test_bare_number_without_context_is_dropped():
    assert pairs("The score was 3 and the attendance 40 on the day.") == []


# --- English: what is not a quantity ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The agreement was signed in 2018 and renewed in 2023.",
        "Talks took place on 9 March and again on April 2, 2024.",
        "The crews start at 7 a.m. and finish at 11 p.m.",
        "They work 14-hour shifts with three days off a year.",
        "A twenty-year lease and a 5-year plan were agreed.",
        "The 9th plenum met for the third time.",
        "Security Council resolution 2321 and Article 7 apply.",
        "Drones of the Geran-2 type and the Kh-101 missile.",
        "The COVID-19 border closure lasted 30 months.",
        "Exports rose fourfold, nine times more than in 2019.",
        "The field produces 80,000 barrels a day and 3 million tonnes a year.",
        "One official said both sides agreed.",
        "The two countries signed a treaty.",
        "Revenue in Q3 and H1 improved.",
        "Pay rose in the 2020-2022 period.",
        "The contract costs €4 million and ¥300 million.",
        "The film is rated 18+ and runs 2 hours.",
        "Band Orbit Nine played in Seoul.",
        "He was aged 45 when he left.",
    ],
)
def test_not_quantities(text):
    assert pairs(text) == []


def test_one_in_five_is_a_ratio_not_a_count():
    assert pairs("About one in five migrants was detained.") == []


# --- Russian ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("На стройки Хабаровска прибыли 1450 граждан КНДР.", [(1450, "person")]),
        ("В регион въехали 640 северокорейцев.", [(640, "person")]),
        ("Всего на объекте работают 2 300 человек.", [(2300, "person")]),
        ("Около 3 тысяч рабочих прибудут весной.", [(3000, "person")]),
        ("Город ждёт 12 тыс. строителей.", [(12000, "person")]),
        ("Шесть тысяч человек отправят на восстановление.", [(6000, "person")]),
        ("Компания выручила 2,5 млн рублей.", [(2_500_000, "rub")]),
        ("Зарплата составит 900 долларов в месяц.", [(900, "usd_per_month")]),
        (
            "Зарплата — от 60 до 80 тыс. рублей в месяц.",
            [(60000, "rub_per_month"), (80000, "rub_per_month")],
        ),
        ("Продажи упали на 17%.", [(17, "percent")]),
        ("Доля выросла до 33 процентов.", [(33, "percent")]),
        ("Дилер продал 410 автомобилей и 1 200 смартфонов.", [(410, "vehicle"), (1200, "device")]),
        ("Выдано 5000 разрешений на работу.", [(5000, "unit")]),
        ("Дорога длиной 35 км и мост в 400 метров.", [(35, "km"), (400, "m")]),
        (
            "В первом квартале прибыли 950 человек, во втором — уже 1330.",
            [(950, "person"), (1330, "person")],
        ),
    ],
)
def test_russian(text, expected):
    assert pairs(text, "ru") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Резолюция 2375 принята 11 сентября 2017 года.",
        "Смены длятся 12 часов, выходной — раз в месяц.",
        "За последние четыре года ситуация изменилась.",
        "Заседание 7-й сессии прошло в Москве.",
        "Паромное сообщение между двумя странами открылось летом.",
    ],
)
def test_russian_not_quantities(text):
    assert pairs(text, "ru") == []


def test_russian_decimal_comma():
    assert pairs("Инвестиции составят 1,8 млрд рублей.", "ru") == [(1_800_000_000, "rub")]


# --- Korean -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("북한 노동자 3천 명이 연해주에 도착했다.", [(3000, "person")]),
        ("2만5천 명의 근로자가 파견될 예정이다.", [(25000, "person")]),
        ("올해 1,940명이 입국했다.", [(1940, "person")]),
        ("근로자들은 월 700달러를 받는다.", [(700, "usd_per_month")]),
        ("시간당 3.5달러를 받는다.", [(3.5, "usd_per_hour")]),
        ("회사는 1조 2천억 원의 손실을 봤다.", [(1_200_000_000_000, "krw")]),
        ("판매량이 22% 감소했다.", [(22, "percent")]),
        ("자동차 15대와 스마트폰 300만 대가 팔렸다.", [(15, "vehicle"), (3_000_000, "device")]),
        ("탈북 노동자 다섯 명이 증언했다.", [(5, "person")]),
        (
            "노동자들은 한 달에 150~250달러를 받는다.",
            [(150, "usd_per_month"), (250, "usd_per_month")],
        ),
    ],
)
def test_korean(text, expected):
    assert pairs(text, "ko") == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024년 8월 15일 협정이 체결됐다.",
        "제9차 회의가 열렸다.",
        "하루 12시간씩 일한다.",
        "두 나라는 협력을 강화했다.",
    ],
)
def test_korean_not_quantities(text):
    assert pairs(text, "ko") == []


# --- Chinese ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("该品牌在俄罗斯售出85万部手机。", [(850_000, "device")]),
        ("共有3120名朝鲜公民入境。", [(3120, "person")]),
        ("约2.5万人在建筑工地工作。", [(25000, "person")]),
        ("工人每月收入900美元。", [(900, "usd_per_month")]),
        ("时薪为2.8美元。", [(2.8, "usd_per_hour")]),
        ("份额上升了百分之三十五。", [(35, "percent")]),
        ("销量下降了26%。", [(26, "percent")]),
        ("工厂以5000卢布出售，亏损1200亿韩元。", [(5000, "rub"), (120_000_000_000, "krw")]),
        ("当地雇佣了六千名朝鲜工人。", [(6000, "person")]),
        ("去年仅售出12辆汽车。", [(12, "vehicle")]),
    ],
)
def test_chinese(text, expected):
    assert pairs(text, "zh") == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024年8月签署了协议。",
        "第11届会议举行，为期3个月。",
        "三星电子和一带一路。",
        "两国签署了十年协议。",
    ],
)
def test_chinese_not_quantities(text):
    assert pairs(text, "zh") == []


# --- Offsets, flags, dedup ----------------------------------------------------------------


def test_offsets_point_at_the_mention():
    text = "Headline\n\nThe yard hired about 1,250 welders."
    (q,) = find_quantities(text)
    assert text[q.start : q.end].startswith("1,250")
    assert q.approximate is True
    assert "welders" in q.measure


def test_approximate_flag_is_false_for_exact_numbers():
    (q,) = find_quantities("The yard hired 1,250 welders.")
    assert q.approximate is False


def test_results_are_in_text_order_and_units_are_contract_units():
    text = "Sales fell 9% as 400 cars and US$2 million in parts went unsold; 30 workers quit."
    qs = find_quantities(text)
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    assert all(q.unit in UNITS for q in qs)
    assert [(q.value, q.unit) for q in qs] == [
        (9, "percent"),
        (400, "vehicle"),
        (2_000_000, "usd"),
        (30, "person"),
    ]


def test_headline_value_repeated_in_body_is_listed_once():
    text = "Kim to send 4,000 builders to Belgorod\n\nNorth Korea will send 4,000 construction workers to Belgorod."
    assert pairs(text) == [(4000, "person")]


def test_body_value_with_two_meanings_is_listed_twice():
    text = (
        "Phone market shifts\n\nBrand A held 31% of sales, up from 17% a year before. "
        "Brand B slipped to 20% from 31%."
    )
    assert pairs(text) == [(31, "percent"), (17, "percent"), (20, "percent"), (31, "percent")]


def test_anaphoric_repeat_in_body_is_listed_once():
    text = "Deployment\n\nPyongyang will send 2,200 sappers. The 2,200 sappers will clear fields."
    assert pairs(text) == [(2200, "person")]


def test_empty_text():
    assert find_quantities("") == []


def test_repeated_dense_paragraphs_give_stable_results():
    """Speed is measured by benchmarks, not here; this checks repeated calls agree."""
    paragraph = (
        "Russia counted 9,800 North Korean workers in 2016 and 7,300 a year later, officials said on "
        "17 June. Wages were about US$650 a month and sales fell 18% as 400 cars went unsold. "
    )
    text = "Headline\n\n" + paragraph * 8
    first = [(q.value, q.unit, q.start) for q in find_quantities(text)]
    assert first, "the paragraph carries quantities"
    for _ in range(3):
        assert [(q.value, q.unit, q.start) for q in find_quantities(text)] == first


# --- Lists, compound numbers, abbreviations ----------------------------------------------------


def test_breakdown_list_continues_the_previous_sentence():
    text = (
        "Title\n\nAbout 410 North Koreans crossed the border in the first quarter. "
        "By purpose: business 212, private 64, study 9."
    )
    assert pairs(text) == [(410, "person"), (212, "person"), (64, "person"), (9, "person")]


def test_list_without_a_counted_sentence_before_is_not_taken():
    assert pairs("Title\n\nThe plan was approved. Options: alpha 12, beta 7.") == []


def test_number_as_subject_of_a_verb_takes_the_sentence_unit():
    text = "Some 520 North Koreans came in spring, and 140 arrived by bus."
    assert pairs(text) == [(520, "person"), (140, "person")]


def test_people_nouns_before_a_bare_number():
    assert pairs("Student entries were 41 in January and 380 in March.") == [
        (41, "person"),
        (380, "person"),
    ]


def test_range_whose_other_end_is_not_a_quantity():
    assert pairs("The port handles 4–5 million tonnes and a 200 m quay.") == [(200, "m")]


def test_abbreviated_scales():
    assert pairs("The market shrank to 19.8 m units worth 540bn RUB.") == [
        (19_800_000, "unit"),
        (540_000_000_000, "rub"),
    ]
    assert pairs("The plant employs ~12.5k staff and built 95k cars.") == [
        (12500, "person"),
        (95000, "vehicle"),
    ]
    assert pairs("Capacity is 60–90k devices a year.") == [(60000, "device"), (90000, "device")]


def test_korean_compound_numbers():
    assert pairs("작년 입국자는 1만2345명, 전년에는 2천468명이었다.", "ko") == [
        (12345, "person"),
        (2468, "person"),
    ]
    assert pairs("손실은 3천450억 원이다.", "ko") == [(345_000_000_000, "krw")]


def test_russian_year_earlier_phrase_is_not_a_duration():
    text = "В этом году въехали 4 100 граждан КНДР, против 2600 годом ранее."
    assert pairs(text, "ru") == [(4100, "person"), (2600, "person")]


def test_votes():
    assert pairs("The draft got 12 votes in favour.") == [(12, "unit")]


def test_lists_of_identifiers():
    text = "After 3,000 workers left, the panel reviewed resolutions 1874, 2094, 2270 and 2321."
    assert pairs(text) == [(3000, "person")]


def test_possessive_counted_noun():
    assert pairs("Some 37 countries' delegations attended.") == [(37, "unit")]


def test_noise_lines_are_not_quantities():
    text = "Updated 14:35, 12.06.2025 · 5 min read · Photo 1 of 12 · Comments (3) · Tel. +7 (495) 123-45-67"
    assert pairs(text) == []


def test_large_count_restated_in_body_with_another_noun_is_listed_once():
    text = (
        "Deployment\n\nKim agreed to send 7,000 workers to the region. "
        "Officials said the 7,000 North Korean builders would arrive in July. "
        "A ministry source repeated that 7,000 labourers were expected."
    )
    assert pairs(text) == [(7000, "person")]


def test_small_counts_with_different_nouns_in_different_sentences_are_kept():
    text = "Report\n\nOnly 6 people listed work as their purpose. The dealer sold 6 cars. Another 6 vans left."
    assert pairs(text) == [(6, "person"), (6, "vehicle"), (6, "vehicle")]


def test_mention_offsets_cover_currency_and_counted_noun():
    text = "Pay\n\nBuilders earn about US$720 a month; the firm sold 14 trucks."
    money, trucks = find_quantities(text)
    assert text[money.start : money.end] == "US$720 a month"
    assert text[trucks.start : trucks.end] == "14 trucks"


def test_change_direction_goes_into_measure():
    (q,) = find_quantities("Handset imports fell 21% in the quarter.")
    assert q.measure.startswith("fell")


def test_russian_collective_numerals_count_people():
    assert pairs("Сбежали лишь четверо, двое рабочих остались.", "ru") == [
        (4, "person"),
        (2, "person"),
    ]


def test_comparison_sentence_refers_back_to_the_previous_count():
    text = (
        "Заголовок\n\nВесной в регион прибыли около 420 граждан КНДР. "
        "Для сравнения, осенью их было почти 2,5 тысячи."
    )
    assert pairs(text, "ru") == [(420, "person"), (2500, "person")]
    assert pairs("Title\n\nThe plant employs 900 people. In 2019 it had 1,200.") == [
        (900, "person")
    ]


def test_text_without_a_headline_has_no_title_dedup():
    text = "Brand A held 31% of sales. Brand B held 12%.\n\nA year earlier Brand B held 31%."
    assert pairs(text) == [(31, "percent"), (12, "percent"), (31, "percent")]


def test_the_plus_number_word_is_a_count_above_two():
    assert pairs("The five builders said they were watched.") == [(5, "person")]
    assert pairs("The two sides and these two firms agreed.") == []


def test_russian_bare_number_before_a_verb_takes_the_sentence_unit():
    text = "В Приморье трудятся около 9 тысяч граждан КНДР, из которых примерно 3 тысячи заняты на стройках."
    assert pairs(text, "ru") == [(9000, "person"), (3000, "person")]
    assert pairs("Рейсом вылетели более 250 пассажиров.", "ru") == [(250, "person")]


def test_chinese_rounds_counter():
    assert pairs("去年运送了约500万发炮弹。", "zh") == [(5_000_000, "unit")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Около 300 граждан КНДР въехали в Россию. Просмотров: 1234", "ru"),
        ("About 300 workers arrived. Views: 5,210 | Comments: 12", "en"),
        ("300명이 입국했다. 조회수 1,234", "ko"),
        ("300名工人入境。阅读 1234", "zh"),
    ],
)
def test_page_view_counters_are_not_quantities(text, language):
    assert [v for v, _ in pairs(text, language)] == [300]


# kinds found by a third set written without sight of the extractor (tests/corpus3)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Moscow will pay for a 600-metre stretch of the road.", [(600.0, "m")]),
        ("The 3.5-km causeway opens in May.", [(3.5, "km")]),
        ("A nine-member commission reviewed the visas.", [(9.0, "person")]),
        ("The pier is about one kilometre from the plant.", [(1.0, "km")]),
        ("The pier is one metre deep.", [(1.0, "m")]),
    ],
)
def test_hyphenated_units_and_one_with_a_length(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    ["They work 12-hour shifts.", "A five-year plan was signed.", "One worker was sent home.", "one of the plants"],
)
def test_other_hyphenated_modifiers_and_lone_one_still_do_not_count(text: str) -> None:
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Moscow could take twenty to forty thousand North Korean builders.", [(20000.0, "person"), (40000.0, "person")]),
        ("Shops sold two to three million phones.", [(2000000.0, "device"), (3000000.0, "device")]),
        ("Between 300 and 1 million workers could come.", [(300.0, "person"), (1000000.0, "person")]),
    ],
)
def test_a_word_range_shares_the_far_end_scale(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == expected
