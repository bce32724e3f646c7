"""Gazetteer and entity extraction (ANNOTATION.md §7 and §8).

The sentences are written for these tests; they are not copied from the corpora.
"""

from __future__ import annotations

import pytest

from foothold.case import default_case
from foothold.extract.entities import find_entities, find_names
from foothold.extract.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(default_case())


def names(text: str, gaz: Gazetteer, language: str = "en") -> dict[str, str]:
    return {e.name: e.type for e in find_entities(text, language, gaz)}


# --------------------------------------------------------------------------
# gazetteer


def test_acronyms_are_case_sensitive(gaz: Gazetteer) -> None:
    found = [
        m.name
        for m in gaz.find(
            "Let us discuss the fsb and un-related funds; the UN and the FSB replied."
        )
    ]
    assert found == ["United Nations", "FSB Border Service"]


def test_currency_prefix_is_not_a_country(gaz: Gazetteer) -> None:
    found = [m.name for m in gaz.find("The deal was worth US$12 million, a US official said.")]
    assert found == ["United States"]


def test_longest_match_wins(gaz: Gazetteer) -> None:
    found = gaz.find(
        "Analysts at the UN Security Council disagreed with Russia's Security Council."
    )
    assert [m.name for m in found] == ["UN Security Council", "Russian Security Council"]
    assert found[0].alias == "UN Security Council"


def test_capitalised_alias_does_not_match_common_word(gaz: Gazetteer) -> None:
    found = [m.name for m in gaz.find("They honor the deal. Honor phones sold well.")]
    assert found == ["Honor"]


def test_russian_inflection(gaz: Gazetteer) -> None:
    text = "Делегация КНДР прибыла в Россию; по данным Пограничной службы ФСБ России, встреча с Владимиром Путиным"
    found = [m.name for m in gaz.find(text)]
    assert found == ["North Korea", "Russia", "FSB Border Service", "Vladimir Putin"]


def test_korean_and_chinese_match_inside_words(gaz: Gazetteer) -> None:
    assert [m.name for m in gaz.find("북한의 근로자들이 러시아에 도착했다")] == [
        "North Korea",
        "Russia",
    ]
    assert [m.name for m in gaz.find("朝鲜工人抵达俄罗斯远东")] == ["North Korea", "Russia"]


def test_offsets_point_at_the_mention(gaz: Gazetteer) -> None:
    text = "Officials in Pyongyang met Sergei Shoigu."
    for m in gaz.find(text):
        assert text[m.start : m.end] == m.alias


