"""Ingest: read reports from files and folders into :class:`~foothold.model.Document` records.

Formats: plain text (``.txt``), Markdown (``.md``), HTML (``.html``/``.htm``),
RSS/Atom feeds (``.xml``/``.rss``/``.atom``, also recognised by content) and JSON
Lines of documents (``.jsonl``). Unknown extensions are sniffed. Modules:

- :mod:`.readers` walks paths and dispatches (the entry point, :func:`iter_documents`);
- :mod:`.encoding` turns bytes into text (BOMs, declared charsets, detection);
- :mod:`.html`, :mod:`.text`, :mod:`.feeds`, :mod:`.jsonl` parse each format;
- :mod:`.dates` turns printed dates into partial ISO strings.
"""

from __future__ import annotations

from foothold.ingest.readers import iter_documents, iter_files, read_file

__all__ = ["iter_documents", "iter_files", "read_file"]
