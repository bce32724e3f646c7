"""Forecast questions: scoring rules, and the probability an assessment gives a question.

Scoring rules for a binary question with forecast probability ``p`` of "yes"
and outcome ``o`` (True = yes); ``p_o`` is the probability given to what happened:

* Brier score (Brier 1950): ``(p - o)^2``; 0 is perfect, 0.25 is a 50% guess,
  lower is better.
* Log score (Good 1952): ``ln(p_o)``; 0 is perfect, ``ln 0.5 = -0.693`` a 50%
  guess, higher is better (natural log).
* Metaculus baseline score (Metaculus scoring FAQ, 2023 scoring rules):
  ``100 * (1 + log2(p_o))``; 100 is perfect, 0 a 50% guess, negative worse than
  chance.  0.9 on a question that resolved yes scores
  ``100 * (1 + log2 0.9) = 84.80``.

Log and baseline scores clamp ``p`` to [0.001, 0.999] (Metaculus does the
same) so that a 0 or 1 forecast gives a finite, very bad score.

A question is tied to the assessment through ``Question.hypothesis``
(:func:`question_probability`):

* a hypothesis id (``h_foothold``): its posterior probability;
* several ids joined by ``+`` (``h_foothold+h_labour_export``): the sum;
* ``!`` before either form: one minus it;
* ``indicator:polarity`` (``ind_inflow:positive``): the posterior predictive
  probability that evidence of that kind turns up,
  ``sum_h P(h | evidence) P(E | h)`` (the case's likelihoods are exactly that
  per-period probability).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from foothold.case import Case
from foothold.model import Forecast, Question

from .types import Assessment

__all__ = [
    "QuestionScore",
    "baseline_score",
    "brier_score",
    "log_score",
    "question_probability",
    "score_questions",
]

log = logging.getLogger(__name__)

P_MIN, P_MAX = 0.001, 0.999


def _check(p: float) -> float:
    if p is None or math.isnan(p) or not (0.0 <= p <= 1.0):
        raise ValueError(f"a probability must be in [0, 1], got {p!r}")
    return float(p)


def _p_outcome(p: float, outcome: bool) -> float:
    p = min(max(_check(p), P_MIN), P_MAX)
    return p if outcome else 1.0 - p


def brier_score(p: float, outcome: bool) -> float:
    """Brier score ``(p - o)^2`` of probability ``p`` (0-1) for a binary outcome; lower is better."""
    return (_check(p) - (1.0 if outcome else 0.0)) ** 2


def log_score(p: float, outcome: bool) -> float:
    """Log score ``ln(p_outcome)`` (natural log, p clamped to [0.001, 0.999]); higher is better, max 0."""
    return math.log(_p_outcome(p, outcome))


def baseline_score(p: float, outcome: bool) -> float:
    """Metaculus baseline score ``100 * (1 + log2(p_outcome))``; 0.9 on a yes gives 84.80."""
    return 100.0 * (1.0 + math.log2(_p_outcome(p, outcome)))


@dataclass(slots=True)
class QuestionScore:
    """Scores of the forecast used for one resolved question."""

    question_id: str
    text: str
    outcome: bool
    probability: float
    as_of: str
    method: str
    brier: float
    log: float
    baseline: float

    def to_json(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "text": self.text,
            "outcome": self.outcome,
            "probability": self.probability,
            "as_of": self.as_of,
            "method": self.method,
            "brier": self.brier,
            "log": self.log,
            "baseline": self.baseline,
        }


def score_questions(
    questions: Sequence[Question], forecasts: Sequence[Forecast], *, method: str | None = None
) -> list[QuestionScore]:
    """Score the latest forecast made before each resolved question resolved.

    For each question with an outcome, the forecast used is the one with the
    latest ``as_of`` that is strictly before the resolution (``resolved_at``, or
    ``resolution_date`` when unset), compared as ISO strings at the coarser
    precision; ties go to the later ``created_at``.  ``method`` keeps only
    forecasts of that method.  Questions without such a forecast are skipped
    (logged).  Returns one :class:`QuestionScore` per scored question, in the
    order of ``questions``.
    """
    by_q: dict[str, list[Forecast]] = {}
    for f in forecasts:
        if method is None or f.method == method:
            by_q.setdefault(f.question_id, []).append(f)
    out = []
    for q in questions:
        if q.outcome is None:
            continue
        cutoff = (q.resolved_at or q.resolution_date or "")[:10]
        usable = [f for f in by_q.get(q.question_id, []) if not cutoff or _before(f.as_of, cutoff)]
        if not usable:
            log.info("question %s resolved but has no forecast before %s", q.question_id, cutoff)
            continue
        f = max(usable, key=lambda f: (f.as_of, f.created_at))
        out.append(
            QuestionScore(
                q.question_id, q.text, bool(q.outcome), f.probability, f.as_of, f.method,
                brier_score(f.probability, q.outcome), log_score(f.probability, q.outcome),
                baseline_score(f.probability, q.outcome),
            )
        )
    return out


def _before(a: str, b: str) -> bool:
    """``a`` strictly before ``b`` at the coarser precision (equal-at-precision is not before)."""
    k = min(len(a), len(b))
    return a[:k] < b[:k]


def question_probability(assessment: Assessment, question: Question | str, case: Case | None = None) -> float:
    """The probability (0-1) the assessment gives a question (see the module docstring for the forms).

    ``question`` is a :class:`Question` or its ``hypothesis`` string.  The
    ``indicator:polarity`` form needs ``case`` (for the likelihoods).  Raises
    ValueError when the question is not tied to the case (no or unknown id).
    """
    spec = question.hypothesis if isinstance(question, Question) else question
    if not spec:
        raise ValueError("the question is not tied to a hypothesis (Question.hypothesis is empty)")
    spec = spec.strip()
    negate = spec.startswith("!")
    if negate:
        spec = spec[1:].strip()
    probs = {h.id: h.probability for h in assessment.hypotheses}
    if ":" in spec:
        if case is None:
            raise ValueError("an indicator:polarity question needs the case")
        ind, _, pol = spec.partition(":")
        try:
            lk = case.likelihoods(ind, pol)
        except KeyError:
            raise ValueError(f"unknown indicator in question: {ind!r}") from None
        if pol not in ("positive", "negative"):
            raise ValueError(f"polarity must be positive or negative, got {pol!r}")
        p = sum(probs[h] * lk[h] for h in probs)
    else:
        ids = [s.strip() for s in spec.split("+") if s.strip()]
        unknown = [i for i in ids if i not in probs]
        if unknown or not ids:
            raise ValueError(f"unknown hypothesis in question: {unknown or spec!r}")
        p = sum(probs[i] for i in ids)
    p = min(max(p, 0.0), 1.0)
    return 1.0 - p if negate else p
