"""Core records: documents as read, and the evidence extracted from them.

The storage atom is the :class:`Claim`: one indicator with its polarity, tied to
the sentence that carries it (character offsets into :attr:`Document.text`),
the source the report attributes it to, and the document's publication date.
A claim id is deterministic: the same document text, indicator, polarity and
sentence always give the same id, so storing a claim twice stores it once.

Dates are partial ISO strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``): a
report that says "March 2021" is stored as ``2021-03``, no more precise.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Claim",
    "Decision",
    "Forecast",
    "Question",
    "Document",
    "Entity",
    "Evidence",
    "Quantity",
    "ReadError",
    "content_hash",
    "make_id",
]


def make_id(prefix: str, *parts: object) -> str:
    """A short deterministic id: ``prefix`` + the first 16 hex digits of SHA-256 over ``parts``."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:16]}"


def content_hash(text: str) -> str:
    """SHA-256 of the whitespace-normalised text (hex), the identity of a document's content."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """A report as read from disk, before extraction.

    Attributes:
        path: where it came from, as given by the user, plus ``#N`` for the Nth
            item of a feed or line of a JSONL file (counting from 1).
        text: the extracted text that claim offsets refer to: the title, a blank
            line, then the body (boilerplate removed).
        title_end: length of the title part of ``text`` (0 when there is no title).
        published: partial ISO date of publication, or None.
        published_source: where the date was found (``dateline``, ``meta``,
            ``json-ld``, ``url``, ``feed``...), for the explanation.
        encoding: the character encoding the bytes were decoded with.
        format: ``txt``, ``md``, ``html``, ``feed`` or ``jsonl``.
    """

    path: str
    text: str
    title: str | None = None
    title_end: int = 0
    outlet: str | None = None
    published: str | None = None
    published_source: str | None = None
    language: str | None = None
    url: str | None = None
    encoding: str | None = None
    format: str = "txt"
    fetched_meta: dict[str, Any] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        """Deterministic id from the content hash: the same text is the same document."""
        return "d" + self.content_hash[:16]

    @property
    def content_hash(self) -> str:
        """SHA-256 of the normalised text (see :func:`content_hash`), computed once per text."""
        cached = self.__dict__.get("_hash_of")  # not a field: asdict() and equality ignore it
        if cached is not None and cached[0] is self.text:
            return cached[1]
        digest = content_hash(self.text)
        self.__dict__["_hash_of"] = (self.text, digest)
        return digest

    @property
    def body(self) -> str:
        """The text without its title part."""
        return self.text[self.title_end :].lstrip("\n")


@dataclass(slots=True)
class ReadError:
    """A file or item that could not be read: ``path`` and a one-line ``reason``."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Quantity:
    """A number with a contract unit (``person``, ``usd``, ``usd_per_month``...).

    ``value`` is the number as stated ("about 15,000" is 15000); ``measure`` is
    free text for people; ``start``/``end`` are offsets of the mention in the text;
    ``approximate`` is True for "about", "nearly", "up to"...
    """

    value: float
    unit: str
    measure: str = ""
    start: int = -1
    end: int = -1
    approximate: bool = False

    def to_json(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit, "measure": self.measure}


@dataclass(slots=True, frozen=True)
class Entity:
    """A named entity with its canonical name and one of the case's actor types."""

    name: str
    type: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "type": self.type}


@dataclass(slots=True)
class Claim:
    """One sourced piece of evidence: an indicator and polarity tied to its sentence.

    Attributes:
        doc_id: the document the sentence is in.
        indicator: an indicator id of the case; ``polarity`` is ``positive`` or ``negative``.
        text: the sentence; ``start``/``end`` are its character offsets in ``Document.text``.
        confidence: the extractor's confidence that the sentence carries this
            indicator (0-1), not a probability of the event.
        attributions: canonical names of who the report says the information comes from.
        sectors: sector ids the sentence names.
        event_date: partial ISO date of the event when the sentence gives one.
    """

    doc_id: str
    indicator: str
    polarity: str
    text: str
    start: int
    end: int
    confidence: float = 0.5
    attributions: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    event_date: str | None = None
    rule: str = ""

    @property
    def claim_id(self) -> str:
        """Deterministic id from document, indicator, polarity and sentence offsets."""
        return make_id("c", self.doc_id, self.indicator, self.polarity, self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.claim_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "indicator": self.indicator,
            "polarity": self.polarity,
            "confidence": round(self.confidence, 3),
            "attributions": list(self.attributions),
            "sectors": list(self.sectors),
            "event_date": self.event_date,
        }


@dataclass(slots=True)
class Evidence:
    """Everything extracted from one document, in the shape of the JSONL contract.

    See ``spec/evidence-jsonl.md``: ``indicators`` is a list of
    ``{"id", "polarity"}``; ``cluster`` is shared by syndicated copies.
    """

    document: Document
    relevant: bool = False
    relevance_score: float = 0.0
    cluster: str | None = None
    indicators: list[tuple[str, str]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    def to_json(self) -> dict[str, Any]:
        """The JSONL contract object for this document (key order as in the spec)."""
        doc = self.document
        return {
            "path": doc.path,
            "title": doc.title,
            "outlet": doc.outlet,
            "published": doc.published,
            "language": doc.language,
            "relevant": self.relevant,
            "cluster": self.cluster,
            "indicators": [{"id": i, "polarity": p} for i, p in self.indicators],
            "sectors": list(self.sectors),
            "quantities": [q.to_json() for q in self.quantities],
            "attributions": list(self.attributions),
            "entities": [e.to_json() for e in self.entities],
            "claims": [c.to_json() for c in self.claims],
            "doc_id": doc.doc_id,
            "url": doc.url,
        }

    def to_jsonl(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)


def error_line(error: ReadError) -> str:
    """The JSONL line for a document that cannot be read (contract: an ``error`` key)."""
    return json.dumps({"path": error.path, "error": error.reason}, ensure_ascii=False)


def as_dict(obj: Any) -> dict[str, Any]:
    """A dataclass as a plain dict (for JSON and storage)."""
    return asdict(obj)


@dataclass(slots=True)
class Decision:
    """An analyst's judgement on a claim or a source, stored as auditable data.

    Attributes:
        target_kind: ``claim`` or ``source``.
        target_id: a claim id, or a source's canonical name.
        action: ``accept``, ``reject`` or ``grade``.
        reliability: Admiralty reliability letter A-F (``grade`` on a source or claim).
        credibility: Admiralty credibility digit 1-6 (``grade`` on a claim).
        analyst: who decided; ``reason``: why; ``created_at``: ISO timestamp (UTC).
        undone_at / undone_by: set when the decision is withdrawn (soft delete).
        decision_id: deterministic from target, action, analyst and time.
    """

    target_kind: str
    target_id: str
    action: str
    analyst: str
    reason: str = ""
    reliability: str | None = None
    credibility: int | None = None
    created_at: str = ""
    undone_at: str | None = None
    undone_by: str | None = None
    decision_id: str = ""

    @property
    def active(self) -> bool:
        return self.undone_at is None


@dataclass(slots=True)
class Question:
    """A binary forecast question with a resolution date and criteria.

    ``outcome`` is None until resolved, then True (yes) or False (no).
    """

    question_id: str
    text: str
    criteria: str
    resolution_date: str
    created_at: str = ""
    resolved_at: str | None = None
    outcome: bool | None = None
    hypothesis: str | None = None


@dataclass(slots=True)
class Forecast:
    """The probability (0-1) given to a question as of a date, and by what (``method``)."""

    question_id: str
    as_of: str
    probability: float
    method: str = "foothold-assess"
    created_at: str = ""