def test_gazetteer_gives_the_same_mentions_on_repeated_text(gaz: Gazetteer) -> None:
    """Speed lives in benchmarks; here, the repeated paragraph yields its mentions every time."""
    text = (
        "North Korean builders arrived in Russia's Far East, the NIS said, while Chinese brands "
        "kept growing in the Russian car market and the US Treasury named two firms. "
    ) * 30
    once = gaz.find(text[: len(text) // 30])
    names = {m.name for m in once}
    assert {"North Korea", "Russia", "South Korea's National Intelligence Service", "US Treasury"} <= names
    many = gaz.find(text)
    assert len(many) == 30 * len(once)


# --------------------------------------------------------------------------
# entities


def test_demonyms_give_countries(gaz: Gazetteer) -> None:
    got = names(
        "Japanese carmakers left, and Chinese firms took over, a Ukrainian official said.", gaz
    )
    assert got == {"Japan": "country", "China": "country", "Ukraine": "country"}


def test_capital_as_metonym_is_the_country(gaz: Gazetteer) -> None:
    got = names("Seoul and Beijing have both protested, while Pyongyang stayed silent.", gaz)
    assert got == {"South Korea": "country", "China": "country", "North Korea": "country"}


def test_capital_as_location_is_a_place(gaz: Gazetteer) -> None:
    got = names(
        "The delegation held two days of talks in Moscow before flying back to Pyongyang.", gaz
    )
    assert got["Moscow"] == "place"
    assert got["Pyongyang"] == "place"
    assert "Russia" not in got


def test_country_nested_in_an_organisation(gaz: Gazetteer) -> None:
    got = names("South Korean intelligence officials briefed parliament.", gaz)
    assert "South Korea" in got
    # people who work for the agency are not the agency as an entity
    assert "South Korea's National Intelligence Service" not in got


def test_generic_un_and_security_council(gaz: Gazetteer) -> None:
    got = names("The UN deadline passed, and the UN Security Council did not meet.", gaz)
    assert set(got) == {"United Nations", "UN Security Council"}


def test_anonymous_source_is_not_an_entity_but_its_city_is(gaz: Gazetteer) -> None:
    got = names("A source in Pyongyang said the plan was approved.", gaz)
    assert got == {"Pyongyang": "place"}


def test_unknown_organisations_companies_places(gaz: Gazetteer) -> None:
    text = (
        "The Irkutsk Oblast administration signed a deal with Baikal Timber Holding, "
        "while the Russian Ministry of Sport declined to comment on the Angara River bridge."
    )
    got = names(text, gaz)
    assert got.get("Irkutsk Oblast") == "place"
    assert got.get("Baikal Timber Holding") == "company"
    assert got.get("Russian Ministry of Sport") == "organization"
    assert "Russia" in got


def test_unknown_person_by_title_and_surname_link(gaz: Gazetteer) -> None:
    text = (
        "Regional labour minister Oksana Belyaeva said the quota would double. "
        "Belyaeva added that dormitories were being built."
    )
    spans = [n for n in find_names(text, "en", gaz) if n.type == "person"]
    assert [n.name for n in spans] == ["Oksana Belyaeva", "Oksana Belyaeva"]
    assert names(text, gaz) == {"Oksana Belyaeva": "person"}


def test_person_by_apposition(gaz: Gazetteer) -> None:
    got = names("Tomas Lindqvist, a senior analyst at a Nordic bank, expects more arrivals.", gaz)
    assert got.get("Tomas Lindqvist") == "person"


def test_headline_noise_and_sentence_starts_are_not_names(gaz: Gazetteer) -> None:
    text = (
        "Pyongyang Eyes Lucrative Factory Jobs Across Siberian Towns\n\n"
        "Meanwhile, Regional officials said little. Industrial output rose in March. Read also"
    )
    got = names(text, gaz)
    assert not {"Lucrative Factory Jobs", "Industrial", "Regional", "Meanwhile", "March"} & set(got)


def test_products_are_not_entities(gaz: Gazetteer) -> None:
    got = names("Russia fielded Geran-2 drones and the Lada Vesta sold well.", gaz)
    assert "Geran-2" not in got and "Lada Vesta" not in got


def test_publisher_dateline_and_signoff_are_not_entities(gaz: Gazetteer) -> None:
    text = (
        "VLADIVOSTOK, May 3 (Harbour Gazette) - North Korean crews arrived at the port.\n\n"
        "Harbour Gazette"
    )
    got = names(text, gaz)
    assert "Harbour Gazette" not in got
    assert got["Vladivostok"] == "place"


def test_russian_entities(gaz: Gazetteer) -> None:
    got = names("Москва и Пхеньян расширяют сотрудничество, переговоры прошли в Москве.", gaz, "ru")
    assert got.get("Russia") == "country"
    assert got.get("North Korea") == "country"
    assert got.get("Moscow") == "place"


def test_korean_entities(gaz: Gazetteer) -> None:
    got = names(
        "국정원은 평양에서 열린 회담 이후 북한 노동자들이 러시아로 향했다고 밝혔다.", gaz, "ko"
    )
    assert got.get("Pyongyang") == "place"
    assert {"South Korea's National Intelligence Service", "North Korea", "Russia"} <= set(got)


def test_chinese_entities(gaz: Gazetteer) -> None:
    got = names("据路透社报道，奇瑞和吉利在俄罗斯市场的份额继续上升。", gaz, "zh")
    assert {"Reuters", "Chery", "Geely", "Russia"} <= set(got)


def test_each_entity_once(gaz: Gazetteer) -> None:
    ents = find_entities("Russia, Russia and the Russian Federation; Russians again.", "en", gaz)
    assert [e.name for e in ents] == ["Russia"]


def test_empty_text(gaz: Gazetteer) -> None:
    assert find_entities("", "en", gaz) == []
    assert gaz.find("") == []


def test_job_title_names_its_ministry(gaz: Gazetteer) -> None:
    got = names("The talks were led by Natural Resources Minister Alexander Kozlov.", gaz)
    assert got.get("Russian Ministry of Natural Resources") == "organization"
    assert got.get("Alexander Kozlov") == "person"


def test_dateline_city_is_a_place(gaz: Gazetteer) -> None:
    got = names("SEOUL, March 3 (Han River Wire) - Officials reviewed the figures.", gaz)
    assert got == {"Seoul": "place"}


def test_copy_credits_the_wire_as_an_entity(gaz: Gazetteer) -> None:
    text = (
        "TOKYO, May 2 (Pacific Line Wire) - Japanese officials said 300 workers had left.\n\n"
        "The move was expected. (Pacific Line Wire)"
    )
    got = names(text, gaz)
    assert got.get("Pacific Line Wire") == "organization"
    assert got.get("Tokyo") == "place"


def test_treaties_and_platforms_are_not_entities(gaz: Gazetteer) -> None:
    text = "The Northern Cooperation Treaty was praised on its Telegram channel by the Kremlin."
    got = names(text, gaz)
    assert "Northern Cooperation Treaty" not in got and "Telegram" not in got
    assert got.get("Kremlin") == "organization"


def test_chinese_transliterated_person(gaz: Gazetteer) -> None:
    got = names("州长谢尔盖·伊万诺夫表示，俄罗斯需要更多工人。", gaz, "zh")
    assert got.get("谢尔盖·伊万诺夫") == "person"


def test_korean_person_before_title(gaz: Gazetteer) -> None:
    got = names("박지훈 교수는 러시아 현지 조사 결과를 공개했다.", gaz, "ko")
    assert got.get("박지훈") == "person"
    assert got.get("Russia") == "country"


def test_russian_unknown_person_in_nominative(gaz: Gazetteer) -> None:
    pytest.importorskip("natasha")
    text = "По словам губернатора Анатолия Веселова, в области уже работают строители из КНДР."
    got = names(text, gaz, "ru")
    assert got.get("Анатолий Веселов") == "person"
    assert got.get("North Korea") == "country"


def test_cyrillic_multiword_alias_matches_lower_case_first_letter(gaz: Gazetteer) -> None:
    found = [m.name for m in gaz.find("въезд по данным пограничной службы ФСБ вырос")]
    assert found == ["FSB Border Service"]
    # a single Cyrillic word keeps the capital rule ("ведомости" is also a common noun)
    assert [m.name for m in gaz.find("сведения из ведомости о зарплате")] == []


# --------------------------------------------------------------------------
# faster forms of the name-finding patterns give the same matches as the plain ones


def _probe_texts() -> list[str]:
    """The sample corpus plus deterministic random strings of name-like pieces."""
    import random
    from pathlib import Path

    import foothold

    corpus = Path(foothold.__file__).parent / "sample" / "corpus"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.iterdir())]
    pieces = [
        "A", "Z", "a", "s", "st", "2nd", "1", "٣", " ", "  ", "\n", "\u00a0", "-", "'", "’",
        ".", ".com", "&", " of ", " and ", " the ", "_", "é", "É", "US", "U.S.", "Kim",
        "Lee's", "according", "to", "told", "in", "visit", "back", "from", "между", "в",
        "визит", "ſ", "K", "ı", "İ", "said", "by", "citing", "Kozlov", "Kozlova",
    ]  # fmt: skip
    rnd = random.Random(20250601)
    for _ in range(3000):
        texts.append("".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12))))
    return texts


