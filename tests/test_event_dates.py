"""Event dates of claim sentences, resolved against the publication date.

Sentences are written for these tests (English, Russian, Korean, Chinese).
"""

from __future__ import annotations

import pytest

from foothold.extract.dates import parse_partial_date, resolve_event_date

PUB = "2025-06-20"  # a Friday


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # explicit dates
        ("The delegation arrived in Vladivostok on 17 June.", PUB, "2025-06-17"),
        ("The delegation arrived on June 3, 2024.", PUB, "2024-06-03"),
        ("Talks were held on 22 December 2019 in Moscow.", PUB, "2019-12-22"),
        ("The treaty was ratified in March 2021.", PUB, "2021-03"),
        ("By mid-November 2023 the commission had met twice.", PUB, "2023-11"),
        ("The ban took effect in 2019.", PUB, "2019"),
        ("Work resumed in the 2024-25 season.", PUB, "2024"),
        ("The filing is dated 2024-08-15.", PUB, "2024-08-15"),
        ("Month without year: the plant closed in April.", PUB, "2025-04"),
        # a month or day later than publication is last year's
        ("The plant closed in November.", "2025-03-05", "2024-11"),
        ("The ship docked on 12 October.", "2025-03-05", "2024-10-12"),
        # relative dates
        ("Sales collapsed last year.", PUB, "2024"),
        ("Sales recovered this year.", PUB, "2025"),
        ("The plant closed two years ago.", PUB, "2023"),
        ("The ministry said last month that it agreed.", PUB, "2025-05"),
        ("The ministry said last month that it agreed.", "2025-01-10", "2024-12"),
        ("Earlier this month the envoy left.", PUB, "2025-06"),
        ("Shoigu said on Tuesday that the builders would go.", PUB, "2025-06-17"),
        ("Shoigu said on Friday that the builders would go.", PUB, "2025-06-20"),
        ("Officials met yesterday.", PUB, "2025-06-19"),
        # quarters and halves give the year only
        ("Arrivals rose in the first quarter.", PUB, "2025"),
        ("Arrivals rose in the fourth quarter.", "2025-02-10", "2024"),
        ("Arrivals rose in the first half of 2024.", PUB, "2024"),
        ("Exports grew in Q3 2023.", PUB, "2023"),
    ],
)
def test_english(sentence, published, expected):
    assert resolve_event_date(sentence, published, "en") == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("В первом полугодии 2024 года в регион въехали 900 человек.", PUB, "2024"),
        ("В марте рабочие прибыли на стройку.", PUB, "2025-03"),
        ("Договор подписан 19 июня 2024 года.", PUB, "2024-06-19"),
        ("Визит состоялся 4 июня.", PUB, "2025-06-04"),
        ("В мае 2023 года компания продала завод.", PUB, "2023-05"),
        ("В 2019 году срок истёк.", PUB, "2019"),
        ("В прошлом году число въездов выросло.", PUB, "2024"),
        ("Во вторник министр заявил об этом.", PUB, "2025-06-17"),
        ("Вчера стороны подписали протокол.", PUB, "2025-06-19"),
    ],
)
def test_russian(sentence, published, expected):
    assert resolve_event_date(sentence, published, "ru") == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("지난해 북한 노동자들이 대거 입국했다.", PUB, "2024"),
        ("올해 상반기 입국자가 늘었다.", PUB, "2025"),
        ("2024년 8월 근로자들이 도착했다.", PUB, "2024-08"),
        ("2023년 5월 9일 협정이 체결됐다.", PUB, "2023-05-09"),
        ("6월 2일 대표단이 모스크바를 찾았다.", PUB, "2025-06-02"),
        ("지난달 공장이 문을 닫았다.", PUB, "2025-05"),
        ("화요일 회담이 열렸다.", PUB, "2025-06-17"),
    ],
)
def test_korean(sentence, published, expected):
    assert resolve_event_date(sentence, published, "ko") == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("去年朝鲜工人数量明显增加。", PUB, "2024"),
        ("2024年8月，双方签署了协议。", PUB, "2024-08"),
        ("2023年11月5日代表团抵达。", PUB, "2023-11-05"),
        ("6月17日双方举行会谈。", PUB, "2025-06-17"),
        ("今年上半年入境人数增加。", PUB, "2025"),
        ("上个月工厂停产。", PUB, "2025-05"),
        ("上周二双方举行会谈。", PUB, "2025-06-10"),
    ],
)
def test_chinese(sentence, published, expected):
    assert resolve_event_date(sentence, published, "zh") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea sent 2,508 workers under resolution 2397.",
        "This may be the largest deployment so far.",
        "The march through the city was peaceful.",
        "Wages are 800 dollars a month.",
        "工人每月800美元。",
        "",
    ],
)
def test_no_date(sentence):
    assert resolve_event_date(sentence, PUB, "en") is None


