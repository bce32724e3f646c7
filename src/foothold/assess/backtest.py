"""Backtest: ten questions resolved by public facts, forecast by the tool as of the day before.

The questions are those of ``facts-dprk-russia.md`` part C, in our own words.
None of them *is* one of the case's hypotheses: each asks whether a kind of
event the case's indicators describe happened by a date.  The tool's
probability for a question is therefore the posterior predictive probability
of the mapped indicator and polarity (``Question.hypothesis`` =
``"indicator:polarity"``; :func:`foothold.assess.questions.question_probability`),
computed from the evidence published **before** the day the question resolved
(``as_of`` = resolution day minus one), so no report of the outcome leaks in.

Run ``python -m foothold.assess.backtest [CORPUS ...] [-o docs/backtest.md]``:
it reads and extracts the corpus (default: the bundled sample corpus), runs
:func:`run_backtest` and writes the Markdown with :func:`write_backtest_doc`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from foothold.case import Case, default_case
from foothold.model import Evidence, Question

from .bayes import assess
from .questions import baseline_score, brier_score, log_score, question_probability

__all__ = ["BACKTEST_QUESTIONS", "BacktestRow", "load_corpus", "main", "render_backtest", "run_backtest", "write_backtest_doc"]

log = logging.getLogger(__name__)


def _q(qid: str, text: str, criteria: str, resolved: str, outcome: bool, tie: str) -> Question:
    return Question(qid, text, criteria, resolved, created_at="", resolved_at=resolved, outcome=outcome, hypothesis=tie)


#: The ten backtest questions (facts-dprk-russia.md part C), with outcomes and the indicator each is tied to.
BACKTEST_QUESTIONS: tuple[Question, ...] = (
    _q("bt01", "Will Russian statistics put North Korean entries into Russia in 2024 above 10,000?",
       "Rosstat's count of DPRK citizens entering Russia in calendar 2024, as published.",
       "2025-02-05", True, "ind_inflow:positive"),
    _q("bt02", "Will FSB border data show fewer than 1,000 North Koreans entering Russia in Q1 2025?",
       "FSB Border Service count of DPRK entries for January-March 2025.",
       "2025-05-08", True, "ind_inflow:negative"),
    _q("bt03", "Will the UN Security Council renew the DPRK Panel of Experts beyond 30 April 2024?",
       "A Security Council resolution extending the 1718 Committee Panel of Experts mandate.",
       "2024-03-28", False, "ind_enforcement:positive"),
    _q("bt04", "Will the Russia-DPRK Comprehensive Strategic Partnership Treaty be in force before 31 December 2024?",
       "Exchange of ratification instruments before the date.",
       "2024-12-04", True, "ind_state_ties:positive"),
    _q("bt05", "Will the Multilateral Sanctions Monitoring Team publish its first report before 1 July 2025?",
       "A published MSMT report.",
       "2025-05-29", True, "ind_enforcement:positive"),
    _q("bt06", "Will Russia officially say, by 30 June 2025, that North Korea will send workers to rebuild the Kursk region?",
       "An official Russian announcement naming North Korean workers for Kursk reconstruction.",
       "2025-06-17", True, "ind_agreement:positive"),
    _q("bt07", "Will construction of the Russia-DPRK road bridge over the Tumen River officially start before 1 July 2025?",
       "An official start-of-construction ceremony or announcement.",
       "2025-04-30", True, "ind_state_ties:positive"),
    _q("bt08", "Will a scheduled direct Moscow-Pyongyang passenger flight operate in 2025?",
       "A scheduled (not charter) flight operated between the two capitals.",
       "2025-07-27", True, "ind_state_ties:positive"),
    _q("bt09", "Will Hyundai buy back its former St Petersburg plant before its option expires in January 2026?",
       "Hyundai exercises the buy-back option before it lapses.",
       "2026-01-15", False, "ind_market_shift:negative"),
    _q("bt10", "Will Chinese brands' share of new passenger-car sales in Russia fall in 2025 from 2024 while staying above 50%?",
       "Full-year 2025 share (Autostat or equivalent) below 2024's and above 50%.",
       "2026-01-13", True, "ind_market_shift:negative"),
)

#: Notes printed with each question (why the tie; known caveats).
NOTES = {
    "bt01": "Resolved by RFA citing Rosstat: 13,221 (7,887 for education).",
    "bt02": "About 300 entries in Q1 2025.",
    "bt03": "Russian veto; mandate lapsed 30 April 2024. Renewal would have been enforcement news.",
    "bt04": "Instruments exchanged in Moscow on 4 December 2024.",
    "bt05": "Report of 29 May 2025 (visas sought for 8,000 workers in 2024).",
    "bt06": "Shoigu: 1,000 deminers and 5,000 military builders.",
    "bt07": "Ceremony by video link on 30 April 2025.",
    "bt08": "Nordwind's first flight on 27 July 2025.",
    "bt09": "Resolution day uncertain (mid-January 2026); a buy-back would have reversed the market shift.",
    "bt10": "51.7% vs 58.5% (Autostat via Kommersant); narrow margin and counting method matter.",
}


@dataclass(slots=True)
class BacktestRow:
    """One question's forecast and scores (tool, and the prior alone for comparison)."""

    question: Question
    as_of: str
    probability: float
    prior_probability: float
    n_reports: int
    n_origins: int
    brier: float
    log: float
    baseline: float
    prior_brier: float
    prior_baseline: float
    note: str = ""
    words: dict[str, str] = field(default_factory=dict)


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def run_backtest(
    evidence: Sequence[Evidence], case: Case | None = None, questions: Sequence[Question] = BACKTEST_QUESTIONS
) -> list[BacktestRow]:
    """Forecast each resolved question as of the day before it resolved, and score it.

    Returns one :class:`BacktestRow` per question with the tool's probability
    (posterior predictive of the tied indicator), the same computed from the
    priors alone, and Brier / log / Metaculus baseline scores of both.
    """
    case = case or default_case()
    prior_only = assess([], case, leave_one_out=False)
    rows = []
    for q in questions:
        if q.outcome is None:
            continue
        as_of = _day_before((q.resolved_at or q.resolution_date)[:10])
        a = assess(list(evidence), case, as_of=as_of, leave_one_out=False, max_contributions=0)
        p = question_probability(a, q, case)
        p0 = question_probability(prior_only, q, case)
        rows.append(
            BacktestRow(
                question=q, as_of=as_of, probability=p, prior_probability=p0,
                n_reports=a.n_reports, n_origins=a.n_origins,
                brier=brier_score(p, q.outcome), log=log_score(p, q.outcome), baseline=baseline_score(p, q.outcome),
                prior_brier=brier_score(p0, q.outcome), prior_baseline=baseline_score(p0, q.outcome),
                note=NOTES.get(q.question_id, ""),
                words={h.id: h.word for h in a.hypotheses},
            )
        )
    return rows