def test_name_pattern_matches_its_plain_form() -> None:
    import re

    from foothold.extract import entities as ent

    plain = re.compile(rf"(?<![\w'’.-]){ent._CAP}(?:{ent._NAME_JOIN}{ent._CAP})*(?![\w])")
    for text in _probe_texts():
        got = [m.span() for m in ent._NAME_RE.finditer(text)]
        assert got == [m.span() for m in plain.finditer(text)], text


def test_tail_search_matches_full_search() -> None:
    from foothold.extract import entities as ent

    rules = [
        (ent._LOCATIVE_EN, ent._LOCATIVE_EN_WORDS),
        (ent._LOCATIVE_RU, ent._LOCATIVE_RU_WORDS),
        (ent._SOURCE_BEFORE, ent._SOURCE_BEFORE_WORDS),
        (ent._SAID_BEFORE, ent._SAID_BEFORE_WORDS),
    ]
    for text in _probe_texts():
        for i in range(0, len(text) + 1, 3):
            before = text[max(0, i - 60) : i]
            for rx, words in rules:
                full = rx.search(before)
                tail = ent._search_tail(rx, before, words)
                assert (full and full.span()) == (tail and tail.span()), (rx.pattern, before)


def test_word_helpers_match_their_regex_forms() -> None:
    import re

    from foothold.extract import entities as ent

    texts = _probe_texts()
    words = ["Kim", "Kozlov", "Kozlova", "US", "s", "é", "Lee's", "a"]
    for text in texts:
        low_text = " " + re.sub(r"[^\w]+", " ", text) + " "
        for w in words:
            assert ent._is_text_word(text, w) == (f" {w} " in low_text)
        for k in (1, 2, 3):
            ws = words[k:] + words[:k]
            rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ws) + r")(?![\w-])")
            expected = [(m.start(), m.end(), m.group(1)) for m in rx.finditer(text)]
            assert ent._whole_words(text, ws) == expected


