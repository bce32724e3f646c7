"""The assessment CLI commands, against an in-memory fake store and the real Store."""

from __future__ import annotations

import json
from dataclasses import replace

import click
import pytest
from click.testing import CliRunner

from foothold.assess import commands, icd203
from foothold.assess.bayes import assess
from foothold.case import default_case
from foothold.model import Decision, Forecast, Question, make_id
from test_assess import make_ev

CASE = default_case()


class FakeStore:
    """In-memory stand-in with the Store methods the commands use."""

    def __init__(self, evidence=None):
        self.evidence = list(evidence or [])
        self._decisions: list[Decision] = []
        self._grades: dict[str, str] = {}
        self._questions: dict[str, Question] = {}
        self._forecasts: list[Forecast] = []

    def close(self):
        pass

    def load_evidence(self, as_of=None, relevant_only=False):
        from foothold.assess.dates import on_or_before

        out = []
        for e in self.evidence:
            if relevant_only and not e.relevant:
                continue
            if as_of is not None and (not e.document.published or not on_or_before(e.document.published, as_of)):
                continue
            out.append(e)
        return out

    def add_decision(self, d):
        d.created_at = d.created_at or "2026-01-01T00:00:00"
        d.decision_id = d.decision_id or make_id("j", d.target_kind, d.target_id, d.action, d.analyst, d.created_at,
                                                 len(self._decisions))
        self._decisions.append(d)
        return d

    def undo_decision(self, decision_id, analyst):
        for i, d in enumerate(self._decisions):
            if d.decision_id == decision_id:
                if d.undone_at is None:
                    self._decisions[i] = replace(d, undone_at="2026-01-09T00:00:00", undone_by=analyst)
                return self._decisions[i]
        raise KeyError(decision_id)

    def decisions(self, active_only=True):
        return [d for d in self._decisions if d.active or not active_only]

    def set_source_grade(self, name, reliability, analyst, reason=""):
        self._grades[name] = reliability

    def source_grades(self):
        return dict(self._grades)

    def add_question(self, q):
        if q.question_id in self._questions:
            raise ValueError("taken")
        self._questions[q.question_id] = q
        return q

    def questions(self):
        return list(self._questions.values())

    def resolve_question(self, qid, outcome, resolved_at):
        q = self._questions[qid]
        q.outcome, q.resolved_at = outcome, resolved_at
        return q

    def add_forecast(self, f):
        self._forecasts = [x for x in self._forecasts if (x.question_id, x.as_of, x.method) != (f.question_id, f.as_of, f.method)]
        self._forecasts.append(f)

    def forecasts(self, question_id=None):
        return [f for f in self._forecasts if question_id is None or f.question_id == question_id]


def corpus():
    return [
        make_ev("North Korean workers were seen at the Haval plant in Tula.", cluster="a", source="Daily NK",
                published="2026-03-01", outlet="Daily NK"),
        make_ev("Rosstat counted 13,221 North Korean entries in 2024.", indicator="ind_inflow", cluster="b",
                source="Rosstat", published="2025-02-05", outlet="Radio Free Asia"),
        make_ev("Russian firms refuse North Korean labour.", indicator="ind_partner_reluctance", cluster="c",
                source="Kommersant", published="2025-06-01", outlet="Kommersant"),
        make_ev("A drone plant in Alabuga took North Korean workers.", indicator="ind_placement_other_mfg",
                cluster="e", source="Ukraine's Defence Intelligence", published="2025-11-01", outlet="Kyiv Independent"),
    ]


@pytest.fixture
def cli_env():
    store = FakeStore(corpus())
    commands.set_store_factory(lambda url: store)

    @click.group()
    def root():
        pass

    commands.register(root)
    yield root, store, CliRunner()
    commands.set_store_factory(None)


def test_assess_text(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["assess"])
    assert r.exit_code == 0, r.output
    assert "4 reports / 4 independent origins" in r.output
    for h in CASE.hypotheses:
        assert h.label in r.output
    assert "Evidence that moved it most:" in r.output


