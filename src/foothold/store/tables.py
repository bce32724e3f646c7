"""SQLAlchemy Core tables of the foothold store.

The schema is created and changed only by the Alembic migrations in
``store/migrations/versions``; this module is the reference they must match
(``tests/test_store.py`` compares the migrated database with :data:`metadata`).

Conventions:

* ids and hashes are ``String(64)``; free text is ``Text``;
* dates are partial ISO strings (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and
  timestamps are UTC ISO 8601 strings, both stored as text, so they sort as
  strings and read back exactly as written on SQLite and PostgreSQL alike;
* lists of a document (claims, quantities, entities, attributions, sectors)
  keep their order in a ``position`` column (0-based);
* ``JSON`` is the portable SQLAlchemy type (``JSON`` on PostgreSQL, text on SQLite);
* ``Evidence.indicators`` has no table: it is rebuilt from the document's claims
  (first appearance order), as the extractor builds it;
* ``Document.fetched_meta`` is kept in ``documents.fetched_meta`` (JSON);
* ``document_paths`` holds every path a document was read from (the first too).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "attributions",
    "claims",
    "decisions",
    "document_paths",
    "documents",
    "entities",
    "forecasts",
    "ingest_errors",
    "metadata",
    "quantities",
    "questions",
    "scenario_runs",
    "sectors",
    "sources",
]

#: Constraint names are fixed by convention so that migrations can name them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

ID = String(64)


def _doc_fk() -> ForeignKey:
    return ForeignKey("documents.doc_id", ondelete="CASCADE")


documents = Table(
    "documents",
    metadata,
    Column("doc_id", ID, primary_key=True),
    Column("content_hash", ID, nullable=False, unique=True),
    Column("path", Text, nullable=False),
    Column("title", Text, nullable=True),
    Column("title_end", Integer, nullable=False),
    Column("outlet", Text, nullable=True),
    Column("published", Text, nullable=True),
    Column("published_source", Text, nullable=True),
    Column("language", Text, nullable=True),
    Column("url", Text, nullable=True),
    Column("format", Text, nullable=False),
    Column("encoding", Text, nullable=True),
    Column("text", Text, nullable=False),
    Column("fetched_meta", JSON, nullable=False),
    Column("relevant", Boolean, nullable=False),
    Column("relevance_score", Float, nullable=False),
    Column("cluster", Text, nullable=True),
    Column("first_seen", Text, nullable=False),
    Column("last_seen", Text, nullable=False),
    Index("ix_documents_published", "published"),
    Index("ix_documents_cluster", "cluster"),
)

document_paths = Table(
    "document_paths",
    metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("path", Text, primary_key=True),
    Column("first_seen", Text, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("claim_id", ID, primary_key=True),
    Column("doc_id", ID, _doc_fk(), nullable=False),
    Column("position", Integer, nullable=False),
    Column("indicator", Text, nullable=False),
    Column("polarity", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("attributions", JSON, nullable=False),
    Column("sectors", JSON, nullable=False),
    Column("event_date", Text, nullable=True),
    Column("rule", Text, nullable=False),
    Index("ix_claims_doc_id", "doc_id"),
    Index("ix_claims_indicator", "indicator"),
)

quantities = Table(
    "quantities",
    metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Column("measure", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("approximate", Boolean, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Index("ix_entities_name", "name"),
)

attributions = Table(
    "attributions",
    metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Index("ix_attributions_name", "name"),
)

sectors = Table(
    "sectors",
    metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("sector", Text, nullable=False),
    Index("ix_sectors_sector", "sector"),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("error_id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("name", Text, primary_key=True),
    Column("reliability", String(1), nullable=False),
    Column("analyst", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

decisions = Table(
    "decisions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("decision_id", ID, nullable=False, unique=True),
    Column("target_kind", Text, nullable=False),
    Column("target_id", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("analyst", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("reliability", String(1), nullable=True),
    Column("credibility", Integer, nullable=True),
    Column("created_at", Text, nullable=False),
    Column("undone_at", Text, nullable=True),
    Column("undone_by", Text, nullable=True),
    Index("ix_decisions_target", "target_kind", "target_id"),
)

questions = Table(
    "questions",
    metadata,
    Column("question_id", Text, primary_key=True),
    Column("text", Text, nullable=False),
    Column("criteria", Text, nullable=False),
    Column("resolution_date", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("resolved_at", Text, nullable=True),
    Column("outcome", Boolean, nullable=True),
    Column("hypothesis", Text, nullable=True),
)

forecasts = Table(
    "forecasts",
    metadata,
    Column(
        "question_id",
        Text,
        ForeignKey("questions.question_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("as_of", Text, primary_key=True),
    Column("method", Text, primary_key=True),
    Column("probability", Float, nullable=False),
    Column("created_at", Text, nullable=False),
)

scenario_runs = Table(
    "scenario_runs",
    metadata,
    Column("run_id", Text, primary_key=True),
    Column("seed", BigInteger, nullable=False),
    Column("params", JSON, nullable=False),
    Column("results", JSON, nullable=False),
    Column("created_at", Text, nullable=False),
)
