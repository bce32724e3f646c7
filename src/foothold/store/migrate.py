"""Alembic migrations, run in code: no ``alembic.ini`` is needed.

The migration scripts live inside the package (``foothold/store/migrations``),
so they are found from any working directory and from a non-editable install.
To make a new revision (developers)::

    from alembic import command
    from foothold.store.migrate import alembic_config
    command.revision(alembic_config("sqlite:///dev.db"), "add x", rev_id="0002")

then edit the new file by hand so that it matches ``tables.py`` (the test
suite compares the migrated schema with the metadata).
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, func, select

__all__ = [
    "MIGRATIONS_DIR",
    "alembic_config",
    "current_revision",
    "head_revision",
    "known_revisions",
    "upgrade",
]

log = logging.getLogger(__name__)

#: The Alembic script directory shipped inside the package.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# An arbitrary constant: the PostgreSQL advisory lock key that serialises
# concurrent migrations of one database (two workbenches opening it at once).
_PG_LOCK_KEY = 0x466F6F74  # "Foot"


def _escape(value: str) -> str:
    # Config values go through ConfigParser interpolation: a literal % must be doubled.
    return value.replace("%", "%%")


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """An Alembic ``Config`` built in code, pointing at the packaged migrations.

    Args:
        url: SQLAlchemy URL for ``env.py`` when no connection is given.
        connection: an open connection that ``env.py`` should migrate through
            (passed in ``config.attributes["connection"]``).
    """
    cfg = Config()
    cfg.set_main_option("script_location", _escape(str(MIGRATIONS_DIR)))
    cfg.set_main_option("path_separator", "os")
    if url:
        cfg.set_main_option("sqlalchemy.url", _escape(url))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision id of the packaged migrations."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships 0001
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


def known_revisions() -> set[str]:
    """Every revision id of the packaged migrations."""
    script = ScriptDirectory.from_config(alembic_config())
    return {s.revision for s in script.walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at (None for an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Migrate the database behind ``connection`` to ``revision``, in its transaction.

    On PostgreSQL a transaction-scoped advisory lock serialises concurrent
    migrators; on SQLite the caller should hold a write lock (``BEGIN IMMEDIATE``).
    """
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
    before = current_revision(connection)
    command.upgrade(alembic_config(connection=connection), revision)
    after = current_revision(connection)
    if before != after:
        log.info("migrated database from %s to %s", before or "empty", after)