def test_assess_json_contract(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["assess", "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert [h["id"] for h in out["hypotheses"]] == CASE.hypothesis_ids
    assert all({"id", "probability", "word"} <= set(h) for h in out["hypotheses"])
    assert out["n_reports"] == 4 and out["n_origins"] == 4
    assert out["evidence"] and {"sentence", "outlet", "published", "grade", "log_lr"} <= set(out["evidence"][0])
    assert sum(h["probability"] for h in out["hypotheses"]) == pytest.approx(1.0)


def test_explain_never_mixes_likelihood_and_confidence_words(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["assess", "--explain"])
    assert r.exit_code == 0, r.output
    assert "Leave-one-out:" in r.output
    assert "confidence" in r.output  # the confidence sentence is there ...
    assert icd203.check_separation(r.output) == []  # ... but never with a likelihood word
    text = commands.render_text(assess(corpus(), CASE), CASE)
    assert icd203.check_separation(text) == []


def test_assess_as_of_prior_and_matrix(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["assess", "--as-of", "2025-06-30", "--prior", "h_foothold=0.5", "--format", "json", "--matrix"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["n_reports"] == 2
    assert out["hypotheses"][0]["prior"] == pytest.approx(0.5 / 1.35)
    assert out["matrix"] and set(out["matrix"][0]["marks"]) == set(CASE.hypothesis_ids)
    r = runner.invoke(root, ["assess", "--matrix"])
    assert "CC/C: consistent" in r.output
    r = runner.invoke(root, ["assess", "--prior", "h_nope=0.3"])
    assert r.exit_code == 2
    r = runner.invoke(root, ["assess", "--as-of", "yesterday"])
    assert r.exit_code == 2


def test_timeline_json(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["timeline", "--format", "json"])
    assert r.exit_code == 0, r.output
    pts = json.loads(r.output)
    assert [p["date"] for p in pts] == ["2025-02-05", "2025-06-01", "2025-11-01", "2026-03-01"]
    assert [p["n_origins"] for p in pts] == [1, 2, 3, 4]
    r = runner.invoke(root, ["timeline"])
    assert "2026-03-01" in r.output


def _foothold(runner, root):
    out = json.loads(runner.invoke(root, ["assess", "--format", "json"]).output)
    return out["hypotheses"][0]["probability"]


def test_review_reject_undo_round_trip(cli_env):
    root, store, runner = cli_env
    before = _foothold(runner, root)
    cid = store.evidence[0].claims[0].claim_id
    r = runner.invoke(root, ["review", "claim", cid, "--reject", "--analyst", "ana", "--reason", "misread"])
    assert r.exit_code == 0, r.output
    did = r.output.strip().splitlines()[0]
    rejected = _foothold(runner, root)
    assert rejected < before - 0.05
    r = runner.invoke(root, ["review", "list"])
    assert did in r.output and "reject" in r.output
    r = runner.invoke(root, ["review", "undo", did, "--analyst", "ana"])
    assert r.exit_code == 0, r.output
    assert _foothold(runner, root) == pytest.approx(before, abs=1e-12)
    r = runner.invoke(root, ["review", "list", "--all"])
    assert "UNDONE" in r.output
    r = runner.invoke(root, ["review", "undo", "nope", "--analyst", "ana"])
    assert r.exit_code == 1


def test_review_grade_claim_and_source(cli_env):
    root, store, runner = cli_env
    before = _foothold(runner, root)
    r = runner.invoke(root, ["review", "source", "Daily NK", "--grade", "A", "--analyst", "ana", "--reason", "track record"])
    assert r.exit_code == 0, r.output
    up = _foothold(runner, root)
    assert up > before
    cid = store.evidence[0].claims[0].claim_id
    r = runner.invoke(root, ["review", "claim", cid, "--grade", "E5", "--analyst", "bob"])
    assert r.exit_code == 0, r.output
    assert _foothold(runner, root) < before
    r = runner.invoke(root, ["review", "claim", cid, "--grade", "Z9", "--analyst", "bob"])
    assert r.exit_code == 2
    r = runner.invoke(root, ["review", "claim", cid, "--accept", "--reject", "--analyst", "bob"])
    assert r.exit_code in (0, 2)  # click keeps the last flag value; never crashes


def test_questions_add_record_resolve_score(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["question", "add", "q1", "--text", "Foothold by 2030?", "--criteria", "1,000 workers",
                             "--resolution-date", "2030-12-31", "--hypothesis", "h_foothold"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(root, ["question", "add", "q2", "--text", "Inflow?", "--criteria", "Rosstat",
                             "--resolution-date", "2025-12-31", "--hypothesis", "ind_inflow:positive"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(root, ["question", "add", "q3", "--text", "Bad", "--criteria", "x",
                             "--resolution-date", "2025-12-31", "--hypothesis", "h_nope"])
    assert r.exit_code == 2
    r = runner.invoke(root, ["question", "record", "--as-of", "2025-06-30"])
    assert r.exit_code == 0, r.output
    assert "q1" in r.output and "q2" in r.output
    r = runner.invoke(root, ["question", "resolve", "q2", "--yes", "--resolved-at", "2025-12-31"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(root, ["question", "score", "--format", "json"])
    out = json.loads(r.output)
    assert out["n"] == 1 and out["scores"][0]["question_id"] == "q2"
    r = runner.invoke(root, ["question", "list"])
    assert "resolved YES" in r.output


def _cli_on_stored_corpus(tmp_path):
    """A runner, a command group with the assess commands, and a SQLite URL holding ``corpus()``."""
    from foothold.store import Store

    url = f"sqlite:///{tmp_path / 'case.db'}"
    with Store(url) as s:
        s.add_evidence(corpus())

    @click.group()
    def root():
        pass

    commands.register(root)
    return CliRunner(), root, url


def test_commands_against_the_real_store(tmp_path):
    runner, root, url = _cli_on_stored_corpus(tmp_path)
    r = runner.invoke(root, ["assess", "--db", url, "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["n_reports"] == 4 and out["n_origins"] == 4
    before = out["hypotheses"][0]["probability"]
    direct = assess(corpus(), CASE)
    assert before == pytest.approx(direct.probability("h_foothold"))
    cid = corpus()[0].claims[0].claim_id
    r = runner.invoke(root, ["review", "claim", cid, "--reject", "--analyst", "ana", "--db", url])
    assert r.exit_code == 0, r.output
    did = r.output.strip().splitlines()[0]
    out2 = json.loads(runner.invoke(root, ["assess", "--db", url, "--format", "json"]).output)
    assert out2["hypotheses"][0]["probability"] < before
    r = runner.invoke(root, ["review", "undo", did, "--analyst", "ana", "--db", url])
    assert r.exit_code == 0, r.output
    out3 = json.loads(runner.invoke(root, ["assess", "--db", url, "--format", "json"]).output)
    assert out3["hypotheses"][0]["probability"] == pytest.approx(before)
    r = runner.invoke(root, ["timeline", "--db", url, "--format", "json"])
    assert r.exit_code == 0 and len(json.loads(r.output)) == 4


# ---------------------------------------------------------------------------
# rough edges found in review


def test_review_claim_unknown_id_fails(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["review", "claim", "cdeadbeefdeadbeef", "--reject", "--analyst", "ana"])
    assert r.exit_code == 1
    assert "no stored claim with id cdeadbeefdeadbeef" in r.output
    assert store.decisions(active_only=False) == []


def test_review_source_unknown_name_warns_but_records(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["review", "source", "Nobody Weekly", "--grade", "B", "--analyst", "ana"])
    assert r.exit_code == 0, r.output
    assert "no stored claim cites Nobody Weekly yet" in r.stderr
    assert [d.target_id for d in store.decisions()] == ["Nobody Weekly"]
    r = runner.invoke(root, ["review", "source", "daily nk", "--grade", "B", "--analyst", "ana"])
    assert r.exit_code == 0, r.output
    assert "no stored claim cites" not in r.stderr  # an outlet of a stored claim, folded
    actor = CASE.actors[0].name
    r = runner.invoke(root, ["review", "source", actor, "--grade", "B", "--analyst", "ana"])
    assert "no stored claim cites" not in r.stderr  # a case actor


@pytest.mark.parametrize("args", [
    ["assess"], ["timeline"], ["review", "list"], ["question", "list"], ["question", "score"],
    ["question", "record"], ["review", "source", "Daily NK", "--grade", "A", "--analyst", "ana"],
    ["question", "add", "q1", "--text", "t", "--criteria", "c", "--resolution-date", "2030"],
])
def test_missing_sqlite_file_is_a_usage_error_and_not_created(tmp_path, args):
    path = tmp_path / "typo.db"

    @click.group()
    def root():
        pass

    commands.register(root)
    runner = CliRunner()
    for db in (str(path), f"sqlite:///{path}"):
        r = runner.invoke(root, [*args, "--db", db])
        assert r.exit_code == 2, r.output
        assert f"no database at {path}: run `foothold ingest` first" in r.output
        assert not path.exists()


def test_missing_default_database_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FOOTHOLD_DB", str(tmp_path / "nothing.db"))

    @click.group()
    def root():
        pass

    commands.register(root)
    r = CliRunner().invoke(root, ["assess"])
    assert r.exit_code == 2 and "no database at" in r.output
    assert not (tmp_path / "nothing.db").exists()


def test_sqlite_path_parsing():
    assert commands._sqlite_path("sqlite:///a/b.db") == "a/b.db"
    assert commands._sqlite_path("sqlite:////abs/b.db?mode=ro") == "/abs/b.db"
    assert commands._sqlite_path("case.db") == "case.db"
    assert commands._sqlite_path("sqlite://") is None
    assert commands._sqlite_path("sqlite:///:memory:") is None
    assert commands._sqlite_path("postgresql+psycopg://u@h/db") is None


def test_assess_text_names_hypothesis_direction_and_claim(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["assess"])
    assert r.exit_code == 0, r.output
    assert "(LR for h_" not in r.output
    lines = r.output.split("Evidence that moved it most:")[1].strip().splitlines()
    labels = [h.label for h in CASE.hypotheses]
    ids = {c.claim_id for e in store.evidence for c in e.claims}
    for line in lines:
        m = __import__("re").search(r"LR [0-9.,]+ (for|against) (.+?): \[", line)
        assert m and m.group(2) in labels, line
        cid = line.rsplit("[claim ", 1)[1].rstrip("]").split()[0]
        assert cid in ids
    # the Haval sighting is the strongest item, for the foothold
    assert "for Industrial foothold" in lines[0] and "Haval" in lines[0]
    r = runner.invoke(root, ["assess", "--explain"])
    assert "against Stall" in r.output and "[claim c" in r.output
    assert icd203.check_separation(r.output) == []


def test_timeline_text_uses_labels(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["timeline"])
    head = r.output.splitlines()[0]
    for h in CASE.hypotheses:
        assert h.label in head
    assert "h_foothold" not in head


def test_word_range_never_excludes_the_value():
    assert commands.word_range_text(0.0008, (0.01, 0.05)) == "below 1%"
    assert commands.word_range_text(0.997, (0.95, 0.99)) == "above 99%"
    assert commands.word_range_text(0.3, (0.20, 0.45)) == "20–45%"
    a = assess(corpus(), CASE)
    tiny = replace(a.hypotheses[2], probability=0.0008, word="almost no chance", word_range=(0.01, 0.05))
    a = replace(a, hypotheses=[*a.hypotheses[:2], tiny])
    text = commands.render_text(a, CASE)
    assert "almost no chance (below 1%)" in text
    assert "1–5%" not in text


def test_review_list_empty(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["review", "list"])
    assert r.exit_code == 0 and r.stdout.startswith("no decisions")
    r = runner.invoke(root, ["review", "list", "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == []


def test_undo_twice_says_when_and_who(cli_env):
    root, store, runner = cli_env
    cid = store.evidence[0].claims[0].claim_id
    did = runner.invoke(root, ["review", "claim", cid, "--reject", "--analyst", "ana"]).stdout.strip()
    assert runner.invoke(root, ["review", "undo", did, "--analyst", "bob"]).exit_code == 0
    r = runner.invoke(root, ["review", "undo", did, "--analyst", "cy"])
    assert r.exit_code == 1
    assert f"decision {did} was already undone on 2026-01-09 by bob" in r.output


def test_resolve_twice_needs_force(cli_env):
    root, store, runner = cli_env
    runner.invoke(root, ["question", "add", "q1", "--text", "t", "--criteria", "c", "--resolution-date", "2099"])
    assert runner.invoke(root, ["question", "resolve", "q1", "--yes", "--resolved-at", "2026-02-01"]).exit_code == 0
    r = runner.invoke(root, ["question", "resolve", "q1", "--no"])
    assert r.exit_code == 1 and "already resolved YES" in r.output and "--force" in r.output
    assert store.questions()[0].outcome is True
    r = runner.invoke(root, ["question", "resolve", "q1", "--no", "--force", "--resolved-at", "2026-03-01"])
    assert r.exit_code == 0, r.output
    assert store.questions()[0].outcome is False


def test_question_add_past_date_warns(cli_env):
    root, store, runner = cli_env
    r = runner.invoke(root, ["question", "add", "old", "--text", "t", "--criteria", "c", "--resolution-date", "2001-01-01"])
    assert r.exit_code == 0 and r.stdout.strip() == "old"
    assert "resolution date 2001-01-01 is in the past" in r.stderr
    r = runner.invoke(root, ["question", "add", "new", "--text", "t", "--criteria", "c", "--resolution-date", "2099"])
    assert r.exit_code == 0 and "in the past" not in r.stderr
    assert {q.question_id for q in store.questions()} == {"old", "new"}


def test_real_store_unknown_claim_and_resolve(tmp_path):
    runner, root, url = _cli_on_stored_corpus(tmp_path)
    r = runner.invoke(root, ["review", "claim", "cnope", "--accept", "--analyst", "ana", "--db", url])
    assert r.exit_code == 1 and "no stored claim with id cnope" in r.output
    cid = corpus()[0].claims[0].claim_id
    did = runner.invoke(root, ["review", "claim", cid, "--accept", "--analyst", "ana", "--db", url]).stdout.strip()
    assert runner.invoke(root, ["review", "undo", did, "--analyst", "ana", "--db", url]).exit_code == 0
    r = runner.invoke(root, ["review", "undo", did, "--analyst", "ana", "--db", url])
    assert r.exit_code == 1 and "was already undone on" in r.output and "by ana" in r.output
