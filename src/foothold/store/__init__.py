"""Storage: documents, evidence, claims and analyst data (SQLite or PostgreSQL).

::

    from foothold.store import Store, StoreError

    with Store("case.db") as store:            # or a URL, or None for $FOOTHOLD_DB
        result = store.add_evidence(items)      # AddResult(new, existing, new_doc_ids)
        evidence = store.load_evidence(as_of="2025-06", relevant_only=True)

Opening a :class:`Store` migrates the database to the newest schema with the
Alembic scripts shipped in ``foothold/store/migrations`` (no ``alembic.ini``).
Tables are in :mod:`foothold.store.tables`; migration helpers in
:mod:`foothold.store.migrate`.

Errors: :class:`StoreError` for an unusable database or a refused/failed write
(rolled back: a call stores all or nothing); ``ValueError``/``TypeError`` for
invalid arguments; ``KeyError`` for an unknown decision or question id.
"""

from __future__ import annotations

from foothold.store.core import DEFAULT_URL, AddResult, Store, StoreError

__all__ = ["DEFAULT_URL", "AddResult", "Store", "StoreError"]
