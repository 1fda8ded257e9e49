"""Sign-in that an attacker cannot turn against a user: when the last wrong password came (failures
decay), an epoch that a password or role change moves on (ending the person's sessions), and the
organisation's issuer and subject an account is bound to at its first single sign-on.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    with op.batch_alter_table("people") as table:
        table.add_column(sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True))
        table.add_column(sa.Column("epoch", sa.Integer, nullable=False, server_default="0"))
        table.add_column(sa.Column("issuer", sa.String(300), nullable=True))
        table.add_column(sa.Column("subject", sa.String(300), nullable=True))
        table.drop_column("locked_until")


def downgrade() -> None:
    with op.batch_alter_table("people") as table:
        table.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
        table.drop_column("subject")
        table.drop_column("issuer")
        table.drop_column("epoch")
        table.drop_column("failed_at")
