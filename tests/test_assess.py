"""Correctness of the assessment: worked examples, invariants, analyst judgement."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foothold.assess import (
    ach_matrix,
    assess,
    bayes_update,
    heuer_discount,
    icd203,
    tempered_likelihood,
    timeline,
)
from foothold.assess.admiralty import SourceRegistry, parse_grade, weight
from foothold.assess.dates import on_or_before
from foothold.assess.questions import (
    baseline_score,
    brier_score,
    log_score,
    question_probability,
    score_questions,
)
from foothold.assess.review import resolve_decisions
from foothold.case import default_case, parse_case
from foothold.model import Claim, Decision, Document, Evidence, Forecast, Quantity, Question

CASE = default_case()


def make_ev(
    sentence: str,
    indicator: str = "ind_placement_target",
    polarity: str = "positive",
    published: str | None = "2026-03-01",
    cluster: str | None = None,
    source: str | None = "Daily NK",
    outlet: str = "Some Outlet",
    path: str | None = None,
    quantities: list[Quantity] | None = None,
    relevant: bool = True,
) -> Evidence:
    text = f"Title\n\n{sentence}"
    start = text.index(sentence)
    doc = Document(path=path or f"doc-{abs(hash((sentence, published, cluster, outlet, path)))}.txt", text=text,
                   title="Title", title_end=5, outlet=outlet, published=published)
    claim = Claim(doc_id=doc.doc_id, indicator=indicator, polarity=polarity, text=sentence, start=start,
                  end=start + len(sentence), attributions=[source] if source else [])
    return Evidence(document=doc, relevant=relevant, cluster=cluster, claims=[claim], quantities=quantities or [])


def copy_of(ev: Evidence, n: int) -> Evidence:
    """A syndicated copy: same cluster, different outlet and path, same sentence."""
    doc = ev.document
    text = doc.text + f"\n\nRepost {n}."
    d2 = Document(path=f"{doc.path}#copy{n}", text=text, title=doc.title, title_end=doc.title_end,
                  outlet=f"Aggregator {n}", published=doc.published)
    claims = [Claim(doc_id=d2.doc_id, indicator=c.indicator, polarity=c.polarity, text=c.text, start=c.start,
                    end=c.end, attributions=list(c.attributions)) for c in ev.claims]
    return Evidence(document=d2, relevant=True, cluster=ev.cluster, claims=claims, quantities=list(ev.quantities))


def probs(a) -> np.ndarray:
    return np.array([h.probability for h in a.hypotheses])


# ---------------------------------------------------------------------------
# worked examples


def test_heuer_75_percent_report_on_75_percent_event_gives_56_percent():
    assert heuer_discount(0.75, 0.75) == pytest.approx(0.5625)
    assert round(100 * heuer_discount(0.75, 0.75)) == 56


def test_taxi_cab_problem():
    post = bayes_update({"blue": 0.15, "green": 0.85}, {"blue": 0.80, "green": 0.20})
    assert post["blue"] == pytest.approx(0.12 / 0.29)
    assert round(post["blue"], 2) == 0.41


TAXI_CASE = """
id: taxi
title: Taxi-cab problem
question: Which company's cab was in the accident?
horizon: "2030"
hypotheses:
  - {id: blue, label: Blue, statement: The cab was blue., prior: 0.15}
  - {id: green, label: Green, statement: The cab was green., prior: 0.85}
indicators:
  - id: says_blue
    label: Witness says blue
    description: The witness, right 80% of the time, says the cab was blue.
    likelihood:
      positive: {blue: 0.8, green: 0.2}
      negative: {blue: 0.2, green: 0.8}
