"""Dates inside claims, resolved against the publication date (placeholder)."""

from __future__ import annotations


def resolve_event_date(sentence: str, published: str | None, language: str = "en") -> str | None:
    """Partial ISO date of the event a sentence reports, or None."""
    return None