def test_shorter_alias_inside_a_refused_longer_one(gaz: Gazetteer) -> None:
    # "Republic of Tatarstan" is refused in lower case; "Tatarstan" inside it still counts
    found = names("The plant is in the Russian republic of Tatarstan, far from the border.", gaz)
    assert found.get("Tatarstan") == "place"


def test_possessive_owner_before_a_known_place_is_not_part_of_it(gaz: Gazetteer) -> None:
    found = names("The new bridge is being built in Russia's Primorsky Krai, officials said.", gaz)
    assert found.get("Primorsky Krai") == "place"
    assert "Russia's Primorsky Krai" not in found
    # an unknown organisation keeps its owner: the whole is the name
    kept = names("The estimate came from Mongolia's Ministry of Labour.", gaz)
    assert "Mongolia's Ministry of Labour" in kept


def test_chinese_carmakers_and_sources(gaz: Gazetteer) -> None:
    got = names("长城汽车和长安的在俄销量上升，乘用车市场信息联席会和欧洲商业协会都公布了数据。", gaz, "zh")
    assert got["Great Wall Motor"] == "company" and got["Changan"] == "company"
    assert got["China Passenger Car Association"] == "organization"
    assert got["Association of European Businesses"] == "organization"
    assert "Haval" not in got


def test_chinese_landmarks_are_not_carmakers(gaz: Gazetteer) -> None:
    got = names("代表团参观了八达岭长城，随后沿长安街前往会场。", gaz, "zh")
    assert "Great Wall Motor" not in got and "Changan" not in got


def test_day_first_dateline_names_the_publisher_and_opens_the_story(gaz: Gazetteer) -> None:
    text = "MOSCOW, 12 March 2025 (Taiga Newswire) - Nearly 900 North Korean builders arrived in Russia, officials said."
    found = names(text, gaz)
    assert "Taiga Newswire" not in found  # the publisher is not an entity
    assert "Nearly" not in found  # the story's first word is not a name
    assert found.get("Russia") == "country"