sectors: []
units: []
"""


def test_taxi_cab_problem_through_assess_with_a_fully_trusted_witness():
    case = parse_case(TAXI_CASE)
    ev = make_ev("The witness said the cab was blue.", indicator="says_blue", source="witness")
    cid = ev.claims[0].claim_id
    grade = Decision("claim", cid, "grade", "tester", reliability="A", credibility=1, created_at="2026-01-01T00:00:00")
    a = assess([ev], case, decisions=[grade], model_error=0.0)  # the worked example is plain Bayes
    assert a.probability("blue") == pytest.approx(0.12 / 0.29)
    assert a.contributions[0].grade == "A1"
    assert a.contributions[0].weight == 1.0


def test_metaculus_baseline_score():
    assert baseline_score(0.9, True) == pytest.approx(84.80, abs=0.005)
    assert baseline_score(0.5, True) == pytest.approx(0.0)
    assert baseline_score(0.9, False) == pytest.approx(100 * (1 + math.log2(0.1)))


def test_brier_and_log_scores():
    assert brier_score(0.9, True) == pytest.approx(0.01)
    assert brier_score(0.9, False) == pytest.approx(0.81)
    assert log_score(0.5, False) == pytest.approx(math.log(0.5))
    assert math.isfinite(log_score(1.0, False))
    with pytest.raises(ValueError):
        brier_score(1.2, True)


def test_score_questions_uses_latest_forecast_before_resolution():
    q = Question("q1", "Will it?", "criteria", "2025-06-30", resolved_at="2025-05-01", outcome=True)
    open_q = Question("q2", "Open?", "criteria", "2027-01-01")
    fs = [Forecast("q1", "2025-01-01", 0.6), Forecast("q1", "2025-04-01", 0.9), Forecast("q1", "2025-05-02", 0.99),
          Forecast("q2", "2025-01-01", 0.5)]
    scores = score_questions([q, open_q], fs)
    assert [s.question_id for s in scores] == ["q1"]
    assert scores[0].probability == 0.9
    assert scores[0].baseline == pytest.approx(84.80, abs=0.005)


def test_tempered_likelihood_endpoints():
    p = np.array([0.6, 0.05, 0.02])
    assert tempered_likelihood(p, 1.0) == pytest.approx(p)
    assert tempered_likelihood(p, 0.0) == pytest.approx(np.full(3, p.mean()))


# ---------------------------------------------------------------------------
# independence of origins


def test_three_syndicated_copies_count_once():
    ev = make_ev("North Korean workers were seen at the Haval plant in Tula.", cluster="c1")
    once = assess([ev], CASE)
    thrice = assess([ev, copy_of(ev, 1), copy_of(ev, 2)], CASE)
    assert probs(thrice) == pytest.approx(probs(once), abs=1e-12)
    assert thrice.n_reports == 3 and thrice.n_origins == 1
    assert once.n_origins == 1
    assert thrice.contributions[0].n_reports == 3


def _corpus_for_property() -> list[Evidence]:
    return [
        make_ev("Workers seen at the Haval plant in Tula.", cluster="a", source="Daily NK", published="2026-03-01"),
        make_ev("Rosstat counted 13,221 entries.", indicator="ind_inflow", cluster="b", source="Rosstat",
                published="2025-02-05"),
        make_ev("Firms refuse North Korean labour.", indicator="ind_partner_reluctance", cluster="c",
                source="Kommersant", published="2025-06-01"),
        make_ev("No talks took place.", indicator="ind_negotiation", polarity="negative", cluster=None,
                source=None, published="2025-07-01"),
        make_ev("Workers at a drone plant in Alabuga.", indicator="ind_placement_other_mfg", cluster="e",
                source="Ukraine's Defence Intelligence", published="2025-11-01"),
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(1, 4)), max_size=6))
def test_duplicating_evidence_within_its_cluster_never_changes_the_posterior(dups):
    base = _corpus_for_property()
    reference = probs(assess(base, CASE))
    extended = list(base)
    for i, times in dups:
        ev = base[i]
        if ev.cluster is None:  # an unclustered document duplicated verbatim has the same doc_id
            extended.extend([ev] * times)
        else:
            extended.extend(copy_of(ev, 100 * i + t) for t in range(times))
    a = assess(extended, CASE)
    assert probs(a) == pytest.approx(reference, abs=1e-12)
    assert a.n_origins == len(base)


def test_relays_of_the_same_source_in_different_clusters_merge():
    q = [Quantity(value=13221, unit="person", start=-1, end=-1)]
    a = make_ev("Rosstat said 13,221 North Koreans entered Russia in 2024.", indicator="ind_inflow", cluster="x1",
                source="Rosstat", published="2025-02-05", quantities=q)
    b = make_ev("According to Rosstat, 13221 DPRK citizens came to Russia last year.", indicator="ind_inflow",
                cluster="x2", source="Federal State Statistics Service", published="2025-02-20", quantities=q)
    late = make_ev("Rosstat: 13,221 North Korean entries in 2024.", indicator="ind_inflow", cluster="x3",
                   source="Rosstat", published="2025-06-20", quantities=q)
    merged = assess([a, b], CASE)
    assert merged.n_origins == 1
    assert probs(merged) == pytest.approx(probs(assess([a], CASE)))
    assert assess([a, late], CASE).n_origins == 2  # outside the 30-day window


def test_near_identical_sentences_merge_but_different_numbers_do_not():
    a = make_ev("NIS says 1,000 workers were sent to Alabuga drone plant.", indicator="ind_placement_other_mfg",
                cluster="n1", source="NIS", published="2025-05-01")
    b = make_ev("NIS says 1,000 workers were sent to the Alabuga drone plant!", indicator="ind_placement_other_mfg",
                cluster="n2", source="National Intelligence Service", published="2025-05-03")
    c = make_ev("NIS says 5,000 workers were sent to Alabuga drone plant.", indicator="ind_placement_other_mfg",
                cluster="n3", source="NIS", published="2025-05-04")
    assert assess([a, b], CASE).n_origins == 1
    assert assess([a, c], CASE).n_origins == 2


def test_independent_confirmation_raises_credibility_to_1():
    a = make_ev("Workers at a car plant.", cluster="k1", source="Daily NK")
    b = make_ev("North Koreans assemble phones.", cluster="k2", source="Radio Free Asia")
    alone = assess([a], CASE)
    both = assess([a, b], CASE)
    assert alone.contributions[0].grade == "C3"
    assert {c.grade for c in both.contributions} == {"C1"}


# ---------------------------------------------------------------------------
# grades and analyst judgement


def test_grades_visibly_change_weights():
    sentence = "North Korean workers assemble cars at a Chinese-led plant."
    a_src = assess([make_ev(sentence, source="US Treasury")], CASE)
    e_src = assess([make_ev(sentence, source="anonymous source")], CASE)
    prior = CASE.hypothesis("h_foothold").prior
    assert a_src.contributions[0].grade == "A2" and e_src.contributions[0].grade == "E4"
    assert a_src.contributions[0].weight > e_src.contributions[0].weight
    assert a_src.probability("h_foothold") - prior > e_src.probability("h_foothold") - prior > 0


def test_registry_and_source_decision_override_case_grade():
    sentence = "North Korean workers assemble cars at a Chinese-led plant."
    ev = make_ev(sentence, source="Daily NK")
    base = assess([ev], CASE)
    upgraded = assess([ev], CASE, grades={"DailyNK": "A"})
    assert upgraded.contributions[0].grade == "A2"
    assert upgraded.probability("h_foothold") > base.probability("h_foothold")
    d = Decision("source", "Daily NK", "grade", "ana", reliability="E", created_at="2026-01-01T00:00:00")
    down = assess([ev], CASE, grades={"DailyNK": "A"}, decisions=[d])
    assert down.contributions[0].grade.startswith("E")
    assert down.probability("h_foothold") < base.probability("h_foothold")


def test_unknown_source_defaults_to_F():
    reg = SourceRegistry(CASE)
    assert reg.lookup("Some Blog Nobody Knows") == ("F", "default")
    assert reg.lookup("NIS") == ("B", "case")
    assert parse_grade("b2") == ("B", 2)
    with pytest.raises(ValueError):
        parse_grade("G7")
    assert weight("A", 1) == 1.0


def test_reject_and_undo_round_trip_restores_the_posterior():
    a = make_ev("Workers at the Haval plant in Tula.", cluster="r1", source="Daily NK")
    b = make_ev("Rosstat counted 13,221 entries.", indicator="ind_inflow", cluster="r2", source="Rosstat")
    before = assess([a, b], CASE)
    reject = Decision("claim", a.claims[0].claim_id, "reject", "ana", reason="misread", created_at="2026-01-02T00:00:00",
                      decision_id="d1")
    rejected = assess([a, b], CASE, decisions=[reject])
    assert rejected.n_origins == 1 and rejected.n_rejected == 1
    assert abs(rejected.probability("h_foothold") - before.probability("h_foothold")) > 0.05
    reject.undone_at = "2026-01-03T00:00:00"
    reject.undone_by = "ana"
    restored = assess([a, b], CASE, decisions=[reject])
    assert probs(restored) == pytest.approx(probs(before), abs=1e-12)


def test_accept_raises_credibility_and_latest_decision_wins():
    ev = make_ev("Workers at the Haval plant in Tula.", source="anonymous source")
    cid = ev.claims[0].claim_id
    accept = Decision("claim", cid, "accept", "ana", created_at="2026-01-01T00:00:00")
    a = assess([ev], CASE, decisions=[accept])
    assert a.contributions[0].grade == "E2" and a.contributions[0].analyst
    regrade = Decision("claim", cid, "grade", "bob", reliability="B", credibility=3, created_at="2026-01-02T00:00:00")
    b = assess([ev], CASE, decisions=[accept, regrade])
    assert b.contributions[0].grade == "B3"
    j = resolve_decisions([regrade, accept])  # order of the list does not matter, created_at does
    assert j.claims[cid].action == "grade"


def test_accept_is_not_overwritten_by_a_contradiction():
    ev = make_ev("Workers at the Haval plant in Tula.", cluster="p1", source="Daily NK")
    contra = make_ev("No North Koreans work at car plants.", polarity="negative", cluster="p2", source="Kommersant")
    machine = assess([ev, contra], CASE)
    assert [c.grade for c in machine.contributions if c.polarity == "positive"] == ["C5"]
    accept = Decision("claim", ev.claims[0].claim_id, "accept", "ana", created_at="2026-01-01T00:00:00")
    judged = assess([ev, contra], CASE, decisions=[accept])
    assert [c.grade for c in judged.contributions if c.polarity == "positive"] == ["C2"]


# ---------------------------------------------------------------------------
# scope, timeline, leave-one-out, ACH


def test_as_of_excludes_later_and_undated_evidence():
    early = make_ev("Rosstat counted 13,221 entries.", indicator="ind_inflow", cluster="t1", source="Rosstat",
                    published="2025-02-05")
    later = make_ev("Workers at the Haval plant in Tula.", cluster="t2", published="2026-03-01")
    month = make_ev("Talks were held.", indicator="ind_negotiation", cluster="t3", published="2025-03")
    undated = make_ev("Workers at a phone plant.", cluster="t4", published=None)
    a = assess([early, later, month, undated], CASE, as_of="2025-03-01")
    assert a.n_reports == 2  # early and the month-precision report (same month at its precision)
    assert {c.indicator for c in a.contributions} == {"ind_inflow", "ind_negotiation"}
    assert assess([early, later, month, undated], CASE).n_reports == 4  # undated count when there is no as_of
    assert on_or_before("2025-03", "2025-03-01") and not on_or_before("2025-04", "2025-03-31")
    with pytest.raises(ValueError):
        assess([early], CASE, as_of="March 2025")


def test_irrelevant_documents_do_not_count():
    ev = make_ev("Workers at the Haval plant in Tula.", relevant=False)
    a = assess([ev], CASE)
    assert a.n_reports == 0 and a.n_origins == 0
    assert probs(a) == pytest.approx([h.prior for h in CASE.hypotheses])


def test_timeline_is_cumulative_and_ends_at_the_assessment():
    evs = _corpus_for_property()
    points = timeline(evs, CASE)
    assert [p.date for p in points] == sorted({e.document.published for e in evs})
    assert [p.n_origins for p in points] == sorted(p.n_origins for p in points)
    final = assess(evs, CASE)
    assert np.array(list(points[-1].probabilities.values())) == pytest.approx(probs(final))


def test_leave_one_out_matches_recomputation():
    evs = _corpus_for_property()
    a = assess(evs, CASE)
    top = a.leave_one_out[0]
    assert a.leave_one_out == sorted(a.leave_one_out, key=lambda d: -d["change"])
    rest = [e for e in evs if (e.cluster or "doc:" + e.doc_id) not in top["clusters"]]
    again = probs(assess(rest, CASE))
    assert np.array(list(top["probabilities_without"].values())) == pytest.approx(again)
    assert top["change"] == pytest.approx(np.abs(again - probs(a)).max())


def test_contributions_sorted_by_influence_with_sentence_and_grade():
    a = assess(_corpus_for_property(), CASE)
    infl = [c.influence for c in a.contributions]
    assert infl == sorted(infl, reverse=True)
    c = a.contributions[0]
    assert c.sentence and c.grade[0] in "ABCDEF" and c.grade[1] in "123456" and c.published


def test_prior_override():
    a = assess([], CASE, priors={"h_foothold": 0.5})
    assert sum(probs(a)) == pytest.approx(1.0)
    assert a.probability("h_foothold") == pytest.approx(0.5 / (0.5 + 0.55 + 0.30))


def test_ach_matrix_marks():
    rows = ach_matrix(_corpus_for_property(), CASE)
    target = next(r for r in rows if r["indicator"] == "ind_placement_target")
    assert target["marks"]["h_foothold"] in ("C", "CC")
    assert target["marks"]["h_stall"] in ("I", "II")
    assert all(set(r["marks"].values()) <= {"CC", "C", "N", "I", "II"} for r in rows)


def test_question_probability_forms():
    a = assess(_corpus_for_property(), CASE)
    p = {h.id: h.probability for h in a.hypotheses}
    assert question_probability(a, "h_foothold") == pytest.approx(p["h_foothold"])
    assert question_probability(a, "!h_stall") == pytest.approx(1 - p["h_stall"])
    assert question_probability(a, "h_foothold+h_labour_export") == pytest.approx(1 - p["h_stall"])
    lk = CASE.likelihoods("ind_inflow", "positive")
    assert question_probability(a, "ind_inflow:positive", CASE) == pytest.approx(sum(p[h] * lk[h] for h in p))
    with pytest.raises(ValueError):
        question_probability(a, "h_nope")


# ---------------------------------------------------------------------------
# ICD 203


@pytest.mark.parametrize(
    ("p", "word"),
    [
        (0.0, "almost no chance"),
        (0.01, "almost no chance"),
        (0.0499, "almost no chance"),
        (0.05, "very unlikely"),
        (0.1999, "very unlikely"),
        (0.20, "unlikely"),
        (0.45, "roughly even chance"),
        (0.5499, "roughly even chance"),
        (0.55, "likely"),
        (0.80, "very likely"),
        (0.95, "almost certain"),
        (0.99, "almost certain"),
        (1.0, "almost certain"),
    ],
)
def test_icd203_boundaries(p, word):
    assert icd203.word(p) == word


def test_icd203_rejects_nonsense_and_keeps_confidence_apart():
    with pytest.raises(ValueError):
        icd203.word(1.5)
    s = icd203.likelihood_sentence("Industrial foothold", 0.23)
    assert s == "Industrial foothold: unlikely (23%)."
    c = icd203.confidence_sentence("low", "few independent origins")
    assert icd203.check_separation(s + " " + c) == []
    assert icd203.check_separation("It is likely, and we have high confidence.") != []
    with pytest.raises(ValueError):
        icd203.confidence_sentence("low", "it is likely")


# ---------------------------------------------------------------------------
# backtest


def test_backtest_runs_and_renders_without_leakage():
    from foothold.assess.backtest import BACKTEST_QUESTIONS, render_backtest, run_backtest

    assert len(BACKTEST_QUESTIONS) == 10 and all(q.outcome is not None for q in BACKTEST_QUESTIONS)
    on_day = make_ev("Rosstat: 13,221 North Koreans entered Russia in 2024.", indicator="ind_inflow",
                     cluster="bt", source="Rosstat", published="2025-02-05")
    rows = run_backtest([on_day], CASE)
    assert len(rows) == 10
    bt01 = rows[0]
    assert bt01.as_of == "2025-02-04" and bt01.n_reports == 0  # the resolving report is not used
    assert bt01.probability == pytest.approx(bt01.prior_probability)
    md = render_backtest(rows, "test")
    assert md.count("| bt") == 10 and "mean Brier" in md


@settings(max_examples=40, deadline=None)
@given(st.permutations(list(range(5))))
def test_order_of_the_evidence_never_changes_the_posterior(order):
    base = _corpus_for_property()
    reference = probs(assess(base, CASE))
    assert probs(assess([base[i] for i in order], CASE)) == pytest.approx(reference, abs=1e-12)


def test_one_untrusted_report_cannot_rule_a_hypothesis_out():
    # ind_placement_target positive: P = 0.60 / 0.05 / 0.02, a 30:1 ratio at full trust
    p = np.array([0.60, 0.05, 0.02])
    for w in (0.1, 0.5, 0.9):
        pw = tempered_likelihood(p, w)
        bound = (w * p.max() + (1 - w) * p.mean()) / ((1 - w) * p.mean())
        assert pw.max() / pw.min() <= bound + 1e-12
        assert pw.max() / pw.min() < p.max() / p.min()


def test_source_decision_by_alias_applies_to_canonical_attribution():
    ev = make_ev("Workers at the Haval plant in Tula.", source="South Korea's National Intelligence Service")
    d = Decision("source", "NIS", "grade", "ana", reliability="E", created_at="2026-01-01T00:00:00")
    a = assess([ev], CASE, decisions=[d])
    assert a.contributions[0].grade.startswith("E")


def test_model_error_keeps_every_hypothesis_above_its_share_of_the_prior():
    from foothold.assess.bayes import with_model_error

    case = default_case()
    evs = [
        make_ev(f"Border data showed {1000 + i} North Koreans entered Russia.", indicator="ind_inflow", cluster=f"m{i}", source=f"Source {i}")
        for i in range(12)
    ]
    plain = assess(evs, case, model_error=0.0, leave_one_out=False)
    humble = assess(evs, case, model_error=0.05, leave_one_out=False)
    for h in case.hypotheses:
        assert humble.probability(h.id) >= 0.05 * h.prior - 1e-12
        assert humble.probability(h.id) == pytest.approx(0.95 * plain.probability(h.id) + 0.05 * h.prior)
    assert sum(x.probability for x in humble.hypotheses) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        with_model_error(np.array([0.5, 0.5]), np.array([0.5, 0.5]), 1.0)
