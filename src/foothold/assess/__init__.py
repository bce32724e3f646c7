"""Assessment: weigh extracted evidence against the case's competing hypotheses.

Public API (see docs/method.md for the method and its sources):

* :func:`assess` -> :class:`Assessment` (posterior per hypothesis with its ICD 203
  word, contributions by influence, leave-one-out);
* :func:`timeline` -> list of :class:`TimelinePoint`;
* :func:`ach_matrix` -> Heuer's ACH matrix rows;
* :mod:`foothold.assess.icd203`, :mod:`foothold.assess.admiralty`,
  :mod:`foothold.assess.review`, :mod:`foothold.assess.questions`.
"""

from .bayes import ach_matrix, assess, bayes_update, heuer_discount, tempered_likelihood, timeline
from .types import Assessment, Contribution, HypothesisResult, TimelinePoint

__all__ = [
    "Assessment",
    "Contribution",
    "HypothesisResult",
    "TimelinePoint",
    "ach_matrix",
    "assess",
    "bayes_update",
    "heuer_discount",
    "tempered_likelihood",
    "timeline",
]
