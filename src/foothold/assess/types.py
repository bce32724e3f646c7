"""Result types of an assessment, shared by the assessment, the CLI and the report.

An :class:`Assessment` holds, for each hypothesis, its prior and posterior
probability with the ICD 203 word for it, and the list of
:class:`Contribution` records that explain how the evidence moved it: one per
independent origin (a syndication cluster or an originating source), each with
its likelihood ratios, its Admiralty grade and the sentence it rests on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Assessment", "Contribution", "HypothesisResult", "TimelinePoint"]


@dataclass(slots=True)
class HypothesisResult:
    """Posterior of one hypothesis.

    Attributes:
        probability: posterior probability (0-1).
        word: ICD 203 expression of likelihood ("likely", "roughly even chance"...).
        word_range: the ICD 203 band of that word, as (low, high) probabilities.
    """

    id: str
    label: str
    prior: float
    probability: float
    word: str
    word_range: tuple[float, float]

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["word_range"] = list(self.word_range)
        return out


@dataclass(slots=True)
class Contribution:
    """How one independent origin of evidence moved the hypotheses.

    Attributes:
        origin: id of the independent origin (cluster or originating source).
        indicator, polarity: the evidence kind.
        log_lr: natural-log likelihood ratio of each hypothesis against the
            others' prior-weighted mixture, after tempering by ``weight``.
        weight: 0-1 trust weight from the Admiralty grade (see docs/method.md).
        grade: Admiralty code, reliability letter + credibility digit ("B2").
        n_reports: documents carrying this origin's evidence; ``claim_ids`` the claims.
        sentence, outlet, published, attributions, doc_id, path: the claim shown to the analyst.
        influence: max over hypotheses of ``|log_lr[h]|`` (the sort key).
        source: the originating source whose reliability letter is in ``grade``.
        analyst: True when an analyst's decision set this grade.
        clusters: the syndication clusters merged into this origin.
    """

    origin: str
    indicator: str
    polarity: str
    log_lr: dict[str, float]
    weight: float
    grade: str
    n_reports: int
    claim_ids: list[str]
    sentence: str
    outlet: str | None
    published: str | None
    attributions: list[str]
    doc_id: str
    path: str
    influence: float = 0.0
    source: str | None = None
    analyst: bool = False
    clusters: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class TimelinePoint:
    """Posterior of every hypothesis as of ``date`` (partial ISO), after ``n_origins`` origins."""

    date: str
    probabilities: dict[str, float]
    n_reports: int
    n_origins: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Assessment:
    """The assessment of a case from a body of evidence, as of a date.

    ``n_reports`` counts relevant documents used; ``n_origins`` the independent
    origins they come down to.  ``method`` names the method and its parameters
    (and ``n_items``, the number of (origin, indicator, polarity) items in the
    posterior; ``contributions`` holds the most influential of them).
    ``leave_one_out`` lists, by decreasing ``change``, dicts with ``origin``,
    ``clusters``, ``change`` (max absolute change in any hypothesis
    probability when the origin is removed), ``hypothesis`` (the one that
    moves most), ``probabilities_without``, ``indicators``, ``sentence``,
    ``outlet``, ``published`` and ``grade``.  ``n_claims`` counts the claims
    used; ``n_rejected`` those an analyst rejected.
    """

    case_id: str
    as_of: str | None
    hypotheses: list[HypothesisResult]
    contributions: list[Contribution]
    n_reports: int
    n_origins: int
    method: dict[str, Any] = field(default_factory=dict)
    leave_one_out: list[dict[str, Any]] = field(default_factory=list)
    n_claims: int = 0
    n_rejected: int = 0

    def probability(self, hyp_id: str) -> float:
        for h in self.hypotheses:
            if h.id == hyp_id:
                return h.probability
        raise KeyError(hyp_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case_id,
            "as_of": self.as_of,
            "hypotheses": [h.to_json() for h in self.hypotheses],
            "n_reports": self.n_reports,
            "n_origins": self.n_origins,
            "evidence": [c.to_json() for c in self.contributions],
            "leave_one_out": self.leave_one_out,
            "n_claims": self.n_claims,
            "n_rejected": self.n_rejected,
            "method": self.method,
        }
