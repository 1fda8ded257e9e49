"""Saved presentations.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "presentations",
        sa.Column("slug", sa.String(40), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("owner", sa.String(120), nullable=False, index=True),
        sa.Column("items", sa.JSON, nullable=False),
        sa.Column("lang", sa.String(5), nullable=False),
        sa.Column("content_note", sa.Boolean, nullable=False),
        sa.Column("closing", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("presentations")
