"""Extraction on worker processes gives exactly what one process gives (clusters included)."""

from __future__ import annotations

from foothold.cli import sample_corpus_path
from foothold.extract import extract_documents, extract_paths
from foothold.ingest import iter_documents
from foothold.model import Evidence, ReadError


def _lines(items) -> list[str]:
    return [x.to_jsonl() if isinstance(x, Evidence) else f"error {x}" for x in items]


def test_extract_paths_on_two_workers_equals_one_process():
    corpus = sample_corpus_path()
    one = _lines(extract_paths([corpus], jobs=1))
    two = _lines(extract_paths([corpus], jobs=2, chunksize=2))
    assert len(one) >= 22
    assert two == one
    # the syndicated trio of the sample shares one cluster either way
    clusters = [x for x in extract_paths([corpus], jobs=2, chunksize=2) if isinstance(x, Evidence)]
    assert len({e.cluster for e in clusters}) < len(clusters)


def test_extract_documents_on_two_workers_equals_one_process():
    items = list(iter_documents([sample_corpus_path()]))
    docs = [x for x in items if not isinstance(x, ReadError)]
    assert len(docs) >= 22
    one = _lines(extract_documents(items, jobs=1))
    two = _lines(extract_documents(items, jobs=2, chunksize=4))
    assert two == one
