"""Published stays published: each example keeps the version viewers see (``published_version``,
``published_cells``) apart from its current one, so an edit makes a pending draft.

Existing rows take their published version from the history: the last published revision not
followed by a retirement.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    with op.batch_alter_table("examples") as table:
        table.add_column(sa.Column("published_version", sa.Integer, nullable=True))
        table.add_column(sa.Column("published_cells", sa.JSON, nullable=True))
    connection = op.get_bind()
    examples = sa.table(
        "examples", sa.column("id"), sa.column("published_version"), sa.column("published_cells", sa.JSON)
    )
    revisions = sa.table(
        "example_revisions",
        sa.column("example_id"),
        sa.column("version"),
        sa.column("status"),
        sa.column("cells", sa.JSON),
    )
    shown: dict[str, tuple[int, dict] | None] = {}
    rows = connection.execute(
        sa.select(revisions.c.example_id, revisions.c.version, revisions.c.status, revisions.c.cells).order_by(
            revisions.c.example_id, revisions.c.version
        )
    )
    for example_id, version, status, cells in rows:
        if status == "published":
            shown[example_id] = (version, cells)
        elif status == "retired":
            shown[example_id] = None
    for example_id, published in shown.items():
        if published:
            connection.execute(
                sa.update(examples)
                .where(examples.c.id == example_id)
                .values(published_version=published[0], published_cells=published[1])
            )


def downgrade() -> None:
    with op.batch_alter_table("examples") as table:
        table.drop_column("published_cells")
        table.drop_column("published_version")
