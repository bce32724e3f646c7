"""Syndication clusters: near-copies, rewrites, ids, determinism and scale."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foothold.extract.syndication import (
    assign_clusters,
    date_interval,
    dates_within,
    normalise,
    quantity_keys,
    shingle_hashes,
    sketch,
    sketches,
)
from foothold.model import Document, Evidence, Quantity

WIRE = (
    "North Korean leader Kim Jong Un has decided to send 1,000 deminers and 5,000 military "
    "construction workers to Russia's Kursk region, Sergei Shoigu, the secretary of Russia's "
    "Security Council, said on Tuesday after talks with Kim in Pyongyang. The 6,000 personnel will "
    "clear mines and help restore infrastructure damaged during Ukraine's incursion into the region, "
    "Shoigu told the Russian news agencies TASS, RIA Novosti and Interfax. The two sides also agreed "
    "to build memorials to soldiers of the Korean People's Army who were killed fighting in Kursk."
)
REWRITE = (
    "Russia says North Korea will send six thousand more of its people to the Kursk region, this "
    "time not to fight but to clear mines and rebuild. Shoigu announced after meeting Kim that Kim had "
    "agreed to dispatch 1,000 sappers and 5,000 military builders, according to comments carried by "
    "TASS. Our take: for Moscow this labour fills a reconstruction job it would struggle to staff."
)
OTHER = (
    "Chinese brands took 42% of Russian smartphone sales in May, up from 28% a year earlier, as "
    "Samsung and Apple lost ground after halting shipments; total sales fell by about a quarter, "
    "according to data from a mobile operator shared with a news agency on Thursday morning."
)
BOILER_A = "Home | World | Business | Tech\nAccept cookies\n"
BOILER_B = "\nRelated: Markets close mixed\nPopular: Ten easy dinners\nShare on Facebook"


def ev(
    path: str,
    body: str,
    *,
    title: str = "Title",
    published: str | None = "2025-06-17",
    language: str = "en",
    quantities: list[tuple[float, str]] = (),
    attributions: list[str] = (),
    indicators: list[tuple[str, str]] = (),
) -> Evidence:
    text = f"{title}\n\n{body}"
    doc = Document(
        path=path,
        text=text,
        title=title,
        title_end=len(title),
        published=published,
        language=language,
    )
    return Evidence(
        document=doc,
        relevant=True,
        quantities=[Quantity(v, u) for v, u in quantities],
        attributions=list(attributions),
        indicators=list(indicators),
    )


KURSK_Q = [(1000, "person"), (5000, "person")]
KURSK_I = [("ind_agreement", "positive"), ("ind_placement_nonmfg", "positive")]


def clusters(evs: list[Evidence]) -> dict[str, str]:
    assign_clusters(evs)
    return {e.document.path: e.cluster for e in evs}


# --- helpers ---------------------------------------------------------------


def test_normalise_keeps_numbers_and_drops_thousands_separators():
    assert normalise("About 1,000 Deminers, 5 000 builders") == [
        "about",
        "1000",
        "deminers",
        "5000",
        "builders",
    ]
    assert normalise("北朝鮮 노동자") == ["北", "朝", "鮮", "노동자"]


def test_shingle_hashes_are_stable_and_unique():
    a = shingle_hashes("one two three four five")
    b = shingle_hashes("one two three four five")
    assert sorted(a.tolist()) == sorted(b.tolist())
    assert len(set(a.tolist())) == len(a) == 3
    assert len(shingle_hashes("")) == 0


def test_partial_dates():
    assert date_interval("2025-02")[1].day == 28
    assert date_interval("2024") is not None
    assert date_interval("garbage") is None
    assert dates_within("2025-06-17", "2025-06-27") is True
    assert dates_within("2025-06-17", "2025-06-28") is False
    assert dates_within("2025-06", "2025-07-05") is True
    assert dates_within(None, "2025-06-17") is None


def test_quantity_keys_skip_trivial_values():
    e = ev(
        "x",
        "text",
        quantities=[(6, "person"), (1000, "person"), (100, "percent"), (2.5, "usd_per_hour")],
    )
    assert quantity_keys(e) == {(1000.0, "person"), (2.5, "usd_per_hour")}


# --- near copies -----------------------------------------------------------


def test_copies_in_different_boilerplate_share_a_cluster():
    evs = [
        ev("wire.txt", WIRE),
        ev("copy.html", BOILER_A + WIRE + BOILER_B),
        ev("other.html", OTHER),
    ]
    c = clusters(evs)
    assert c["wire.txt"] == c["copy.html"]
    assert c["wire.txt"].startswith("g-")
    assert c["other.html"].startswith("s-") and c["other.html"] != c["wire.txt"]


def test_lightly_edited_copy_clusters():
    edited = WIRE.replace("Tuesday", "June 17").replace("The two sides also", "Both sides")
    c = clusters([ev("a", WIRE), ev("b", edited)])
    assert c["a"] == c["b"]


def test_unrelated_documents_stay_apart():
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)]
    evs = [ev(f"d{i}", " ".join(rng.choices(vocab, k=120))) for i in range(50)]
    evs += [ev("wire", WIRE), ev("other", OTHER)]
    c = clusters(evs)
    assert len(set(c.values())) == len(evs)
    assert all(v.startswith("s-") for v in c.values())


def test_exact_duplicates_cluster_even_when_short():
    c = clusters([ev("a", "Short note."), ev("b", "Short note.")])
    assert c["a"] == c["b"]


def test_empty_input_is_a_no_op():
    assign_clusters([])


# --- rewrites --------------------------------------------------------------


def test_rewrite_rule_links_reworded_reports_of_one_announcement():
    evs = [
        ev(
            "wire",
            WIRE,
            quantities=KURSK_Q + [(6000, "person")],
            attributions=["Sergei Shoigu", "TASS", "Interfax"],
            indicators=KURSK_I,
        ),
        ev(
            "blog",
            REWRITE,
            published="2025-06-18",
            quantities=KURSK_Q + [(6000, "person")],
            attributions=["Sergei Shoigu", "TASS"],
            indicators=KURSK_I,
        ),
        ev(
            "site",
            OTHER,
            published="2025-06-20",
            quantities=KURSK_Q + [(15000, "person"), (800, "usd_per_month")],
            attributions=["sergei shoigu", "The New York Times"],
            indicators=KURSK_I + [("ind_inflow", "positive")],
        ),
    ]
    c = clusters(evs)
    assert c["wire"] == c["blog"] == c["site"]


def test_same_event_from_different_sources_stays_apart():
    # the same figures, but one report comes from Rosstat via RFA, the other from FSB data via Mediazona
    q = [(3765, "person"), (3200, "person")]
    evs = [
        ev(
            "rfa",
            WIRE,
            published="2024-11-09",
            quantities=q,
            attributions=["Radio Free Asia", "Rosstat"],
            indicators=[("ind_inflow", "positive")],
        ),
        ev(
            "mz",
            OTHER,
            published="2024-11-08",
            quantities=q,
            attributions=["Mediazona", "FSB Border Service"],
            indicators=[("ind_inflow", "positive")],
        ),
    ]
    c = clusters(evs)
    assert c["rfa"] != c["mz"]


@pytest.mark.parametrize(
    "change",
    [
        {"published": "2025-07-15"},  # outside the date window
        {"quantities": [(1000, "person"), (7, "person")]},  # only one non-trivial shared figure
        {"indicators": [("ind_friction", "positive")]},  # no shared indicator
        {"attributions": []},  # no shared attribution
    ],
)
def test_rewrite_rule_is_conservative(change):
    base = dict(quantities=KURSK_Q, attributions=["Sergei Shoigu"], indicators=KURSK_I)
    other = {**base, **change}
    c = clusters([ev("a", WIRE, **base), ev("b", REWRITE, **other)])
    assert c["a"] != c["b"]


def test_translation_linked_on_three_figures_in_window():
    q = [(13221, "person"), (1117, "person"), (7887, "person")]
    evs = [
        ev("en", WIRE, published="2025-02-05", quantities=q, attributions=["Radio Free Asia"]),
        ev(
            "ko",
            "작년 러시아에 입국한 북한 주민이 1만3221명으로 집계됐다",
            published="2025-02-06",
            language="ko",
            quantities=q,
        ),
        ev("ru", "Другой текст о другом", published="2025-02-06", language="ru", quantities=q[:2]),
    ]
    c = clusters(evs)
    assert c["en"] == c["ko"]
    assert c["ru"] != c["en"]


def test_missing_dates_need_one_more_shared_figure():
    base = dict(attributions=["Sergei Shoigu"], indicators=KURSK_I)
    c2 = clusters(
        [
            ev("a", WIRE, published=None, quantities=KURSK_Q, **base),
            ev("b", REWRITE, quantities=KURSK_Q, **base),
        ]
    )
    assert c2["a"] != c2["b"]
    q3 = KURSK_Q + [(6000, "person")]
    c3 = clusters(
        [
            ev("a", WIRE, published=None, quantities=q3, **base),
            ev("b", REWRITE, quantities=q3, **base),
        ]
    )
    assert c3["a"] == c3["b"]


# --- ids -------------------------------------------------------------------


def _corpus() -> list[Evidence]:
    return [
        ev("wire", WIRE, quantities=KURSK_Q, attributions=["TASS"], indicators=KURSK_I),
        ev("copy", BOILER_A + WIRE + BOILER_B),
        ev(
            "blog",
            REWRITE,
            published="2025-06-18",
            quantities=KURSK_Q,
            attributions=["TASS"],
            indicators=KURSK_I,
        ),
        ev("other", OTHER),
        ev("other-copy", OTHER + " Share this story."),
        ev(
            "alone",
            "A festival of salmon drew record crowds to the bay this weekend, organisers said.",
        ),
    ]


def test_cluster_ids_use_doc_id_prefixes():
    evs = _corpus()
    assign_clusters(evs)
    by_cluster: dict[str, list[Evidence]] = {}
    for e in evs:
        by_cluster.setdefault(e.cluster, []).append(e)
    for cid, members in by_cluster.items():
        smallest = min(m.doc_id for m in members)
        if len(members) == 1:
            assert cid == "s-" + smallest[:12]
        else:
            assert cid == "g-" + smallest[:12]
    assert len(by_cluster) == 3


@settings(max_examples=30, deadline=None)
@given(st.permutations(list(range(6))))
def test_ids_do_not_depend_on_input_order(order):
    reference = {e.document.path: e.cluster for e in _assigned(_corpus())}
    evs = _corpus()
    shuffled = [evs[i] for i in order]
    assign_clusters(shuffled)
    assert {e.document.path: e.cluster for e in shuffled} == reference


def _assigned(evs: list[Evidence]) -> list[Evidence]:
    assign_clusters(evs)
    return evs


_POOL = [
    dict(body=WIRE, quantities=KURSK_Q, attributions=["TASS"], indicators=KURSK_I),
    dict(body=BOILER_A + WIRE + BOILER_B),
    dict(body=REWRITE, quantities=KURSK_Q, attributions=["TASS"], indicators=KURSK_I),
    dict(body=OTHER, quantities=[(42, "percent"), (28, "percent")], attributions=["MTS"]),
    dict(body=OTHER + " Share this story.", published="2025-06-19"),
    dict(body="Short note."),
    dict(body=REWRITE + " A line added by the aggregator.", published="2025-06-25"),
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(0, len(_POOL) - 1), min_size=1, max_size=12),
    st.randoms(use_true_random=False),
)
def test_any_collection_clusters_the_same_in_any_order(picks, rnd):
    def build() -> list[Evidence]:
        return [ev(f"p{n}", **_POOL[i]) for n, i in enumerate(picks)]

    first = build()
    assign_clusters(first)
    reference = {e.document.path: e.cluster for e in first}
    second = build()
    rnd.shuffle(second)
    assign_clusters(second)
    assert {e.document.path: e.cluster for e in second} == reference
    # identical documents always share a cluster
    by_pick: dict[int, set[str]] = {}
    for n, i in enumerate(picks):
        by_pick.setdefault(i, set()).add(reference[f"p{n}"])
    assert all(len(ids) == 1 for ids in by_pick.values())


# --- scale -----------------------------------------------------------------


@pytest.mark.slow
def test_ten_thousand_documents_cluster_in_bounded_time():
    rng = random.Random(0)
    vocab = [f"w{i}" for i in range(20000)]
    evs: list[Evidence] = []
    bodies = [" ".join(rng.choices(vocab, k=150)) for _ in range(9000)]
    for i, body in enumerate(bodies):
        evs.append(
            ev(
                f"d{i}",
                body,
                published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                quantities=[(rng.randint(11, 10**6), "person") for _ in range(3)]
                + [(1000, "person")],
                attributions=[rng.choice(["TASS", "Yonhap", "NK News"])],
                indicators=[("ind_inflow", "positive")],
            )
        )
    for k in range(1000):  # copies with other boilerplate and one word changed
        words = bodies[k].split()
        words[rng.randrange(len(words))] = "changed"
        evs.append(ev(f"c{k}", BOILER_A + " ".join(words) + BOILER_B, published=None))
    assign_clusters(evs)  # scale check; timing lives in benchmarks, not in tests
    for k in range(1000):
        assert evs[9000 + k].cluster == evs[k].cluster
    assert len({e.cluster for e in evs}) == 9000


# --- the annotated sample corpus (tests/corpus) ------------------------------

SAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "src" / "foothold" / "sample" / "corpus"
SAMPLE_GOLD = Path(__file__).resolve().parent / "corpus" / "gold.jsonl"


def _gold_pairs() -> tuple[dict[str, str], set[frozenset[str]]]:
    gold = {}
    for line in SAMPLE_GOLD.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        gold[g["path"]] = g["cluster"]
    pairs = {frozenset((a, b)) for a in gold for b in gold if a < b and gold[a] == gold[b]}
    return gold, pairs


def _rel(path: str) -> str:
    name, _, item = path.partition("#")
    return Path(name).name + (f"#{item}" if item else "")


def _pairs(evs: list[Evidence]) -> set[frozenset[str]]:
    by = {_rel(e.document.path): e.cluster for e in evs}
    return {frozenset((a, b)) for a in by for b in by if a < b and by[a] == by[b]}


def test_sample_corpus_near_copy_clusters_without_extraction():
    """Text alone links the wire and its copy in other boilerplate, and nothing else."""
    from foothold.ingest import iter_documents

    docs = [d for d in iter_documents([str(SAMPLE_CORPUS)]) if isinstance(d, Document)]
    evs = [Evidence(document=d) for d in docs]
    assign_clusters(evs)
    assert _pairs(evs) == {
        frozenset(("2025-11-14-alabuga-wire.txt", "2025-11-14-alabuga-copy.html"))
    }


def test_sample_corpus_clusters_match_gold_after_extraction():
    """Full pipeline on the annotated sample corpus: the rewrite joins via shared figures and source."""
    from foothold.extract import extract_documents
    from foothold.ingest import iter_documents

    evs = [
        e
        for e in extract_documents(iter_documents([str(SAMPLE_CORPUS)]))
        if isinstance(e, Evidence)
    ]
    _, gold_pairs = _gold_pairs()
    assert _pairs(evs) == gold_pairs


# --- sketches computed in extraction workers ---------------------------------


def _corpus_for_sketches() -> list[Evidence]:
    return [
        ev("wire.txt", WIRE, quantities=KURSK_Q, attributions=["Sergei Shoigu"], indicators=KURSK_I),
        ev("copy.html", BOILER_A + WIRE + BOILER_B),
        ev("rewrite.txt", REWRITE, quantities=KURSK_Q, attributions=["Sergei Shoigu"], indicators=KURSK_I),
        ev("other.txt", OTHER),
        ev("short.txt", "Too short to sketch."),
        ev("empty.txt", ""),
    ]


def test_one_document_sketch_equals_the_batch_sketch():
    evs = _corpus_for_sketches()
    batch = sketches(evs)
    for e, b in zip(evs, batch, strict=True):
        one = sketch(e)
        assert one.count == b.count
        assert one.shingles.tolist() == b.shingles.tolist()
        if b.signature is None:
            assert one.signature is None
        else:
            assert one.signature is not None
            assert one.signature.tolist() == b.signature.tolist()
    # short bodies take no part in near-copy detection
    assert batch[4].signature is None and batch[5].signature is None and batch[5].count < 8
    assert batch[0].signature is not None and len(batch[0].signature) == 64


def test_precomputed_sketches_give_the_same_clusters():
    plain = _corpus_for_sketches()
    assign_clusters(plain)
    given = _corpus_for_sketches()
    # some sketches given (as from workers), some left for assign_clusters to compute
    pre = [sketch(e) if i % 2 == 0 else None for i, e in enumerate(given)]
    assign_clusters(given, pre)
    assert [e.cluster for e in given] == [e.cluster for e in plain]
    assert plain[0].cluster == plain[1].cluster == plain[2].cluster != plain[3].cluster


def test_misaligned_sketches_are_refused():
    evs = _corpus_for_sketches()
    with pytest.raises(ValueError, match="sketches for"):
        assign_clusters(evs, [None])