def render_backtest(rows: Sequence[BacktestRow], corpus_label: str) -> str:
    """The Markdown of docs/backtest.md for these rows."""
    n = len(rows)
    lines = [
        "# Backtest: ten questions resolved by public facts",
        "",
        "Generated by `python -m foothold.assess.backtest` (rerun to refresh). "
        f"Evidence: {corpus_label}.",
        "",
        "Each question is forecast **as of the day before it resolved**, from the evidence published",
        "by then, so the report of the outcome itself is never used. None of these questions is one of",
        "the case's hypotheses; each is tied to the indicator whose evidence would answer it, and the",
        "tool's probability is the posterior predictive probability of that evidence,",
        "`Σ_h P(h | evidence) · P(indicator, polarity | h)` (docs/method.md, section 9). This is a weak,",
        "indirect test: the case's likelihood tables were written for the hypotheses, not for these",
        "events, so the scores say more about the tables than about the reports.",
        "",
        "\"Prior only\" is the same computation with no evidence; the difference between the two",
        "columns is what the evidence added.",
        "",
        "| # | question | resolved | outcome | tied to | as of | reports / origins | tool p(yes) | prior-only p(yes) | Brier | baseline |",
        "|---|---|---|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        q = r.question
        lines.append(
            f"| {q.question_id} | {q.text} | {q.resolved_at} | {'YES' if q.outcome else 'NO'} | `{q.hypothesis}` | "
            f"{r.as_of} | {r.n_reports} / {r.n_origins} | {r.probability:.3f} | {r.prior_probability:.3f} | "
            f"{r.brier:.3f} | {r.baseline:.1f} |"
        )
    if n:
        lines += [
            "",
            f"| summary (n = {n}) | tool | prior only | always 50% |",
            "|---|---:|---:|---:|",
            f"| mean Brier (lower is better) | {sum(r.brier for r in rows) / n:.3f} | {sum(r.prior_brier for r in rows) / n:.3f} | 0.250 |",
            f"| mean log score (higher is better) | {sum(r.log for r in rows) / n:.3f} | "
            f"{sum(log_score(r.prior_probability, bool(r.question.outcome)) for r in rows) / n:.3f} | -0.693 |",
            f"| mean Metaculus baseline (higher is better) | {sum(r.baseline for r in rows) / n:.1f} | {sum(r.prior_baseline for r in rows) / n:.1f} | 0.0 |",
        ]
    lines += ["", "## Questions, resolution criteria and notes", ""]
    for r in rows:
        q = r.question
        lines.append(f"- **{q.question_id}**: {q.text} *Resolves on:* {q.criteria} "
                     f"*Outcome:* {'YES' if q.outcome else 'NO'} ({q.resolved_at}). {r.note}")
    lines += [
        "",
        "Source of questions and outcomes: `facts-dprk-russia.md`, part C (public reporting; bt09's exact",
        "day is uncertain). Scores: Brier `(p - o)^2`; Metaculus baseline `100 (1 + log2 p_outcome)`.",
        "",
    ]
    return "\n".join(lines)


def write_backtest_doc(rows: Sequence[BacktestRow], path: str | Path, corpus_label: str) -> Path:
    """Write :func:`render_backtest` to ``path``; returns the path."""
    path = Path(path)
    path.write_text(render_backtest(rows, corpus_label), encoding="utf-8")
    return path


def load_corpus(paths: Sequence[str] | None = None, case: Case | None = None) -> tuple[list[Evidence], str]:
    """Read and extract ``paths`` (default: the bundled sample corpus); returns (evidence, label)."""
    from foothold.extract import extract_documents
    from foothold.ingest import iter_documents

    case = case or default_case()
    if not paths:
        root = resources.files("foothold").joinpath("sample", "corpus")
        paths = [str(root)]
        label = "the bundled sample corpus (`src/foothold/sample/corpus`)"
    else:
        label = ", ".join(f"`{p}`" for p in paths)
    items = list(iter_documents(list(paths)))
    evidence = [e for e in extract_documents(items, case) if isinstance(e, Evidence)]
    n_claims = sum(len(e.claims) for e in evidence)
    return evidence, f"{label}, {len(evidence)} documents, {n_claims} claims"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m foothold.assess.backtest", description="Backtest on ten resolved questions.")
    ap.add_argument("paths", nargs="*", help="corpus files or folders (default: the bundled sample corpus)")
    ap.add_argument("-o", "--output", default="docs/backtest.md")
    args = ap.parse_args(argv)
    evidence, label = load_corpus(args.paths)
    rows = run_backtest(evidence)
    out = write_backtest_doc(rows, args.output, label)
    for r in rows:
        print(f"{r.question.question_id}  as of {r.as_of}  p={r.probability:.3f}  prior-only={r.prior_probability:.3f}  "
              f"outcome={'YES' if r.question.outcome else 'NO'}  baseline={r.baseline:.1f}")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
