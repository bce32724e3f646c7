"""Relevance: does a document bear on the case at all?"""

from __future__ import annotations

from foothold.extract.gazetteer import Mention
from foothold.model import Claim, Document


def judge_relevance(doc: Document, claims: list[Claim], mentions: list[Mention]) -> tuple[bool, float]:
    """(relevant, score 0-1): relevant when at least one claim was found."""
    score = min(1.0, sum(c.confidence for c in claims) / 2.0)
    return bool(claims), score
