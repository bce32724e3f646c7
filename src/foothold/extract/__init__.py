"""Extract: sourced evidence from documents.

The pipeline for one document (:func:`extract_document`):

1. language (script, then py3langid);
2. sentences with offsets into ``Document.text``;
3. gazetteer mentions of the case's actors, then entities and attributions;
4. quantities (numbers with contract units);
5. claims: each sentence matched against the indicator rules, with polarity,
   sectors, attribution and event date;
6. relevance, document-level indicators and sectors from the claims.

:func:`extract_documents` runs it over many documents (optionally on several
processes) and then assigns syndication clusters across them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from foothold.case import Case, default_case
from foothold.extract.attributions import find_attributions
from foothold.extract.entities import find_entities
from foothold.extract.gazetteer import Gazetteer
from foothold.extract.indicators import document_sectors, find_claims
from foothold.extract.language import detect_language
from foothold.extract.quantities import find_quantities
from foothold.extract.relevance import judge_relevance
from foothold.extract.sentences import split_sentences
from foothold.extract.syndication import Sketch, assign_clusters, sketch
from foothold.model import Document, Evidence, ReadError
from foothold.names import fold_name

__all__ = ["Extractor", "extract_document", "extract_documents", "extract_paths"]

log = logging.getLogger(__name__)


#: Characters of a document's text that extraction analyses (about 50,000 words).
MAX_EXTRACT_CHARS = 300_000


class Extractor:
    """Extraction for one case; holds the compiled gazetteer and rules (build once, reuse)."""

    def __init__(self, case: Case | None = None) -> None:
        self.case = case or default_case()
        self.gazetteer = Gazetteer(self.case)

    def extract(self, doc: Document) -> Evidence:
        """Evidence for one document (cluster left unset; see :func:`extract_documents`).

        Only the first :data:`MAX_EXTRACT_CHARS` characters are analysed (a bound
        on time and memory for pathological pages; news reports are far shorter).
        """
        text = doc.text
        if len(text) > MAX_EXTRACT_CHARS:
            log.warning("%s: %d characters, analysing the first %d", doc.path, len(text), MAX_EXTRACT_CHARS)
            text = text[:MAX_EXTRACT_CHARS]
        if not doc.language:
            doc.language = detect_language(doc.body or text) or "en"
        language = doc.language
        sentences = split_sentences(text)
        mentions = self.gazetteer.find(text)
        attributions, sentence_attr = find_attributions(
            text, sentences, language, self.gazetteer, mentions
        )
        claims = find_claims(doc, sentences, mentions, sentence_attr, self.case)
        evidence = Evidence(document=doc)
        relevant, score = judge_relevance(doc, claims, mentions)
        evidence.relevant = relevant
        evidence.relevance_score = score
        if not relevant:
            return evidence
        evidence.claims = claims
        seen: set[tuple[str, str]] = set()
        for c in claims:
            key = (c.indicator, c.polarity)
            if key not in seen:
                seen.add(key)
                evidence.indicators.append(key)
        evidence.sectors = document_sectors(text, sentences)
        evidence.quantities = find_quantities(text, language)
        evidence.attributions = _without_outlet(attributions, doc.outlet)
        evidence.entities = find_entities(text, language, self.gazetteer)
        return evidence


def _without_outlet(names: list[str], outlet: str | None) -> list[str]:
    """Attributions minus the publishing outlet itself (ANNOTATION §6: the outlet is not a source)."""
    if not outlet:
        return names
    own = fold_name(outlet)
    return [n for n in names if fold_name(n) != own]


_WORKER: Extractor | None = None


def _init_worker(case: Case) -> None:
    global _WORKER
    _WORKER = Extractor(case)


def _work(doc: Document) -> tuple[Evidence | ReadError, Sketch | None]:
    assert _WORKER is not None
    return _with_sketch(_safe_extract(_WORKER, doc))


def _with_sketch(result: Evidence | ReadError) -> tuple[Evidence | ReadError, Sketch | None]:
    """A worker's result with the document's syndication sketch, so the parent only clusters."""
    return (result, sketch(result)) if isinstance(result, Evidence) else (result, None)


def _safe_extract(extractor: Extractor, doc: Document) -> Evidence | ReadError:
    """Extract one document; an unexpected failure becomes a ReadError for that document only."""
    try:
        return extractor.extract(doc)
    except Exception as exc:  # one bad document must not stop the run
        log.debug("extraction failed for %s", doc.path, exc_info=True)
        return ReadError(doc.path, f"extraction failed: {type(exc).__name__}: {exc}")


def _work_file(path: str) -> list[tuple[Evidence | ReadError, Sketch | None]]:
    """Read one file and extract each of its documents, with their sketches (runs in a worker process)."""
    from foothold.ingest import read_file

    assert _WORKER is not None
    return [
        (x, None) if isinstance(x, ReadError) else _with_sketch(_safe_extract(_WORKER, x))
        for x in read_file(path)
    ]


def extract_paths(
    paths: Iterable[str], case: Case | None = None, jobs: int = 1, chunksize: int = 16
) -> Iterator[Evidence | ReadError]:
    """Read and extract every report under ``paths``, then assign syndication clusters.

    With ``jobs`` > 1, reading (decoding, boilerplate removal) and extraction of
    each file run in ``jobs`` worker processes, which also compute each
    document's syndication sketch (:func:`foothold.extract.syndication.sketch`);
    clustering, which needs every document, runs once at the end.  Output order is reading order, as with
    :func:`foothold.ingest.iter_documents` followed by :func:`extract_documents`.
    """
    from foothold.ingest import iter_files, read_file

    case = case or default_case()
    sources = list(iter_files(paths))
    files = [s for s in sources if not isinstance(s, ReadError)]
    per_file: dict[str, list[tuple[Evidence | ReadError, Sketch | None]]] = {}
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(case,)) as pool:
            for path, result in zip(files, pool.map(_work_file, files, chunksize=chunksize), strict=True):
                per_file[path] = result
    else:
        extractor = Extractor(case)
        for path in files:
            per_file[path] = [
                (x if isinstance(x, ReadError) else _safe_extract(extractor, x), None)
                for x in read_file(path)
            ]
    results: list[tuple[Evidence | ReadError, Sketch | None]] = []
    for s in sources:
        results.extend([(s, None)] if isinstance(s, ReadError) else per_file[s])
    done = [(r, sk) for r, sk in results if isinstance(r, Evidence)]
    assign_clusters([r for r, _ in done], [sk for _, sk in done])
    for r, _ in results:
        yield r


def extract_document(doc: Document, case: Case | None = None) -> Evidence:
    """Evidence for one document with the given (or default) case; cluster is the document's own."""
    ev = Extractor(case).extract(doc)
    assign_clusters([ev])
    return ev


def extract_documents(
    items: Iterable[Document | ReadError],
    case: Case | None = None,
    jobs: int = 1,
    chunksize: int = 64,
) -> Iterator[Evidence | ReadError]:
    """Extract every document, then assign syndication clusters across all of them.

    ReadErrors pass through in place.  ``jobs`` > 1 uses that many processes.
    Output order follows input order.
    """
    case = case or default_case()
    items = list(items)
    docs = [x for x in items if isinstance(x, Document)]
    found: list[Sketch | None]
    if jobs > 1 and len(docs) > chunksize:
        with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(case,)) as pool:
            pairs = list(pool.map(_work, docs, chunksize=chunksize))
        results: list[Evidence | ReadError] = [r for r, _ in pairs]
        found = [sk for r, sk in pairs if isinstance(r, Evidence)]
    else:
        extractor = Extractor(case)
        results = [_safe_extract(extractor, d) for d in docs]
        found = [None] * sum(isinstance(r, Evidence) for r in results)
    assign_clusters([r for r in results if isinstance(r, Evidence)], found)
    it = iter(results)
    for x in items:
        yield next(it) if isinstance(x, Document) else x
