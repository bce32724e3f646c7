"""ICD 203 expressions of likelihood, and sentences that use them correctly.

Intelligence Community Directive 203, *Analytic Standards* (ODNI, 2 January
2015), section D.6.b.(2)(a), gives seven terms with the probability ranges
they stand for:

==========================  ==========
almost no chance / remote   01-05 %
very unlikely               05-20 %
unlikely                    20-45 %
roughly even chance         45-55 %
likely                      55-80 %
very likely                 80-95 %
almost certain(ly)          95-99 %
==========================  ==========

The directive writes the bands with shared end points.  Here each band is
**lower-bound inclusive, upper-bound exclusive**: ``[0.05, 0.20)`` is "very
unlikely", so exactly 5 % is "very unlikely", exactly 55 % is "likely" and
exactly 95 % is "almost certain".  Values below 1 % are clamped to "almost no
chance" and values at or above 99 % (up to 1) to "almost certain".

ICD 203 also requires that *analytic confidence* (high / moderate / low
confidence in a judgement, from the quality of the sources and reasoning) is
kept apart from the *likelihood* of the event: "[they] should not be combined
in the same sentence".  :func:`likelihood_sentence` and
:func:`confidence_sentence` build the two separately and
:func:`check_separation` enforces the rule on any rendered text.
"""

from __future__ import annotations

import logging
import math
import re

__all__ = [
    "BANDS",
    "CONFIDENCE_WORDS",
    "band",
    "check_separation",
    "confidence_sentence",
    "likelihood_sentence",
    "word",
]

log = logging.getLogger(__name__)

#: (word, low, high): low inclusive, high exclusive (the last band includes 1.0).
BANDS: tuple[tuple[str, float, float], ...] = (
    ("almost no chance", 0.01, 0.05),
    ("very unlikely", 0.05, 0.20),
    ("unlikely", 0.20, 0.45),
    ("roughly even chance", 0.45, 0.55),
    ("likely", 0.55, 0.80),
    ("very likely", 0.80, 0.95),
    ("almost certain", 0.95, 0.99),
)

#: Words that express analytic confidence; never in a sentence with a likelihood word.
CONFIDENCE_WORDS: tuple[str, ...] = ("high confidence", "moderate confidence", "low confidence")

_LIKELIHOOD_RE = re.compile(
    r"\b(almost no chance|remote|very unlikely|unlikely|roughly even chance|roughly even odds|"
    r"very likely|likely|probably|probable|almost certain(?:ly)?|nearly certain|highly likely|highly unlikely)\b",
    re.IGNORECASE,
)
_CONFIDENCE_RE = re.compile(r"\b(high|moderate|low)\s+confidence\b", re.IGNORECASE)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def band(p: float) -> tuple[str, float, float]:
    """The ICD 203 band ``(word, low, high)`` for probability ``p`` (0-1).

    Bands are lower-bound inclusive; ``p < 0.01`` gives the first band and
    ``p >= 0.99`` the last (clamping).  Raises ValueError for NaN or a value
    outside [0, 1].
    """
    if p is None or math.isnan(p) or p < 0.0 or p > 1.0:
        raise ValueError(f"probability must be in [0, 1], got {p!r}")
    if p < BANDS[0][1]:
        return BANDS[0]
    for entry in BANDS:
        if entry[1] <= p < entry[2]:
            return entry
    return BANDS[-1]


def word(p: float) -> str:
    """The ICD 203 expression of likelihood for probability ``p`` (see :func:`band`)."""
    return band(p)[0]


def _pct(p: float) -> str:
    pct = 100.0 * p
    if 1.0 <= pct <= 99.0:
        return f"{pct:.0f}%"
    return "<1%" if pct < 1.0 else ">99%"


def likelihood_sentence(subject: str, p: float, *, statement: str | None = None) -> str:
    """One sentence with the ICD 203 word and the number, e.g. "Industrial foothold: unlikely (23%)."

    The sentence never contains an analytic-confidence phrase; pass the
    confidence to :func:`confidence_sentence` and print it as its own sentence.
    """
    w = word(p)
    core = f"{subject}: {w} ({_pct(p)})"
    if statement:
        core += f", that {statement.rstrip('.')}"
    return core + "."


def confidence_sentence(level: str, reason: str) -> str:
    """A separate sentence on analytic confidence: "We have low confidence in this judgement, because ...".

    ``level`` is ``high``, ``moderate`` or ``low``.  ``reason`` must not itself
    contain a likelihood word (ValueError), so the sentence stays separate.
    """
    if level not in ("high", "moderate", "low"):
        raise ValueError(f"confidence level must be high, moderate or low, got {level!r}")
    if _LIKELIHOOD_RE.search(reason):
        raise ValueError("a confidence sentence must not contain a likelihood word")
    return f"We have {level} confidence in this judgement, because {reason.rstrip('.')}."


def check_separation(text: str) -> list[str]:
    """Sentences of ``text`` that mix a likelihood word with a confidence phrase (empty list = fine)."""
    bad = []
    for sentence in _SENTENCE_SPLIT.split(text):
        if _CONFIDENCE_RE.search(sentence) and _LIKELIHOOD_RE.search(sentence):
            bad.append(sentence.strip())
    return bad
