"""Indicator rules: sentences to claims (placeholder)."""

from __future__ import annotations

from foothold.case import Case
from foothold.extract.gazetteer import Mention
from foothold.model import Claim, Document


def find_claims(
    doc: Document,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    sentence_attributions: dict[int, list[str]],
    case: Case,
) -> list[Claim]:
    """Claims found in the document's sentences."""
    return []
