"""Ingest: read reports from files and folders into :class:`~foothold.model.Document` records.

(Interim minimal version; the full reader set lives in this package.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from foothold.model import Document, ReadError

__all__ = ["iter_documents"]


def iter_documents(paths: Iterable[str]) -> Iterator[Document | ReadError]:
    """Yield a Document (or a ReadError) for each readable report under ``paths``."""
    for raw in paths:
        p = Path(raw)
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            name = str(f) if not p.is_dir() else str(f)
            try:
                text = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield ReadError(name, str(exc))
                continue
            lines = text.strip().splitlines()
            title = lines[0].strip() if lines else ""
            body = "\n".join(lines[1:]).strip()
            full = f"{title}\n\n{body}" if title else body
            yield Document(path=name, text=full, title=title or None, title_end=len(title))
