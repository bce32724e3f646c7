"""Name folding shared by every stage that compares names (sources, outlets, actors)."""

from __future__ import annotations

import re

__all__ = ["fold_name"]

_PUNCT = re.compile(r"[^\w\s]")


def fold_name(name: str) -> str:
    """A comparison key for a name: case-folded, punctuation to spaces, spaces collapsed, no leading "the ".

    "The New York Times" and "new york times" fold alike; so do "Workers' Party" and
    "Workers Party" up to the apostrophe's space.  Same spirit as the scorer's
    ``normalise_name`` (ANNOTATION.md §6-8), without its alias lists.
    """
    folded = " ".join(_PUNCT.sub(" ", name.casefold()).split())
    return folded[4:] if folded.startswith("the ") else folded
