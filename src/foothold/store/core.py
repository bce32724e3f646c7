"""The foothold store: documents, evidence, claims and analyst data in SQL.

SQLite by default, PostgreSQL by URL; SQLAlchemy Core only, every value is a
bound parameter.  Opening a :class:`Store` migrates the database to the newest
schema (Alembic, see :mod:`foothold.store.migrate`).

All writes go through one :class:`Store` (single writer); each public write
method is one transaction: it stores everything or nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import logging
import math
import operator
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    Engine,
    Table,
    Text,
    any_,
    bindparam,
    create_engine,
    event,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement

from foothold.model import (
    Claim,
    Decision,
    Document,
    Entity,
    Evidence,
    Forecast,
    Quantity,
    Question,
    make_id,
)
from foothold.store import migrate
from foothold.store.tables import (
    attributions,
    claims,
    decisions,
    document_paths,
    documents,
    entities,
    forecasts,
    ingest_errors,
    quantities,
    questions,
    scenario_runs,
    sectors,
    sources,
)

__all__ = ["DEFAULT_URL", "AddResult", "Store", "StoreError"]

log = logging.getLogger(__name__)

#: Used when neither a URL nor ``FOOTHOLD_DB`` is given (relative to the cwd).
DEFAULT_URL = "sqlite:///foothold.db"

RELIABILITY = frozenset("ABCDEF")
TARGET_KINDS = frozenset({"claim", "source"})
ACTIONS = frozenset({"accept", "reject", "grade"})

_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit
_SQLITE_BUSY_MS = 30_000
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]")
_INT64 = (-(2**63), 2**63 - 1)
_PG_WRITE_LOCK = 0x46685772  # advisory lock key serialising PostgreSQL writers


class StoreError(Exception):
    """The database cannot be opened, or a write was refused or failed.

    A failed write has been rolled back: nothing of that call is stored.
    """


@dataclass(slots=True)
class AddResult:
    """What :meth:`Store.add_evidence` did.

    Attributes:
        new: documents stored by this call.
        existing: items whose document was already stored (before the call or
            earlier in the same call); only their path and ``last_seen`` were recorded.
        new_doc_ids: the stored documents' ids, in input order.
    """

    new: int = 0
    existing: int = 0
    new_doc_ids: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers


def utc_now() -> str:
    """The current time as a UTC ISO 8601 string with microseconds."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")


def _json_default(obj: Any) -> Any:
    # numpy scalars and arrays (without importing numpy), sets, dates, dataclasses.
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if isinstance(obj, set | frozenset):
        return sorted(obj, key=repr)
    if isinstance(obj, _dt.date | _dt.datetime):
        return obj.isoformat()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


# allow_nan=False: NaN/Infinity are not JSON and PostgreSQL refuses them, so both
# backends refuse them (ValueError, reported as StoreError).
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=_json_default)


def _json_dumps(obj: Any) -> str:
    """Strict JSON text of ``obj`` (UTF-8 kept; numpy values, sets, dates converted)."""
    return _ENCODER.encode(obj)


