"""foothold: an evidence workbench for watching North Korea's push for an
industrial foothold in Russia.

It ingests reports, extracts sourced claims (indicator, polarity, sentence,
attribution), weighs them against the case's competing hypotheses and shows the
result.  It only watches: North Korean labour abroad is banned by UN Security
Council resolutions 2375 and 2397, and nothing here helps anyone place workers.

Public API::

    from foothold import load_case, iter_documents, extract_documents, Store, assess
"""

from __future__ import annotations

import logging

from foothold.case import Case, CaseError, default_case, load_case
from foothold.model import Claim, Document, Entity, Evidence, Quantity, ReadError

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Case",
    "CaseError",
    "Claim",
    "Document",
    "Entity",
    "Evidence",
    "Quantity",
    "ReadError",
    "__version__",
    "default_case",
    "load_case",
]
