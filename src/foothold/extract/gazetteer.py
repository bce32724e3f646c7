"""Gazetteer: the case's actors and aliases matched in text (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass

from foothold.case import Case


@dataclass(slots=True, frozen=True)
class Mention:
    """An actor mentioned at ``start:end`` of a text, by canonical ``name`` and ``type``."""

    name: str
    type: str
    start: int
    end: int
    alias: str


class Gazetteer:
    """Finds the case's actors by their names and aliases."""

    def __init__(self, case: Case) -> None:
        self.case = case

    def find(self, text: str) -> list[Mention]:
        return []
