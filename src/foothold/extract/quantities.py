"""Quantities: numbers with contract units found in text (placeholder, replaced by the full module)."""

from __future__ import annotations

from foothold.model import Quantity


def find_quantities(text: str, language: str = "en") -> list[Quantity]:
    """Every quantity in ``text`` with a contract unit, in text order, offsets into ``text``."""
    return []
