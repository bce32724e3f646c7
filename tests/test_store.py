"""Tests of the storage layer (foothold.store) on SQLite, and PostgreSQL when
FOOTHOLD_TEST_PG_URL points at a server (each test then runs on both)."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
import uuid

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.schema import CreateSchema, DropSchema

from foothold.model import Claim, Decision, Document, Entity, Evidence, Forecast, Quantity, Question
from foothold.store import AddResult, Store, StoreError
from foothold.store.migrate import alembic_config, head_revision
from foothold.store.tables import metadata

PG_URL = os.environ.get("FOOTHOLD_TEST_PG_URL")


def _pg_schema_url(base: str) -> tuple[str, str]:
    """A fresh PostgreSQL schema for one test: (url with search_path, schema name)."""
    schema = "t_" + uuid.uuid4().hex[:12]
    try:
        engine = create_engine(base)
    except ImportError as exc:  # no driver installed
        pytest.skip(f"no PostgreSQL driver for FOOTHOLD_TEST_PG_URL: {exc}")
    try:
        with engine.begin() as conn:
            conn.execute(CreateSchema(schema))
    except OperationalError as exc:
        pytest.skip(f"no PostgreSQL server at FOOTHOLD_TEST_PG_URL: {exc}")
    finally:
        engine.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def _pg_drop(base: str, schema: str) -> None:
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(DropSchema(schema, cascade=True))
    engine.dispose()


BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    assert PG_URL
    url, schema = _pg_schema_url(PG_URL)
    yield url
    _pg_drop(PG_URL, schema)


@pytest.fixture
def store(store_url):
    with Store(store_url) as s:
        yield s


# --------------------------------------------------------------------------- builders


def make_evidence(
    n: int,
    published: str | None = "2025-03-14",
    path: str | None = None,
    relevant: bool = True,
) -> Evidence:
    """A small made-up report with two claims and some extracted parts."""
    title = f"Plant report {n}"
    body = (
        f"A shipyard near the coast took on about {100 + n} contract staff this spring. "
        f"Local officials denied that any foreign crews were present at site {n}."
    )
    doc = Document(
        path=path or f"reports/{n}.txt",
        text=f"{title}\n\n{body}",
        title=title,
        title_end=len(title),
        outlet="Coastal Daily",
        published=published,
        published_source="meta",
        language="en",
        url=f"https://example.org/{n}",
        encoding="utf-8",
        format="txt",
        fetched_meta={"status": 200, "tags": ["a", "b"]},
    )
    s1 = doc.text.index("A shipyard")
    e1 = doc.text.index("spring.") + len("spring.")
    s2 = doc.text.index("Local officials")
    e2 = len(doc.text)
    claims = [
        Claim(
            doc_id=doc.doc_id,
            indicator="labour_inflow",
            polarity="positive",
            text=doc.text[s1:e1],
            start=s1,
            end=e1,
            confidence=0.8,
            attributions=["Coastal Daily"],
            sectors=["shipbuilding"],
            event_date="2025-03",
            rule="r1",
        ),
        Claim(
            doc_id=doc.doc_id,
            indicator="official_denial",
            polarity="negative",
            text=doc.text[s2:e2],
            start=s2,
            end=e2,
            confidence=0.55,
            attributions=["local officials"],
            sectors=[],
            event_date=None,
            rule="r2",
        ),
    ]
    return Evidence(
        document=doc,
        relevant=relevant,
        relevance_score=0.75,
        cluster=f"k{n}",
        indicators=[("labour_inflow", "positive"), ("official_denial", "negative")],
        sectors=["shipbuilding"],
        quantities=[
            Quantity(
                value=100.0 + n,
                unit="person",
                measure="contract staff",
                start=5,
                end=9,
                approximate=True,
            )
        ],
        attributions=["Coastal Daily", "local officials"],
        entities=[Entity("Coastal Daily", "media"), Entity("Primorsky Krai", "region")],
        claims=claims,
    )


def as_json(items: list[Evidence]) -> list[dict]:
    return [dataclasses.asdict(e) for e in items]


# --------------------------------------------------------------------------- opening


def test_open_creates_schema_at_head(tmp_path):
    path = tmp_path / "a.db"
    with Store(str(path)) as s:  # a plain path is SQLite
        assert s.url == f"sqlite:///{path}"
        assert s.document_count() == 0
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    engine.dispose()
    with Store(f"sqlite:///{path}") as s:  # reopening is a no-op migration
        assert s.document_count() == 0


def test_default_url_from_env_and_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FOOTHOLD_DB", raising=False)
    with Store() as s:
        assert s.url == "sqlite:///foothold.db"
    assert (tmp_path / "foothold.db").exists()
    monkeypatch.setenv("FOOTHOLD_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with Store() as s:
        assert s.url.endswith("env.db")
    assert (tmp_path / "env.db").exists()


@pytest.mark.parametrize(
    "url",
    [
        "nosuchdb://x/y",
        "sqlite:///no/such/dir/x.db",
        "mysql://u@localhost/x",
        "postgresql://u:p@127.0.0.1:1/x",
    ],
)
def test_bad_urls_raise_store_error(url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError):
        Store(url)


def test_not_a_database_file(tmp_path):
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not a database file at all" * 50)
    with pytest.raises(StoreError):
        Store(str(bad))


def test_closed_store_refuses(tmp_path):
    s = Store(str(tmp_path / "c.db"))
    s.close()
    s.close()  # twice is fine
    with pytest.raises(StoreError):
        s.document_count()


def test_migrations_match_metadata(store):
    with store._engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_downgrade_and_upgrade_again(store):
    store.add_evidence([make_evidence(1)])
    with store._engine.begin() as conn:
        command.downgrade(alembic_config(connection=conn), "base")
    with store._engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() is None
    store.close()
    with Store(store.url) as again:
        assert again.document_count() == 0
        with again._engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_migrations_work_from_any_cwd(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with Store("x.db") as s:
        assert s.document_count() == 0
    assert (elsewhere / "x.db").exists()


# --------------------------------------------------------------------------- evidence


def test_round_trip(store):
    items = [
        make_evidence(1),
        make_evidence(2, published="2024-11"),
        make_evidence(3, published=None),
    ]
    result = store.add_evidence(items)
    assert result == AddResult(new=3, existing=0, new_doc_ids=[e.doc_id for e in items])
    loaded = store.load_evidence()
    # ordered by published, undated last
    assert [e.doc_id for e in loaded] == [items[1].doc_id, items[0].doc_id, items[2].doc_id]
    by_id = {e.doc_id: e for e in loaded}
    for e in items:
        got = by_id[e.doc_id]
        assert got == e
        assert got.document.text == e.document.text
        assert got.claims[0].claim_id == e.claims[0].claim_id
        assert got.to_jsonl() == e.to_jsonl()
    assert store.document_count() == 3
    assert store.claim_count() == 6
    assert store.get_document(items[0].doc_id) == items[0]
    assert store.get_document("dnope") is None


def test_round_trip_unicode_and_empty_parts(store):
    doc = Document(
        path="ру/отчёт.html",
        text="Завод\n\nТекст без утверждений — 공장.",
        title="Завод",
        title_end=5,
        format="html",
    )
    ev = Evidence(document=doc)
    store.add_evidence([ev])
    assert store.load_evidence() == [ev]


def test_idempotent_add(store):
    items = [make_evidence(i) for i in range(5)]
    first = store.add_evidence(items)
    assert first.new == 5 and first.existing == 0
    docs, claims = store.document_count(), store.claim_count()
    again = store.add_evidence(items)
    assert again == AddResult(new=0, existing=5, new_doc_ids=[])
    assert (store.document_count(), store.claim_count()) == (docs, claims)
    assert as_json(store.load_evidence()) == as_json(sorted(items, key=lambda e: e.doc_id))


def test_same_content_other_path_records_path(store):
    ev = make_evidence(1, path="feeds/a.xml#1")
    store.add_evidence([ev])
    before = store.get_document(ev.doc_id)
    copy = make_evidence(1, path="mirror/a.txt")
    # whitespace differences are the same content
    copy.document.text = copy.document.text.replace(" ", "  ", 1)
    assert copy.doc_id == ev.doc_id
    res = store.add_evidence([copy])
    assert res.new == 0 and res.existing == 1
    assert store.document_count() == 1
    assert store.document_paths(ev.doc_id) == ["feeds/a.xml#1", "mirror/a.txt"]
    after = store.get_document(ev.doc_id)
    assert after.document.path == "feeds/a.xml#1"  # the first path stays the document's path
    assert after == before


def test_duplicates_within_one_call(store):
    a, b = make_evidence(1), make_evidence(2)
    res = store.add_evidence([a, b, a, a])
    assert res.new == 2 and res.existing == 2
    assert res.new_doc_ids == [a.doc_id, b.doc_id]
    assert store.document_count() == 2


def test_add_nothing(store):
    assert store.add_evidence([]) == AddResult(0, 0, [])
    assert store.add_evidence(iter(())) == AddResult(0, 0, [])


def test_failing_item_stores_nothing_of_the_call(store):
    store.add_evidence([make_evidence(1)])
    before = as_json(store.load_evidence())

    class Boom:
        @property
        def document(self):
            raise RuntimeError("boom")

    with pytest.raises(StoreError, match="item 1"):
        store.add_evidence([make_evidence(2), Boom(), make_evidence(3)])
    assert as_json(store.load_evidence()) == before
    assert store.document_count() == 1

    def generator():
        yield make_evidence(4)
        raise OSError("disk gone")

    with pytest.raises(OSError):
        store.add_evidence(generator())
    assert store.document_count() == 1


def test_claim_of_other_document_rejected(store):
    ev = make_evidence(1)
    ev.claims[1] = dataclasses.replace(ev.claims[1], doc_id="dforeign")
    with pytest.raises(StoreError, match="doc_id"):
        store.add_evidence([make_evidence(2), ev])
    assert store.document_count() == 0


def test_database_failure_rolls_back(store):
    store.add_evidence([make_evidence(1)])
    bad = make_evidence(2)
    bad.document.fetched_meta = {"handle": object()}  # not JSON-serialisable
    with pytest.raises(StoreError):
        store.add_evidence([make_evidence(3), bad])
    assert store.document_count() == 1
    assert store.claim_count() == 2


def test_last_seen_updated(store):
    ev = make_evidence(1)
    store.add_evidence([ev])
    with store._engine.connect() as conn:
        first = conn.execute(text("SELECT first_seen, last_seen FROM documents")).one()
    time.sleep(0.01)
    store.add_evidence([ev])
    with store._engine.connect() as conn:
        second = conn.execute(text("SELECT first_seen, last_seen FROM documents")).one()
    assert second[0] == first[0]
    assert second[1] > first[1]


def test_as_of_partial_dates(store):
    dates = {
        "a": "2025-06",
        "b": "2025-06-15",
        "c": "2025-07-01",
        "d": "2025",
        "e": "2024-12-31",
        "f": None,
    }
    items = {k: make_evidence(i, published=v) for i, (k, v) in enumerate(dates.items())}
    store.add_evidence(items.values())

    def kept(as_of):
        ids = {e.doc_id for e in store.load_evidence(as_of=as_of)}
        return {k for k, e in items.items() if e.doc_id in ids}

    assert kept(None) == set(dates)
    assert kept("2025-06-30") == {"a", "b", "d", "e"}
    assert kept("2025-06") == {"a", "b", "d", "e"}
    assert kept("2025-06-01") == {"a", "d", "e"}
    assert kept("2025") == {"a", "b", "c", "d", "e"}
    assert kept("2024") == {"e"}
    assert kept("2024-12-30") == set()
    assert kept("2025-06-30T23:59:00Z") == {"a", "b", "d", "e"}
    with pytest.raises(ValueError):
        store.load_evidence(as_of="June 2025")


def test_relevant_only_and_order(store):
    items = [
        make_evidence(1, published="2025-02"),
        make_evidence(2, published="2025-01", relevant=False),
        make_evidence(3, published="2024"),
    ]
    store.add_evidence(items)
    got = store.load_evidence(relevant_only=True)
    assert [e.doc_id for e in got] == [items[2].doc_id, items[0].doc_id]
    assert all(e.relevant for e in got)


def test_set_clusters(store):
    a, b = make_evidence(1), make_evidence(2)
    store.add_evidence([a, b])
    store.set_clusters({a.doc_id: "k-shared", b.doc_id: "k-shared", "dunknown": "k9"})
    assert {e.cluster for e in store.load_evidence()} == {"k-shared"}
    store.set_clusters({a.doc_id: None})
    assert store.get_document(a.doc_id).cluster is None
    store.set_clusters({})


def test_errors(store):
    store.record_error("bad/1.pdf", "unsupported format")
    store.record_error("bad/2.html", "empty body")
    errs = store.errors()
    assert [(p, r) for p, r, _ in errs] == [
        ("bad/1.pdf", "unsupported format"),
        ("bad/2.html", "empty body"),
    ]
    assert all(at.endswith("+00:00") for _, _, at in errs)


# --------------------------------------------------------------------------- property test


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    """An empty migrated SQLite file; property-test examples copy it (fast)."""
    path = tmp_path_factory.mktemp("template") / "empty.db"
    Store(str(path)).close()
    return path


def _fresh(template_db, tmp_path_factory, name: str) -> Store:
    target = tmp_path_factory.mktemp(name) / "s.db"
    shutil.copyfile(template_db, target)
    return Store(str(target))


_POOL = [
    make_evidence(i, published=p)
    for i, p in enumerate(["2025-01", None, "2024-06-02", "2025", "2025-01"])
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    picks=st.lists(st.integers(min_value=0, max_value=len(_POOL) - 1), max_size=12),
    split=st.integers(0, 12),
)
def test_duplicates_in_any_order_store_the_unique_set(template_db, tmp_path_factory, picks, split):
    items = [_POOL[i] for i in picks]
    unique = list({e.doc_id: e for e in items}.values())
    with (
        _fresh(template_db, tmp_path_factory, "dups") as dups,
        _fresh(template_db, tmp_path_factory, "once") as once,
    ):
        # the duplicated list may arrive in one call or in two
        r1 = dups.add_evidence(items[:split])
        r2 = dups.add_evidence(items[split:])
        once.add_evidence(unique)
        assert r1.new + r2.new == len(unique)
        assert r1.existing + r2.existing == len(items) - len(unique)
        assert as_json(dups.load_evidence()) == as_json(once.load_evidence())
        assert dups.document_count() == once.document_count() == len(unique)
        assert dups.claim_count() == once.claim_count()


# --------------------------------------------------------------------------- decisions


def test_decisions_with_undo(store):
    d1 = store.add_decision(Decision("claim", "c123", "reject", analyst="ana", reason="misread"))
    assert d1.decision_id and d1.created_at.endswith("+00:00")
    d2 = store.add_decision(
        Decision("source", "Coastal Daily", "grade", analyst="ben", reliability="c")
    )
    assert d2.reliability == "C"
    d3 = store.add_decision(
        Decision("claim", "c456", "grade", analyst="ana", credibility=2, reliability="B")
    )
    assert [d.decision_id for d in store.decisions()] == [
        d1.decision_id,
        d2.decision_id,
        d3.decision_id,
    ]
    undone = store.undo_decision(d1.decision_id, analyst="ben")
    assert undone.undone_by == "ben" and undone.undone_at and not undone.active
    assert [d.decision_id for d in store.decisions()] == [d2.decision_id, d3.decision_id]
    all_ = store.decisions(active_only=False)
    assert [d.decision_id for d in all_] == [d1.decision_id, d2.decision_id, d3.decision_id]
    assert all_[0] == undone
    again = store.undo_decision(d1.decision_id, analyst="cho")  # stays as first undone
    assert again.undone_by == "ben"
    with pytest.raises(KeyError):
        store.undo_decision("jnope", analyst="ben")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"target_kind": "document"},
        {"action": "delete"},
        {"reliability": "G"},
        {"credibility": 7},
        {"credibility": 0},
        {"analyst": ""},
        {"action": "grade"},
    ],
)
def test_decision_validation(store, kwargs):
    base = {"target_kind": "claim", "target_id": "c1", "action": "accept", "analyst": "ana"}
    base.update(kwargs)
    with pytest.raises(ValueError):
        store.add_decision(Decision(**base))
    assert store.decisions(active_only=False) == []


def test_same_decision_twice_in_one_second(store):
    stamp = "2026-01-01T00:00:00+00:00"
    a = store.add_decision(Decision("claim", "c1", "reject", analyst="ana", created_at=stamp))
    store.undo_decision(a.decision_id, analyst="ana")
    b = store.add_decision(Decision("claim", "c1", "reject", analyst="ana", created_at=stamp))
    assert a.decision_id != b.decision_id
    assert [d.decision_id for d in store.decisions()] == [b.decision_id]
    # an explicit id that is taken is refused
    with pytest.raises(StoreError, match="already recorded"):
        store.add_decision(
            Decision("claim", "c2", "accept", analyst="ana", decision_id=a.decision_id)
        )
    assert len(store.decisions(active_only=False)) == 2


# --------------------------------------------------------------------------- sources


def test_source_grades(store):
    store.set_source_grade("Coastal Daily", "B", analyst="ana", reason="track record")
    store.set_source_grade("Rumour Mill", "e", analyst="ana")
    store.set_source_grade("Coastal Daily", "C", analyst="ben", reason="two errors in 2025")
    assert store.source_grades() == {"Coastal Daily": "C", "Rumour Mill": "E"}
    for bad in ["G", "", "AB", "1", None]:
        with pytest.raises(ValueError):
            store.set_source_grade("X", bad, analyst="ana")
    with pytest.raises(ValueError):
        store.set_source_grade("X", "A", analyst="")
    assert "X" not in store.source_grades()


# --------------------------------------------------------------------------- questions


def test_questions_and_forecasts(store):
    q = store.add_question(
        Question(
            "q1",
            "Will a second plant open by 2027?",
            "Two credible reports of operation",
            "2027-01-01",
            hypothesis="H2",
        )
    )
    assert q.created_at
    with pytest.raises(StoreError):
        store.add_question(Question("q1", "dup", "dup", "2027-01-01"))
    store.add_question(Question("q2", "Other?", "criteria", "2026-12-31"))
    assert [x.question_id for x in store.questions()] == ["q1", "q2"]
    assert store.questions()[0] == q

    store.add_forecast(Forecast("q1", "2025-06-01", 0.3))
    store.add_forecast(Forecast("q1", "2025-07-01", 0.4))
    store.add_forecast(Forecast("q1", "2025-06-01", 0.35))  # upsert
    store.add_forecast(Forecast("q1", "2025-06-01", 0.5, method="analyst"))
    store.add_forecast(Forecast("q2", "2025-06-01", 0.9))
    got = store.forecasts("q1")
    assert [(f.as_of, f.method, f.probability) for f in got] == [
        ("2025-06-01", "analyst", 0.5),
        ("2025-06-01", "foothold-assess", 0.35),
        ("2025-07-01", "foothold-assess", 0.4),
    ]
    assert len(store.forecasts()) == 4
    with pytest.raises(ValueError):
        store.add_forecast(Forecast("q1", "2025-08-01", 1.2))
    with pytest.raises(ValueError):
        store.add_forecast(Forecast("q1", "2025-08-01", float("nan")))
    with pytest.raises(StoreError):
        store.add_forecast(Forecast("q-missing", "2025-08-01", 0.2))

    resolved = store.resolve_question("q1", True, "2026-11-01")
    assert resolved.outcome is True and resolved.resolved_at == "2026-11-01"
    assert store.questions()[0].outcome is True
    assert store.questions()[1].outcome is None
    with pytest.raises(KeyError):
        store.resolve_question("nope", False, "2026-11-01")


# --------------------------------------------------------------------------- scenarios


def test_scenario_runs(store):
    store.save_scenario_run(
        "run-1", 42, {"draws": 1000, "rates": [0.1, 0.2]}, {"p_yes": 0.31, "hist": [1, 2, 3]}
    )
    store.save_scenario_run("run-2", 2**63 - 1, {}, {})
    runs = store.scenario_runs()
    assert [r["run_id"] for r in runs] == ["run-1", "run-2"]
    assert runs[0]["seed"] == 42 and runs[0]["params"]["rates"] == [0.1, 0.2]
    assert runs[0]["results"] == {"p_yes": 0.31, "hist": [1, 2, 3]}
    assert runs[1]["seed"] == 2**63 - 1
    store.save_scenario_run("run-1", 7, {"draws": 10}, {"p_yes": 0.5})  # replaces
    runs = {r["run_id"]: r for r in store.scenario_runs()}
    assert runs["run-1"]["seed"] == 7 and len(runs) == 2
    with pytest.raises(ValueError):
        store.save_scenario_run("run-3", 2**64, {}, {})
    with pytest.raises(ValueError):
        store.save_scenario_run("run-3", "7", {}, {})


def test_scenario_numpy_values(store):
    np = pytest.importorskip("numpy")
    store.save_scenario_run(
        "np", np.int64(5), {"n": np.int32(3)}, {"mean": np.float64(0.25), "arr": np.arange(3)}
    )
    run = store.scenario_runs()[0]
    assert run["seed"] == 5 and run["params"] == {"n": 3}
    assert run["results"] == {"mean": 0.25, "arr": [0, 1, 2]}


def test_scenario_unserialisable(store):
    with pytest.raises(StoreError):
        store.save_scenario_run("bad", 1, {"f": object()}, {})
    assert store.scenario_runs() == []


_DATES = st.one_of(
    st.none(),
    st.builds(
        lambda y, m, d, k: f"{y:04d}-{m:02d}-{d:02d}"[: (4, 7, 10)[k]],
        st.integers(2023, 2026),
        st.integers(1, 12),
        st.integers(1, 28),
        st.integers(0, 2),
    ),
)


def _kept_reference(published: str | None, as_of: str) -> bool:
    """The spec: compare at the coarser precision of the two dates."""
    if published is None:
        return False
    k = min(len(published), len(as_of))
    return published[:k] <= as_of[:k]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(dates=st.lists(_DATES, min_size=1, max_size=8), as_of=_DATES.filter(lambda d: d is not None))
def test_as_of_matches_reference(template_db, tmp_path_factory, dates, as_of):
    items = [make_evidence(i, published=p) for i, p in enumerate(dates)]
    with _fresh(template_db, tmp_path_factory, "asof") as s:
        s.add_evidence(items)
        got = [e.doc_id for e in s.load_evidence(as_of=as_of)]
    expected = sorted(
        (e for e in items if _kept_reference(e.document.published, as_of)),
        key=lambda e: (e.document.published, e.doc_id),
    )
    assert got == [e.doc_id for e in expected]


# --------------------------------------------------------------------------- concurrency


def _concurrent_writer(args: tuple[str, int]) -> int:
    url, k = args
    with Store(url) as s:
        res = s.add_evidence([make_evidence(k * 100 + i) for i in range(20)] + [make_evidence(999)])
        s.add_decision(Decision("claim", f"c{k}", "accept", analyst=f"analyst{k}"))
        return res.new


@pytest.mark.slow
def test_concurrent_processes_on_a_fresh_database(store_url):
    """Several processes opening (migrating) and writing one new database at once."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(3) as pool:
        news = pool.map(_concurrent_writer, [(store_url, k) for k in range(3)])
    assert sum(news) == 3 * 20 + 1  # the shared document is stored, and counted, once
    with Store(store_url) as s:
        assert s.document_count() == 61
        assert len(s.decisions()) == 3


