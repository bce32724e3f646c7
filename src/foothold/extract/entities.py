"""Entities: canonical actors and unknown names (placeholder)."""

from __future__ import annotations

from foothold.extract.gazetteer import Gazetteer
from foothold.model import Entity


def find_entities(text: str, language: str, gazetteer: Gazetteer) -> list[Entity]:
    """Entities of a document, once each, canonical names first."""
    return []
