"""Alembic environment for the foothold store.

The store runs migrations programmatically (see :mod:`foothold.store.migrate`):
it builds the Alembic ``Config`` in code and passes an open SQLAlchemy
connection in ``config.attributes["connection"]``, so no ``alembic.ini`` is
needed.  Run from the ``alembic`` command line, the URL comes from the
``sqlalchemy.url`` option, else the ``FOOTHOLD_DB`` environment variable.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from foothold.store.tables import metadata

config = context.config
target_metadata = metadata


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("FOOTHOLD_DB")
    if not url:
        raise RuntimeError("no database URL: set sqlalchemy.url or FOOTHOLD_DB")
    return url


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of running it (``alembic upgrade head --sql``)."""
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(_url())
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
