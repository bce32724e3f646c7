"""Syndication clusters (placeholder): every document its own cluster."""

from __future__ import annotations

from foothold.model import Evidence


def assign_clusters(evidence: list[Evidence]) -> None:
    """Set ``cluster`` on each Evidence; copies of one original report share an id."""
    for ev in evidence:
        ev.cluster = "s-" + ev.document.doc_id
