"""Live training sessions: the trainer's position, the participants' random ids, their answers.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "live_sessions",
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column("slug", sa.String(40), nullable=False),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("base_url", sa.Text, nullable=False),
        sa.Column("slide", sa.Integer, nullable=False),
        sa.Column("activity", sa.String(8), nullable=False),
        sa.Column("results_shown", sa.Boolean, nullable=False),
        sa.Column("reveal", sa.Boolean, nullable=False),
        sa.Column("summary_shown", sa.Boolean, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "live_participants",
        sa.Column("code", sa.String(8), sa.ForeignKey("live_sessions.code", ondelete="CASCADE"), primary_key=True),
        sa.Column("participant", sa.String(32), primary_key=True),
    )
    op.create_table(
        "live_answers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("code", sa.String(8), sa.ForeignKey("live_sessions.code", ondelete="CASCADE"), index=True),
        sa.Column("slide", sa.Integer, nullable=False),
        sa.Column("example_id", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("participant", sa.String(32), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("approved", sa.Boolean, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("live_answers")
    op.drop_table("live_participants")
    op.drop_table("live_sessions")
