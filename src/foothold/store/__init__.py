"""Storage: documents, evidence, claims and analyst data (SQLite or PostgreSQL).

from foothold.store import Store
with Store("case.db") as store:
    store.add_evidence(items)
"""

from __future__ import annotations

from foothold.store.core import DEFAULT_URL, AddResult, Store, StoreError

__all__ = ["DEFAULT_URL", "AddResult", "Store", "StoreError"]