def _chunks(seq: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


def _normalise_url(url: str | os.PathLike[str] | None) -> str:
    if url is None:
        url = os.environ.get("FOOTHOLD_DB") or DEFAULT_URL
    url = os.fspath(url).strip()
    if not url:
        raise StoreError("empty database URL")
    if "://" not in url:
        # A plain file path: SQLite (relative paths are relative to the cwd).
        return "sqlite:///" + url
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    return url


def _normalise_as_of(as_of: str) -> str:
    as_of = as_of.strip()
    match = _DATETIME.match(as_of)
    if match:
        return match.group(1)
    if not _PARTIAL_DATE.match(as_of):
        raise ValueError(
            f"as_of must be a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {as_of!r}"
        )
    return as_of


def _reliability(value: object) -> str:
    if not isinstance(value, str) or value.strip().upper() not in RELIABILITY:
        raise ValueError(f"reliability must be one letter A-F, got {value!r}")
    return value.strip().upper()


# --------------------------------------------------------------------------- rows


def _finite(value: Any, what: str) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return number


@dataclass(slots=True)
class _DocRows:
    indicators_differ: bool
    doc_id: str
    document: dict[str, Any]
    claims: list[dict[str, Any]]
    quantities: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    sectors: list[dict[str, Any]]


def _identify(ev: Evidence) -> tuple[str, str]:
    """(content hash, path) of an item; raises TypeError when it is not storable Evidence."""
    if not isinstance(ev, Evidence):
        raise TypeError(f"expected Evidence, got {type(ev).__name__}")
    doc = ev.document
    if not isinstance(doc, Document):
        raise TypeError(f"Evidence.document must be a Document, got {type(doc).__name__}")
    if not isinstance(doc.text, str):
        raise TypeError(f"Document.text must be str, got {type(doc.text).__name__}")
    if not isinstance(doc.path, str):
        raise TypeError(f"Document.path must be str, got {type(doc.path).__name__}")
    return doc.content_hash, doc.path


def _evidence_rows(ev: Evidence, now: str, chash: str) -> _DocRows:
    """Rows for one Evidence (already checked by :func:`_identify`, ``chash`` its
    content hash); raises TypeError/ValueError when it cannot be stored."""
    doc = ev.document
    doc_id = "d" + chash[:16]
    document = {
        "doc_id": doc_id,
        "content_hash": chash,
        "path": doc.path,
        "title": doc.title,
        "title_end": int(doc.title_end),
        "outlet": doc.outlet,
        "published": doc.published,
        "published_source": doc.published_source,
        "language": doc.language,
        "url": doc.url,
        "format": doc.format,
        "encoding": doc.encoding,
        "text": doc.text,
        "fetched_meta": dict(doc.fetched_meta or {}),
        "relevant": bool(ev.relevant),
        "relevance_score": _finite(ev.relevance_score, "relevance_score"),
        "cluster": ev.cluster,
        "first_seen": now,
        "last_seen": now,
    }
    claim_rows: list[dict[str, Any]] = []
    seen_claims: set[str] = set()
    derived: list[tuple[str, str]] = []
    for pos, c in enumerate(ev.claims):
        if not isinstance(c, Claim):
            raise TypeError(f"claim {pos} is a {type(c).__name__}, not a Claim")
        if c.doc_id != doc_id:
            raise ValueError(f"claim {pos} has doc_id {c.doc_id!r} but its document is {doc_id!r}")
        cid = c.claim_id
        if cid in seen_claims:
            log.debug("document %s: duplicate claim %s dropped", doc_id, cid)
            continue
        seen_claims.add(cid)
        key = (c.indicator, c.polarity)
        if key not in derived:
            derived.append(key)
        claim_rows.append(
            {
                "claim_id": cid,
                "doc_id": doc_id,
                "position": pos,
                "indicator": c.indicator,
                "polarity": c.polarity,
                "text": c.text,
                "start": int(c.start),
                "end": int(c.end),
                "confidence": _finite(c.confidence, f"claim {pos} confidence"),
                "attributions": list(c.attributions),
                "sectors": list(c.sectors),
                "event_date": c.event_date,
                "rule": c.rule or "",
            }
        )
    indicators_differ = [tuple(i) for i in ev.indicators] != derived
    quantity_rows = [
        {
            "doc_id": doc_id,
            "position": pos,
            "value": _finite(q.value, f"quantity {pos} value"),
            "unit": q.unit,
            "measure": q.measure or "",
            "start": int(q.start),
            "end": int(q.end),
            "approximate": bool(q.approximate),
        }
        for pos, q in enumerate(ev.quantities)
    ]
    entity_rows = [
        {"doc_id": doc_id, "position": pos, "name": e.name, "type": e.type}
        for pos, e in enumerate(ev.entities)
    ]
    attribution_rows = [
        {"doc_id": doc_id, "position": pos, "name": str(name)}
        for pos, name in enumerate(ev.attributions)
    ]
    sector_rows = [
        {"doc_id": doc_id, "position": pos, "sector": str(s)} for pos, s in enumerate(ev.sectors)
    ]
    return _DocRows(
        indicators_differ,
        doc_id,
        document,
        claim_rows,
        quantity_rows,
        entity_rows,
        attribution_rows,
        sector_rows,
    )


def _decision_from_row(row: Any) -> Decision:
    return Decision(
        target_kind=row.target_kind,
        target_id=row.target_id,
        action=row.action,
        analyst=row.analyst,
        reason=row.reason,
        reliability=row.reliability,
        credibility=row.credibility,
        created_at=row.created_at,
        undone_at=row.undone_at,
        undone_by=row.undone_by,
        decision_id=row.decision_id,
    )


def _question_from_row(row: Any) -> Question:
    return Question(
        question_id=row.question_id,
        text=row.text,
        criteria=row.criteria,
        resolution_date=row.resolution_date,
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        outcome=row.outcome,
        hypothesis=row.hypothesis,
    )


# --------------------------------------------------------------------------- engine


def _sqlite_events(engine: Engine, memory: bool) -> None:
    """Real transactions on SQLite: pysqlite's own BEGIN handling is switched off
    (it does not cover DDL) and the store emits BEGIN itself; writes take the
    write lock up front (BEGIN IMMEDIATE) so concurrent writers wait, not fail."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA busy_timeout = 30000")
            if not memory:
                try:
                    cursor.execute("PRAGMA journal_mode = WAL")
                    cursor.execute("PRAGMA synchronous = NORMAL")
                except sqlite3.OperationalError as exc:  # a read-only file keeps its mode
                    log.debug("SQLite journal mode unchanged: %s", exc)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("foothold_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _make_engine(url: str) -> Engine:
    try:
        sa_url = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"bad database URL {url!r}: {exc}") from exc
    backend = sa_url.get_backend_name()
    shown = sa_url.render_as_string(hide_password=True)
    kwargs: dict[str, Any] = {"json_serializer": _json_dumps}
    memory = False
    if backend == "sqlite":
        database = sa_url.database or ""
        memory = database in ("", ":memory:") or "mode=memory" in database
        if not memory and not database.startswith("file:"):
            parent = Path(database).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot open {shown}: directory {parent} does not exist")
        kwargs["connect_args"] = {"timeout": _SQLITE_BUSY_MS / 1000}
    elif backend == "postgresql":
        kwargs["pool_pre_ping"] = True
    else:
        raise StoreError(f"unsupported database {backend!r} in {shown}: use sqlite or postgresql")
    try:
        engine = create_engine(sa_url, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        hint = (
            " (install a driver, e.g. pip install 'psycopg[binary]')"
            if backend == "postgresql"
            else ""
        )
        raise StoreError(f"no database driver for {shown}: {exc}{hint}") from exc
    except (ArgumentError, SQLAlchemyError, TypeError, ValueError) as exc:
        raise StoreError(f"bad database URL {shown}: {exc}") from exc
    if backend == "sqlite":
        _sqlite_events(engine, memory)
    return engine


# --------------------------------------------------------------------------- store


class Store:
    """Persistent evidence, claims and analyst data (SQLite or PostgreSQL).

    Use as a context manager, or call :meth:`close`::

        with Store("case.db") as store:
            result = store.add_evidence(evidence)
            items = store.load_evidence(as_of="2025-06")
    """

    def __init__(self, url: str | None = None) -> None:
        """Open (creating if needed) and migrate the database.

        Args:
            url: a SQLAlchemy URL (``sqlite:///path.db``, ``postgresql+psycopg://...``)
                or a plain file path (SQLite). None: ``$FOOTHOLD_DB``, else
                ``sqlite:///foothold.db`` in the current directory.

        Raises:
            StoreError: bad URL, missing driver, unreachable or unreadable
                database, or a schema newer than this version of foothold.
        """
        self.url: str = _normalise_url(url)
        self._closed = True
        self._engine = _make_engine(self.url)
        self.dialect: str = self._engine.dialect.name
        shown = self._engine.url.render_as_string(hide_password=True)
        try:
            self._migrate()
        except StoreError:
            self._engine.dispose()
            raise
        except Exception as exc:
            self._engine.dispose()
            raise StoreError(f"cannot open database {shown}: {exc}") from exc
        self._closed = False
        log.debug("opened store %s", shown)

    def _migrate(self) -> None:
        head = migrate.head_revision()
        with self._engine.connect() as conn:
            current = migrate.current_revision(conn)
        if current == head:
            return
        if current is not None:
            if current not in migrate.known_revisions():
                raise StoreError(
                    f"database schema revision {current!r} is unknown to this foothold "
                    f"(newest known: {head!r}); upgrade foothold"
                )
        with self._connect(write=True) as conn, conn.begin():
            migrate.upgrade(conn)

    def __repr__(self) -> str:
        shown = self._engine.url.render_as_string(hide_password=True)
        return f"<Store {shown}{' closed' if self._closed else ''}>"

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        """Release the database connections. Further calls raise StoreError."""
        if not self._closed:
            self._engine.dispose()
            self._closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            if write:
                conn.execution_options(foothold_write=True)
            yield conn

    @contextmanager
    def _tx(self, write: bool = True) -> Iterator[Connection]:
        """One transaction; database errors become StoreError (after rollback)."""
        if self._closed:
            raise StoreError("the store is closed")
        try:
            with self._connect(write=write) as conn, conn.begin():
                if write and self.dialect == "postgresql":
                    # One writer at a time, as BEGIN IMMEDIATE gives on SQLite:
                    # check-then-insert sequences (add_evidence counts, question
                    # ids) stay exact with several writers. Released at commit.
                    conn.execute(select(func.pg_advisory_xact_lock(_PG_WRITE_LOCK)))
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {exc}") from exc

    def _id_chunks(self, ids: Sequence[str]) -> Iterator[Sequence[str]]:
        # PostgreSQL takes the whole list as one array parameter; SQLite has a
        # bound-parameter limit, so its IN lists are cut into chunks.
        if self.dialect == "postgresql":
            yield ids
        else:
            yield from _chunks(ids)

    def _id_in(self, column: Any, ids: Sequence[str]) -> ColumnElement[bool]:
        """``column IN ids``; on PostgreSQL ``column = ANY(:array)`` (one parameter;
        a long IN list is slow there on a table without statistics yet)."""
        if self.dialect == "postgresql":
            return column == any_(literal(list(ids), type_=pg_dialect.ARRAY(Text)))
        return column.in_(ids)

    def _stored_doc_ids(self, conn: Connection, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are stored documents."""
        found: set[str] = set()
        for chunk in self._id_chunks(ids):
            found.update(
                conn.execute(
                    select(documents.c.doc_id).where(self._id_in(documents.c.doc_id, chunk))
                ).scalars()
            )
        return found

    def _insert(self, table: Table) -> Any:
        if self.dialect == "postgresql":
            return pg_dialect.insert(table)
        return sqlite_dialect.insert(table)

    def _insert_ignore(self, table: Table) -> Any:
        return self._insert(table).on_conflict_do_nothing()

    def _insert_rows(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert-or-ignore many rows (executemany) of one shape.

        On SQLite the statement is compiled once by SQLAlchemy and run with
        plain tuples through the driver's executemany, skipping SQLAlchemy's
        per-row parameter processing (about twice as fast for 10,000 documents).
        The only type processing our columns need there is JSON, done here.
        Elsewhere (PostgreSQL) SQLAlchemy's batched executemany is used.
        """
        if not rows:
            return
        stmt = self._insert_ignore(table)
        if self.dialect != "sqlite":
            try:
                conn.execute(stmt, rows)
            except (TypeError, ValueError) as exc:  # the JSON serialiser refused a value
                raise StoreError(f"cannot store a {table.name} row: {exc}") from exc
            return
        compiled = stmt.compile(dialect=conn.dialect, column_keys=list(rows[0]))
        names = compiled.positiontup
        assert names is not None and set(names) == set(rows[0]), (names, list(rows[0]))
        json_at = [i for i, n in enumerate(names) if isinstance(table.c[n].type, JSON)]
        get = operator.itemgetter(*names)
        params: list[Any]
        try:
            if len(names) == 1:
                params = [(get(r),) for r in rows]
            elif json_at:
                params = []
                for r in rows:
                    values = list(get(r))
                    for i in json_at:
                        values[i] = _json_dumps(values[i])
                    params.append(tuple(values))
            else:
                params = [get(r) for r in rows]
        except (TypeError, ValueError) as exc:
            raise StoreError(f"cannot store a {table.name} row: {exc}") from exc
        conn.exec_driver_sql(compiled.string, params)

    def _upsert(self, table: Table, keys: Sequence[str], columns: Sequence[str]) -> Any:
        stmt = self._insert(table)
        return stmt.on_conflict_do_update(
            index_elements=[table.c[k] for k in keys],
            set_={c: stmt.excluded[c] for c in columns},
        )

    # ------------------------------------------------------------------ evidence

    def add_evidence(self, items: Iterable[Evidence]) -> AddResult:
        """Store evidence items idempotently, in one transaction.

        A document is identified by its content hash (``Document.doc_id``). A new
        one is stored with its text, evidence fields and claims; one already
        stored (before, or earlier in ``items``) is not stored again: its
        ``last_seen`` is updated and the item's path is added to
        ``document_paths``. ``Evidence.indicators`` is not stored itself: it is
        rebuilt from the claims on load (as the extractor builds it).

        Returns:
            AddResult(new, existing, new_doc_ids).

        Raises:
            StoreError: an item cannot be stored (not an Evidence, a claim of
                another document, an unserialisable value...) or the database
                failed. Nothing of this call is stored then; earlier calls' data
                is untouched. Exceptions raised by iterating ``items`` propagate.
        """
        if self._closed:
            raise StoreError("the store is closed")
        now = utc_now()
        first: dict[str, tuple[int, Evidence, str]] = {}  # doc_id -> (index, item, hash)
        paths: dict[tuple[str, str], dict[str, Any]] = {}
        count = 0
        for index, ev in enumerate(items):
            count += 1
            try:
                chash, path = _identify(ev)
            except Exception as exc:
                raise StoreError(f"evidence item {index} cannot be stored: {exc}") from exc
            doc_id = "d" + chash[:16]
            first.setdefault(doc_id, (index, ev, chash))
            paths.setdefault((doc_id, path), {"doc_id": doc_id, "path": path, "first_seen": now})
        result = AddResult()
        if not count:
            return result
        with self._tx() as conn:
            ids = list(first)
            stored = self._stored_doc_ids(conn, ids)
            new: list[_DocRows] = []
            for doc_id in ids:
                if doc_id in stored:
                    continue
                index, ev, chash = first[doc_id]
                try:
                    new.append(_evidence_rows(ev, now, chash))
                except Exception as exc:
                    raise StoreError(f"evidence item {index} cannot be stored: {exc}") from exc
            differ = [r.doc_id for r in new if r.indicators_differ]
            if differ:
                log.warning(
                    "%d documents (e.g. %s) have Evidence.indicators that differ from their "
                    "claims'; the store keeps indicators through claims only",
                    len(differ),
                    differ[0],
                )
            if new:
                self._insert_rows(conn, documents, [r.document for r in new])
                for table, attr in (
                    (claims, "claims"),
                    (quantities, "quantities"),
                    (entities, "entities"),
                    (attributions, "attributions"),
                    (sectors, "sectors"),
                ):
                    self._insert_rows(conn, table, [row for r in new for row in getattr(r, attr)])
            if stored:
                for chunk in self._id_chunks(sorted(stored)):
                    conn.execute(
                        update(documents)
                        .where(self._id_in(documents.c.doc_id, chunk))
                        .values(last_seen=now)
                    )
            self._insert_rows(conn, document_paths, list(paths.values()))
        result.new = len(new)
        result.existing = count - len(new)
        result.new_doc_ids = [r.doc_id for r in new]
        log.info("stored %d new documents, %d already stored", result.new, result.existing)
        return result

    def _load(self, conn: Connection, where: list[ColumnElement[bool]]) -> list[Evidence]:
        d = documents.c
        doc_stmt = (
            select(
                d.doc_id,
                d.path,
                d.text,
                d.title,
                d.title_end,
                d.outlet,
                d.published,
                d.published_source,
                d.language,
                d.url,
                d.encoding,
                d.format,
                d.fetched_meta,
                d.relevant,
                d.relevance_score,
                d.cluster,
            )
            .where(*where)
            .order_by(d.published.is_(None), d.published, d.doc_id)
        )
        docs = conn.execute(doc_stmt).all()
        if not docs:
            return []
        ids = select(d.doc_id).where(*where).scalar_subquery() if where else None

        def children(table: Table, *names: str) -> dict[str, list[Any]]:
            stmt = select(table.c.doc_id, *(table.c[n] for n in names))
            if ids is not None:
                stmt = stmt.where(table.c.doc_id.in_(ids))
            stmt = stmt.order_by(table.c.doc_id, table.c.position)
            out: dict[str, list[Any]] = {}
            for row in conn.execute(stmt).all():
                out.setdefault(row[0], []).append(row)
            return out

        claim_rows = children(
            claims,
            "indicator",
            "polarity",
            "text",
            "start",
            "end",
            "confidence",
            "attributions",
            "sectors",
            "event_date",
            "rule",
        )
        quantity_rows = children(
            quantities, "value", "unit", "measure", "start", "end", "approximate"
        )
        entity_rows = children(entities, "name", "type")
        attribution_rows = children(attributions, "name")
        sector_rows = children(sectors, "sector")
        result: list[Evidence] = []
        for (
            doc_id,
            path,
            text_,
            title,
            title_end,
            outlet,
            published,
            published_source,
            language,
            url,
            encoding,
            format_,
            fetched_meta,
            relevant,
            relevance_score,
            cluster,
        ) in docs:
            doc_claims = [
                Claim(
                    doc_id=r[0],
                    indicator=r[1],
                    polarity=r[2],
                    text=r[3],
                    start=r[4],
                    end=r[5],
                    confidence=r[6],
                    attributions=list(r[7] or []),
                    sectors=list(r[8] or []),
                    event_date=r[9],
                    rule=r[10],
                )
                for r in claim_rows.get(doc_id, ())
            ]
            indicators: list[tuple[str, str]] = []
            for c in doc_claims:
                key = (c.indicator, c.polarity)
                if key not in indicators:
                    indicators.append(key)
            document = Document(
                path=path,
                text=text_,
                title=title,
                title_end=title_end,
                outlet=outlet,
                published=published,
                published_source=published_source,
                language=language,
                url=url,
                encoding=encoding,
                format=format_,
                fetched_meta=dict(fetched_meta or {}),
            )
            result.append(
                Evidence(
                    document=document,
                    relevant=bool(relevant),
                    relevance_score=relevance_score,
                    cluster=cluster,
                    indicators=indicators,
                    sectors=[r[1] for r in sector_rows.get(doc_id, ())],
                    quantities=[
                        Quantity(
                            value=r[1],
                            unit=r[2],
                            measure=r[3],
                            start=r[4],
                            end=r[5],
                            approximate=bool(r[6]),
                        )
                        for r in quantity_rows.get(doc_id, ())
                    ],
                    attributions=[r[1] for r in attribution_rows.get(doc_id, ())],
                    entities=[Entity(r[1], r[2]) for r in entity_rows.get(doc_id, ())],
                    claims=doc_claims,
                )
            )
        return result

    def load_evidence(
        self, *, as_of: str | None = None, relevant_only: bool = False
    ) -> list[Evidence]:
        """Rebuild stored Evidence, ordered by published date then doc_id.

        Args:
            as_of: a partial ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``; a
                datetime is cut to its date). Keeps documents published on or
                before it, compared at the coarser precision of the two: a
                document of ``2025-06`` is kept for ``2025-06-30`` and one of
                ``2025-06-15`` for ``2025-06``. Undated documents are kept only
                when ``as_of`` is None (they come last).
            relevant_only: keep only documents judged relevant.

        Raises:
            ValueError: ``as_of`` is not a partial ISO date.
        """
        where: list[ColumnElement[bool]] = []
        if as_of is not None:
            cut = _normalise_as_of(as_of)
            where.append(documents.c.published.is_not(None))
            where.append(func.substr(documents.c.published, 1, len(cut)) <= cut)
        if relevant_only:
            where.append(documents.c.relevant.is_(True))
        with self._tx(write=False) as conn:
            return self._load(conn, where)

    def get_document(self, doc_id: str) -> Evidence | None:
        """The stored Evidence of one document, or None if ``doc_id`` is unknown."""
        with self._tx(write=False) as conn:
            found = self._load(conn, [documents.c.doc_id == doc_id])
        return found[0] if found else None

    def document_paths(self, doc_id: str) -> list[str]:
        """Every path the document was seen at, in the order first seen."""
        stmt = (
            select(document_paths.c.path)
            .where(document_paths.c.doc_id == doc_id)
            .order_by(document_paths.c.first_seen, document_paths.c.path)
        )
        with self._tx(write=False) as conn:
            return list(conn.execute(stmt).scalars())

    def set_clusters(self, clusters: dict[str, str]) -> None:
        """Set the syndication cluster of documents: ``{doc_id: cluster_id}``.

        A None cluster clears it. Unknown doc_ids are skipped (logged as a warning).
        """
        if not clusters:
            return
        rows = [{"b_doc_id": d, "b_cluster": c} for d, c in clusters.items()]
        stmt = (
            update(documents)
            .where(documents.c.doc_id == bindparam("b_doc_id"))
            .values(cluster=bindparam("b_cluster"))
        )
        with self._tx() as conn:
            known = self._stored_doc_ids(conn, list(clusters))
            unknown = len(clusters) - len(known)
            if unknown:
                log.warning("set_clusters: %d unknown document ids skipped", unknown)
            rows = [r for r in rows if r["b_doc_id"] in known]
            if rows:
                conn.execute(stmt, rows)

    def stored_doc_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of ``doc_ids`` are already stored (one query per chunk; nothing is loaded)."""
        ids = sorted(set(doc_ids))
        if not ids:
            return set()
        with self._tx(write=False) as conn:
            return self._stored_doc_ids(conn, ids)

    def document_count(self) -> int:
        """Number of stored documents."""
        with self._tx(write=False) as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())

    def claim_count(self) -> int:
        """Number of stored claims."""
        with self._tx(write=False) as conn:
            return int(conn.execute(select(func.count()).select_from(claims)).scalar_one())

    # ------------------------------------------------------------------ ingest errors

    def record_error(self, path: str, reason: str) -> None:
        """Record a file or item that could not be read (kept in insertion order)."""
        with self._tx() as conn:
            conn.execute(ingest_errors.insert(), {"path": path, "reason": reason, "at": utc_now()})

    def errors(self) -> list[tuple[str, str, str]]:
        """Recorded ingest errors as ``(path, reason, at)`` (UTC ISO), oldest first."""
        stmt = select(ingest_errors.c.path, ingest_errors.c.reason, ingest_errors.c.at).order_by(
            ingest_errors.c.error_id
        )
        with self._tx(write=False) as conn:
            return [(r.path, r.reason, r.at) for r in conn.execute(stmt)]

    # ------------------------------------------------------------------ decisions

    def add_decision(self, decision: Decision) -> Decision:
        """Record an analyst decision; fills ``created_at`` (UTC ISO) and
        ``decision_id`` in place when empty and returns the same object.

        Raises:
            ValueError: unknown target_kind (``claim``/``source``) or action
                (``accept``/``reject``/``grade``), reliability not A-F,
                credibility not 1-6, a ``grade`` with neither, or no analyst.
            StoreError: the decision id is already recorded.
        """
        d = decision
        if d.target_kind not in TARGET_KINDS:
            raise ValueError(
                f"target_kind must be one of {sorted(TARGET_KINDS)}, got {d.target_kind!r}"
            )
        if d.action not in ACTIONS:
            raise ValueError(f"action must be one of {sorted(ACTIONS)}, got {d.action!r}")
        if not d.target_id:
            raise ValueError("a decision needs a target_id")
        if not d.analyst or not d.analyst.strip():
            raise ValueError("a decision needs an analyst")
        reliability = None if d.reliability is None else _reliability(d.reliability)
        credibility = d.credibility
        if credibility is not None:
            if (
                isinstance(credibility, bool)
                or not isinstance(credibility, int)
                or not 1 <= credibility <= 6
            ):
                raise ValueError(f"credibility must be an integer 1-6, got {credibility!r}")
        if d.action == "grade" and reliability is None and credibility is None:
            raise ValueError("a grade decision needs a reliability (A-F) or a credibility (1-6)")
        d.reliability = reliability
        created_at = d.created_at or utc_now()
        row: dict[str, Any] = {
            "decision_id": d.decision_id,
            "target_kind": d.target_kind,
            "target_id": d.target_id,
            "action": d.action,
            "analyst": d.analyst,
            "reason": d.reason or "",
            "reliability": reliability,
            "credibility": credibility,
            "created_at": created_at,
            "undone_at": d.undone_at,
            "undone_by": d.undone_by,
        }
        with self._tx() as conn:
            if d.decision_id:
                if self._decision_exists(conn, d.decision_id):
                    raise StoreError(f"decision {d.decision_id} is already recorded")
            else:
                # Deterministic from target, action, analyst and time; the same
                # decision twice within one timestamp (seconds, when the caller
                # gives created_at) gets a counter in its id instead of failing.
                parts: tuple[object, ...] = (
                    d.target_kind,
                    d.target_id,
                    d.action,
                    d.analyst,
                    created_at,
                )
                row["decision_id"] = make_id("j", *parts)
                n = 1
                while self._decision_exists(conn, row["decision_id"]):
                    n += 1
                    row["decision_id"] = make_id("j", *parts, n)
            conn.execute(decisions.insert(), row)
        decision_id = row["decision_id"]
        d.created_at = created_at
        d.decision_id = decision_id
        return d

    @staticmethod
    def _decision_exists(conn: Connection, decision_id: str) -> bool:
        stmt = select(decisions.c.seq).where(decisions.c.decision_id == decision_id)
        return conn.execute(stmt).first() is not None

    def undo_decision(self, decision_id: str, analyst: str) -> Decision:
        """Withdraw a decision (soft delete: it stays, with ``undone_at``/``undone_by``).

        Undoing an undone decision changes nothing and returns it as it is.

        Raises:
            KeyError: unknown ``decision_id``.
            ValueError: empty ``analyst``.
        """
        if not analyst or not analyst.strip():
            raise ValueError("undo needs an analyst")
        with self._tx() as conn:
            row = conn.execute(
                select(decisions).where(decisions.c.decision_id == decision_id)
            ).one_or_none()
            if row is None:
                raise KeyError(decision_id)
            if row.undone_at is not None:
                log.info("decision %s was already undone", decision_id)
                return _decision_from_row(row)
            conn.execute(
                update(decisions)
                .where(decisions.c.decision_id == decision_id)
                .values(undone_at=utc_now(), undone_by=analyst)
            )
            row = conn.execute(
                select(decisions).where(decisions.c.decision_id == decision_id)
            ).one()
            return _decision_from_row(row)

    def decisions(self, *, active_only: bool = True) -> list[Decision]:
        """Decisions in the order recorded; only those not undone by default."""
        stmt = select(decisions).order_by(decisions.c.seq)
        if active_only:
            stmt = stmt.where(decisions.c.undone_at.is_(None))
        with self._tx(write=False) as conn:
            return [_decision_from_row(r) for r in conn.execute(stmt)]

    # ------------------------------------------------------------------ sources

    def set_source_grade(self, name: str, reliability: str, analyst: str, reason: str = "") -> None:
        """Set (or replace) a source's Admiralty reliability grade.

        ``reliability`` is one letter A-F (lower case accepted, stored upper case).

        Raises:
            ValueError: reliability not A-F, empty name or analyst.
        """
        grade = _reliability(reliability)
        if not name or not name.strip():
            raise ValueError("a source needs a name")
        if not analyst or not analyst.strip():
            raise ValueError("a source grade needs an analyst")
        stmt = self._upsert(sources, ["name"], ["reliability", "analyst", "reason", "updated_at"])
        with self._tx() as conn:
            conn.execute(
                stmt,
                {
                    "name": name,
                    "reliability": grade,
                    "analyst": analyst,
                    "reason": reason or "",
                    "updated_at": utc_now(),
                },
            )

    def source_grades(self) -> dict[str, str]:
        """``{source name: reliability letter}`` for every graded source, by name."""
        stmt = select(sources.c.name, sources.c.reliability).order_by(sources.c.name)
        with self._tx(write=False) as conn:
            return {r.name: r.reliability for r in conn.execute(stmt)}

    # ------------------------------------------------------------------ questions

    def add_question(self, q: Question) -> Question:
        """Store a forecast question; fills ``created_at`` in place when empty.

        Raises:
            ValueError: empty question_id.
            StoreError: the question_id is already taken.
        """
        if not q.question_id:
            raise ValueError("a question needs a question_id")
        created_at = q.created_at or utc_now()
        row = {
            "question_id": q.question_id,
            "text": q.text,
            "criteria": q.criteria,
            "resolution_date": q.resolution_date,
            "created_at": created_at,
            "resolved_at": q.resolved_at,
            "outcome": q.outcome,
            "hypothesis": q.hypothesis,
        }
        with self._tx() as conn:
            taken = conn.execute(
                select(questions.c.question_id).where(questions.c.question_id == q.question_id)
            ).first()
            if taken:
                raise StoreError(f"question id {q.question_id!r} is already taken")
            conn.execute(questions.insert(), row)
        q.created_at = created_at
        return q

    def questions(self) -> list[Question]:
        """All questions, by creation time then id."""
        stmt = select(questions).order_by(questions.c.created_at, questions.c.question_id)
        with self._tx(write=False) as conn:
            return [_question_from_row(r) for r in conn.execute(stmt)]

    def resolve_question(self, question_id: str, outcome: bool, resolved_at: str) -> Question:
        """Record a question's outcome (True: yes) and when it resolved; returns it.

        Raises:
            KeyError: unknown question_id.
            TypeError: outcome is not a bool.
        """
        if not isinstance(outcome, bool):
            raise TypeError(f"outcome must be True or False, got {outcome!r}")
        with self._tx() as conn:
            res = conn.execute(
                update(questions)
                .where(questions.c.question_id == question_id)
                .values(outcome=outcome, resolved_at=resolved_at)
            )
            if res.rowcount == 0:
                raise KeyError(question_id)
            row = conn.execute(
                select(questions).where(questions.c.question_id == question_id)
            ).one()
            return _question_from_row(row)

    def add_forecast(self, f: Forecast) -> None:
        """Store a forecast, replacing any with the same (question_id, as_of, method).

        Fills ``f.created_at`` in place when empty.

        Raises:
            ValueError: probability not a finite number in [0, 1].
            StoreError: unknown question_id.
        """
        p = float(f.probability)
        if not math.isfinite(p) or not 0.0 <= p <= 1.0:
            raise ValueError(f"probability must be within [0, 1], got {f.probability!r}")
        created_at = f.created_at or utc_now()
        stmt = self._upsert(
            forecasts, ["question_id", "as_of", "method"], ["probability", "created_at"]
        )
        with self._tx() as conn:
            known = conn.execute(
                select(questions.c.question_id).where(questions.c.question_id == f.question_id)
            ).first()
            if not known:
                raise StoreError(f"unknown question {f.question_id!r}: add the question first")
            conn.execute(
                stmt,
                {
                    "question_id": f.question_id,
                    "as_of": f.as_of,
                    "method": f.method,
                    "probability": p,
                    "created_at": created_at,
                },
            )
        f.created_at = created_at

    def forecasts(self, question_id: str | None = None) -> list[Forecast]:
        """Forecasts (of one question, or all), by question_id, as_of, method."""
        stmt = select(forecasts).order_by(
            forecasts.c.question_id, forecasts.c.as_of, forecasts.c.method
        )
        if question_id is not None:
            stmt = stmt.where(forecasts.c.question_id == question_id)
        with self._tx(write=False) as conn:
            return [
                Forecast(
                    question_id=r.question_id,
                    as_of=r.as_of,
                    probability=r.probability,
                    method=r.method,
                    created_at=r.created_at,
                )
                for r in conn.execute(stmt)
            ]

    # ------------------------------------------------------------------ scenarios

    def save_scenario_run(self, run_id: str, seed: int, params: dict, results: dict) -> None:
        """Store a scenario (Monte Carlo) run: its seed, parameters and results.

        ``params`` and ``results`` must be JSON-serialisable (numpy scalars and
        arrays, sets and dates are converted). Saving an existing ``run_id``
        replaces that run.

        Raises:
            ValueError: empty run_id, or seed not an integer within signed 64 bits.
            StoreError: a value cannot be serialised, or the database failed.
        """
        if not run_id:
            raise ValueError("a scenario run needs a run_id")
        if isinstance(seed, bool):
            raise ValueError("seed must be an integer")
        try:
            seed_int = operator.index(seed)
        except TypeError as exc:
            raise ValueError(f"seed must be an integer, got {seed!r}") from exc
        if not _INT64[0] <= seed_int <= _INT64[1]:
            raise ValueError(f"seed {seed_int} does not fit in a signed 64-bit integer")
        for name, value in (("params", params), ("results", results)):
            try:
                _json_dumps(value)
            except (TypeError, ValueError) as exc:
                raise StoreError(
                    f"scenario run {run_id!r}: {name} is not JSON-serialisable: {exc}"
                ) from exc
        stmt = self._upsert(scenario_runs, ["run_id"], ["seed", "params", "results", "created_at"])
        with self._tx() as conn:
            conn.execute(
                stmt,
                {
                    "run_id": run_id,
                    "seed": seed_int,
                    "params": params,
                    "results": results,
                    "created_at": utc_now(),
                },
            )

    def scenario_runs(self) -> list[dict]:
        """Stored runs as dicts ``{run_id, seed, params, results, created_at}``, oldest first."""
        stmt = select(scenario_runs).order_by(scenario_runs.c.created_at, scenario_runs.c.run_id)
        with self._tx(write=False) as conn:
            return [
                {
                    "run_id": r.run_id,
                    "seed": r.seed,
                    "params": r.params,
                    "results": r.results,
                    "created_at": r.created_at,
                }
                for r in conn.execute(stmt)
            ]
