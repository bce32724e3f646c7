"""Attributions: who a report says its information comes from (placeholder)."""

from __future__ import annotations

from foothold.extract.gazetteer import Gazetteer


def find_attributions(
    text: str, sentences: list[tuple[int, int]], language: str, gazetteer: Gazetteer
) -> tuple[list[str], dict[int, list[str]]]:
    """(document attributions, {sentence index: attributions of that sentence})."""
    return [], {}
