"""The Admiralty (NATO) grading system and the trust weight it gives evidence.

Reliability of the source (NATO AJP-2.1, *Allied Joint Doctrine for
Intelligence Procedures*; US Army FM 2-22.3, *Human Intelligence Collector
Operations* (2006), appendix B, table B-1):

=  =====================  ======
A  completely reliable    1.00
B  usually reliable       0.85
C  fairly reliable        0.70
D  not usually reliable   0.50
E  unreliable             0.30
F  cannot be judged       0.45
=  =====================  ======

Credibility of the information (FM 2-22.3 table B-2):

=  ====================  ======  ==========================================
1  confirmed             1.00    another independent origin reports the same indicator and polarity
2  probably true         0.90    not confirmed; the source is A or B (or an analyst accepted it)
3  possibly true         0.75    not confirmed; the source is C
4  doubtful              0.55    not confirmed; the source is D or E
5  improbable            0.30    not confirmed and contradicted (another origin reports the opposite polarity)
6  cannot be judged      0.50    not confirmed; the source is F (unknown)
=  ====================  ======  ==========================================

The trust weight of a piece of evidence is ``w = r(reliability) * c(credibility)``
in [0, 1]; "A1" is 1.0, "B2" 0.765, "C3" 0.525, "F6" 0.225, "E5" 0.09.  The
numbers are this project's judgement (documented in docs/method.md), chosen to
be monotone in both letters and digits, with F and 6 ("cannot be judged")
placed between "fairly" and "not usually" reliable, not at the bottom: an
unknown source is not a known bad one.

Unknown sources and outlets default to ``F`` (:data:`DEFAULT_RELIABILITY`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from foothold.case import Case
from foothold.names import fold_name

__all__ = [
    "CREDIBILITY_WEIGHT",
    "DEFAULT_RELIABILITY",
    "RELIABILITY_WEIGHT",
    "SourceRegistry",
    "machine_credibility",
    "parse_grade",
    "weight",
]

log = logging.getLogger(__name__)

RELIABILITY_WEIGHT: dict[str, float] = {"A": 1.0, "B": 0.85, "C": 0.70, "D": 0.50, "E": 0.30, "F": 0.45}
CREDIBILITY_WEIGHT: dict[int, float] = {1: 1.0, 2: 0.90, 3: 0.75, 4: 0.55, 5: 0.30, 6: 0.50}
RELIABILITY_LABEL = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_LABEL = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
DEFAULT_RELIABILITY = "F"

_GRADE_RE = re.compile(r"^\s*([A-Fa-f])?\s*([1-6])?\s*$")


def parse_grade(text: str) -> tuple[str | None, int | None]:
    """Parse "B2", "B", "2" into (reliability letter, credibility digit); ValueError otherwise."""
    m = _GRADE_RE.match(text or "")
    if not m or not (m.group(1) or m.group(2)):
        raise ValueError(f"not an Admiralty grade (A-F then 1-6, e.g. B2): {text!r}")
    letter = m.group(1).upper() if m.group(1) else None
    digit = int(m.group(2)) if m.group(2) else None
    return letter, digit


def weight(reliability: str, credibility: int) -> float:
    """Trust weight w = r(reliability) * c(credibility), in [0, 1]; KeyError for an unknown grade."""
    return RELIABILITY_WEIGHT[reliability] * CREDIBILITY_WEIGHT[credibility]


def machine_credibility(reliability: str, confirmed: bool, contradicted: bool) -> int:
    """The credibility digit the tool suggests (see the module table): 1 confirmed, 5 contradicted, else by source."""
    if confirmed:
        return 1
    if contradicted:
        return 5
    if reliability in ("A", "B"):
        return 2
    if reliability == "C":
        return 3
    if reliability in ("D", "E"):
        return 4
    return 6


class SourceRegistry:
    """Reliability letters by source name: user registry over the case's actors over the default.

    Lookup is by canonical name or any alias (case- and punctuation-folded).
    ``grades`` (name -> letter) is the user-editable registry (for example
    ``Store.source_grades()`` plus ``review source`` decisions); it overrides
    the case's ``Actor.reliability``.  Names found nowhere get ``default``.
    """

    def __init__(self, case: Case, grades: Mapping[str, str] | None = None, default: str = DEFAULT_RELIABILITY):
        if default not in RELIABILITY_WEIGHT:
            raise ValueError(f"default reliability must be A-F, got {default!r}")
        self.default = default
        self._case_map: dict[str, str] = {}
        self._canonical: dict[str, str] = {}
        for actor in case.actors:
            for name in [actor.name, *actor.aliases]:
                key = fold_name(name)
                self._canonical.setdefault(key, actor.name)
                if actor.reliability:
                    self._case_map.setdefault(key, actor.reliability)
        self._user: dict[str, str] = {}
        self._canon_cache: dict[str, str] = {}
        for name, grade in (grades or {}).items():
            letter = (grade or "").strip().upper()[:1]
            if letter not in RELIABILITY_WEIGHT:
                raise ValueError(f"source grade for {name!r} must be A-F, got {grade!r}")
            self._user[fold_name(self.canonical(name))] = letter
        self._cache: dict[str | None, tuple[str, str]] = {}
        self._canon_cache.clear()

    def canonical(self, name: str) -> str:
        """The case's canonical name for ``name`` (or ``name`` itself)."""
        hit = self._canon_cache.get(name)
        if hit is None:
            hit = self._canon_cache[name] = self._canonical.get(fold_name(name), name)
        return hit

    def lookup(self, name: str | None) -> tuple[str, str]:
        """(reliability letter, where it came from: ``registry``, ``case`` or ``default``)."""
        hit = self._cache.get(name)
        if hit is not None:
            return hit
        if not name:
            out = (self.default, "default")
        else:
            key = fold_name(name)
            canon = fold_name(self._canonical.get(key, name))
            if canon in self._user:
                out = (self._user[canon], "registry")
            elif key in self._case_map:
                out = (self._case_map[key], "case")
            else:
                out = (self.default, "default")
        self._cache[name] = out
        return out