# --------------------------------------------------------------------------- speed


@pytest.mark.slow
def test_add_10000_is_fast(tmp_path):
    items = [make_evidence(i, published=f"2024-{i % 12 + 1:02d}") for i in range(10_000)]
    with Store(str(tmp_path / "big.db")) as s:
        wall, cpu = time.perf_counter(), time.process_time()
        res = s.add_evidence(items)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert res.new == 10_000 and s.claim_count() == 20_000
        print(f"add 10,000: {wall:.2f}s wall, {cpu:.2f}s CPU")


# --------------------------------------------------------------------------- edges


def test_non_finite_values_refused(store):
    bad = make_evidence(1)
    bad.relevance_score = float("nan")
    with pytest.raises(StoreError, match="finite"):
        store.add_evidence([bad])
    with pytest.raises(StoreError):
        store.save_scenario_run("nan", 1, {}, {"p": float("nan")})
    assert store.document_count() == 0 and store.scenario_runs() == []


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": "9999"})
    engine.dispose()
    with pytest.raises(StoreError, match="9999"):
        Store(str(path))


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", ":memory:"])
def test_in_memory(url):
    with Store(url) as s:
        s.add_evidence([make_evidence(1)])
        assert s.document_count() == 1
        assert s.load_evidence()[0] == make_evidence(1)


def test_indicators_come_from_claims(store, caplog):
    ev = make_evidence(1)
    ev.indicators = []  # inconsistent with the claims
    with caplog.at_level("WARNING", logger="foothold.store.core"):
        store.add_evidence([ev])
    assert "indicators" in caplog.text
    assert store.get_document(ev.doc_id).indicators == make_evidence(1).indicators


def test_wrong_type_items(store):
    with pytest.raises(StoreError, match="item 0"):
        store.add_evidence([make_evidence(1).document])
    assert store.document_count() == 0


def test_read_only_sqlite_file(tmp_path):
    import sqlite3

    path = tmp_path / "ro.db"
    with Store(str(path)) as s:
        s.add_evidence([make_evidence(1)])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with Store(f"sqlite:///file:{path}?mode=ro&uri=true") as ro:
        assert ro.load_evidence() == [make_evidence(1)]
        with pytest.raises(StoreError):
            ro.add_evidence([make_evidence(2)])
