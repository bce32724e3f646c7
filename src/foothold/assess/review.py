"""Analyst judgement: decisions on claims and sources, applied to the assessment.

Rules (docs/method.md, "Analyst judgement"):

* Only active decisions count: a decision with ``undone_at`` set is ignored.
* On each target (``claim`` + claim id, or ``source`` + name) the **latest**
  active decision wins (by ``created_at``; ties keep the later one in the list).
* ``reject`` a claim: the claim is excluded from the assessment.
* ``accept`` a claim: the claim is kept and its credibility is raised to at
  least 2 ("probably true"); a machine suggestion never lowers it again.  The
  claim counts as analyst-pinned.
* ``grade`` a claim: its reliability and/or credibility are set as given; the
  claim counts as analyst-pinned.
* ``grade`` a source: that reliability applies to every claim whose
  originating source is that name (or an alias of it), overriding the case
  file and the registry.  ``accept``/``reject`` on a source are not defined
  and raise ValueError.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from foothold.model import Decision

from .admiralty import CREDIBILITY_WEIGHT, RELIABILITY_WEIGHT

__all__ = ["ClaimJudgement", "Judgements", "latest_active", "resolve_decisions", "validate_decision"]

log = logging.getLogger(__name__)

ACTIONS = ("accept", "reject", "grade")


@dataclass(slots=True)
class ClaimJudgement:
    """The analyst's standing judgement on one claim."""

    action: str
    reliability: str | None = None
    credibility: int | None = None
    decision_id: str = ""


@dataclass(slots=True)
class Judgements:
    """Decisions resolved into lookups: claim id -> judgement, source name -> letter."""

    claims: dict[str, ClaimJudgement] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def rejected(self) -> set[str]:
        return {cid for cid, j in self.claims.items() if j.action == "reject"}

    def __bool__(self) -> bool:
        return bool(self.claims or self.sources)


def validate_decision(d: Decision) -> None:
    """Raise ValueError when a decision is malformed (kind, action, grade letters/digits)."""
    if d.target_kind not in ("claim", "source"):
        raise ValueError(f"decision target_kind must be claim or source, got {d.target_kind!r}")
    if d.action not in ACTIONS:
        raise ValueError(f"decision action must be one of {ACTIONS}, got {d.action!r}")
    if d.target_kind == "source" and d.action != "grade":
        raise ValueError("a source can only be graded (action 'grade')")
    if d.reliability is not None and d.reliability not in RELIABILITY_WEIGHT:
        raise ValueError(f"reliability must be A-F, got {d.reliability!r}")
    if d.credibility is not None and d.credibility not in CREDIBILITY_WEIGHT:
        raise ValueError(f"credibility must be 1-6, got {d.credibility!r}")
    if d.action == "grade" and d.reliability is None and d.credibility is None:
        raise ValueError("a grade decision needs a reliability letter or a credibility digit")
    if d.target_kind == "source" and d.reliability is None:
        raise ValueError("a source grade needs a reliability letter A-F")
    if not d.target_id:
        raise ValueError("decision target_id is empty")


def latest_active(decisions: Iterable[Decision]) -> dict[tuple[str, str], Decision]:
    """The latest active decision per (target_kind, target_id); undone decisions are skipped."""
    indexed = [(d.created_at or "", i, d) for i, d in enumerate(decisions) if d.active]
    indexed.sort(key=lambda t: (t[0], t[1]))
    out: dict[tuple[str, str], Decision] = {}
    for _, _, d in indexed:
        out[(d.target_kind, d.target_id)] = d
    return out


def resolve_decisions(decisions: Iterable[Decision] | None) -> Judgements:
    """Resolve a list of decisions (any order, some undone) into :class:`Judgements`.

    Malformed decisions are skipped with a warning in the log.
    """
    j = Judgements()
    if not decisions:
        return j
    for (kind, target), d in latest_active(decisions).items():
        try:
            validate_decision(d)
        except ValueError as exc:
            log.warning("ignoring decision %s on %s %s: %s", d.decision_id, kind, target, exc)
            continue
        if kind == "claim":
            j.claims[target] = ClaimJudgement(d.action, d.reliability, d.credibility, d.decision_id)
        else:
            j.sources[target] = d.reliability  # type: ignore[assignment]
    return j


def apply_claim_judgement(
    judgement: ClaimJudgement | None, reliability: str, machine_cred: int
) -> tuple[str, int, bool]:
    """(reliability, credibility, pinned) for a claim given the analyst's judgement on it.

    Without a judgement, the machine values are returned unpinned.  ``accept``
    keeps the reliability and gives credibility ``min(machine, 2)`` (1 is
    better than 2); ``grade`` replaces what it gives.
    """
    if judgement is None:
        return reliability, machine_cred, False
    if judgement.action == "accept":
        return reliability, min(machine_cred, 2), True
    if judgement.action == "grade":
        return (judgement.reliability or reliability, judgement.credibility or machine_cred, True)
    return reliability, machine_cred, False
