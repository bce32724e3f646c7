"""Initial schema: documents, claims and their parts, analyst data, forecasts.

Hand-written to match ``foothold/store/tables.py`` at this revision; later
revisions must not import ``tables.py`` either (a migration is frozen history).

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(64)


def _doc_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["doc_id"],
        ["documents.doc_id"],
        name=f"fk_{table}_doc_id_documents",
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", ID, nullable=False),
        sa.Column("content_hash", ID, nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("title_end", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("published_source", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("format", sa.Text(), nullable=False),
        sa.Column("encoding", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("fetched_meta", sa.JSON(), nullable=False),
        sa.Column("relevant", sa.Boolean(), nullable=False),
        sa.Column("relevance_score", sa.Float(), nullable=False),
        sa.Column("cluster", sa.Text(), nullable=True),
        sa.Column("first_seen", sa.Text(), nullable=False),
        sa.Column("last_seen", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_documents"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_cluster", "documents", ["cluster"])

    op.create_table(
        "document_paths",
        sa.Column("doc_id", ID, nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "path", name="pk_document_paths"),
        _doc_fk("document_paths"),
    )

    op.create_table(
        "claims",
        sa.Column("claim_id", ID, nullable=False),
        sa.Column("doc_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.Text(), nullable=False),
        sa.Column("polarity", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("attributions", sa.JSON(), nullable=False),
        sa.Column("sectors", sa.JSON(), nullable=False),
        sa.Column("event_date", sa.Text(), nullable=True),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("claim_id", name="pk_claims"),
        _doc_fk("claims"),
    )
    op.create_index("ix_claims_doc_id", "claims", ["doc_id"])
    op.create_index("ix_claims_indicator", "claims", ["indicator"])

    op.create_table(
        "quantities",
        sa.Column("doc_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "position", name="pk_quantities"),
        _doc_fk("quantities"),
    )

    op.create_table(
        "entities",
        sa.Column("doc_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "position", name="pk_entities"),
        _doc_fk("entities"),
    )
    op.create_index("ix_entities_name", "entities", ["name"])

    op.create_table(
        "attributions",
        sa.Column("doc_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "position", name="pk_attributions"),
        _doc_fk("attributions"),
    )
    op.create_index("ix_attributions_name", "attributions", ["name"])

    op.create_table(
        "sectors",
        sa.Column("doc_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sector", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", "position", name="pk_sectors"),
        _doc_fk("sectors"),
    )
    op.create_index("ix_sectors_sector", "sectors", ["sector"])

    op.create_table(
        "ingest_errors",
        sa.Column("error_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("error_id", name="pk_ingest_errors"),
    )

    op.create_table(
        "sources",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("analyst", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_sources"),
    )

    op.create_table(
        "decisions",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("decision_id", ID, nullable=False),
        sa.Column("target_kind", sa.Text(), nullable=False),
        sa.Column("target_id", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("analyst", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reliability", sa.String(1), nullable=True),
        sa.Column("credibility", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.Text(), nullable=True),
        sa.Column("undone_by", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name="pk_decisions"),
        sa.UniqueConstraint("decision_id", name="uq_decisions_decision_id"),
    )
    op.create_index("ix_decisions_target", "decisions", ["target_kind", "target_id"])

    op.create_table(
        "questions",
        sa.Column("question_id", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("criteria", sa.Text(), nullable=False),
        sa.Column("resolution_date", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("resolved_at", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Boolean(), nullable=True),
        sa.Column("hypothesis", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("question_id", name="pk_questions"),
    )

    op.create_table(
        "forecasts",
        sa.Column("question_id", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("question_id", "as_of", "method", name="pk_forecasts"),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.question_id"],
            name="fk_forecasts_question_id_questions",
            ondelete="CASCADE",
        ),
    )

    op.create_table(
        "scenario_runs",
        sa.Column("run_id", sa.Text(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("run_id", name="pk_scenario_runs"),
    )


def downgrade() -> None:
    for index, table in [
        ("ix_decisions_target", "decisions"),
        ("ix_sectors_sector", "sectors"),
        ("ix_attributions_name", "attributions"),
        ("ix_entities_name", "entities"),
        ("ix_claims_indicator", "claims"),
        ("ix_claims_doc_id", "claims"),
        ("ix_documents_cluster", "documents"),
        ("ix_documents_published", "documents"),
    ]:
        op.drop_index(index, table_name=table)
    for table in [
        "scenario_runs",
        "forecasts",
        "questions",
        "decisions",
        "sources",
        "ingest_errors",
        "sectors",
        "attributions",
        "entities",
        "quantities",
        "claims",
        "document_paths",
        "documents",
    ]:
        op.drop_table(table)