def test_relative_dates_need_a_publication_date_at_their_precision():
    assert resolve_event_date("Sales fell last year.", None) is None
    assert resolve_event_date("Sales fell last year.", "2025") == "2024"
    assert (
        resolve_event_date("Officials met on Tuesday.", "2025-06") is None
    )  # no day to count back from
    assert resolve_event_date("Officials met yesterday.", "2025") is None
    assert resolve_event_date("The ministry said last month.", "2025") is None


def test_explicit_dates_need_no_publication_date():
    assert resolve_event_date("The deal was signed in March 2021.", None) == "2021-03"
    assert resolve_event_date("The ban took effect in 2019.", None) == "2019"


def test_first_date_in_the_sentence_wins():
    sentence = "The resolution, adopted in December 2017, required repatriation by the end of 2019."
    assert resolve_event_date(sentence, PUB) == "2017-12"


def test_never_invents_a_day():
    assert resolve_event_date("Arrivals peaked in June 2024.", PUB) == "2024-06"
    assert resolve_event_date("Officials met last week.", PUB) == "2025-06"


def test_parse_partial_date():
    assert parse_partial_date("2025-06-20T08:00:00Z") == (2025, 6, 20)
    assert parse_partial_date("2025-06") == (2025, 6, None)
    assert parse_partial_date("2025") == (2025, None, None)
    assert parse_partial_date("June 2025") is None
    assert parse_partial_date(None) is None


def test_written_date_beats_a_relative_one():
    sentence = "Two years before that, the first session met in Khabarovsk in late October 2022."
    assert resolve_event_date(sentence, PUB) == "2022-10"
    assert (
        resolve_event_date("It was his third visit this month, after one on 2 June.", PUB)
        == "2025-06-02"
    )


def test_earlier_and_later_are_relative_to_the_story_not_to_publication():
    assert resolve_event_date("A year earlier the commission had not met.", PUB) is None
    assert resolve_event_date("Six months later the bridge opened.", PUB) is None


def test_month_with_relative_year():
    assert resolve_event_date("Imports were lower than in April last year.", PUB) == "2024-04"
    assert resolve_event_date("Imports recovered in February this year.", PUB) == "2025-02"


def test_korean_and_chinese_day_of_month_alone():
    assert resolve_event_date("쇼이구 서기는 17일 평양에서 회담했다.", PUB, "ko") == "2025-06-17"
    assert (
        resolve_event_date("쇼이구 서기는 17일 평양에서 회담했다.", "2025-06-05", "ko")
        == "2025-05-17"
    )
    assert resolve_event_date("노동자들은 3일간 쉬었다.", PUB, "ko") is None
    assert resolve_event_date("代表团15日抵达莫斯科。", PUB, "zh") == "2025-06-15"


def test_past_and_previous_year_are_not_last_year():
    assert resolve_event_date("Hiring grew over the past year.", PUB) is None
    assert resolve_event_date("The previous year the plant was idle.", PUB) is None
