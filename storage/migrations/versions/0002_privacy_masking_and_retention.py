"""privacy: the gallring lock table, and identifiers masked in text stored before masking knew their shapes

Revision ID: 0002_privacy
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.timestamps

revision = '0002_privacy'
down_revision = '0001'
branch_labels = None
depends_on = None

BATCH = 1_000
# (table, key column, text columns): every column a person's words can reach
_TEXT_COLUMNS = [
    ("report", "id", ["description", "immediate_action", "investigation", "cause", "action", "feedback"]),
    ("report_event", "id", ["old_value", "new_value"]),
    ("access_log", "id", ["question", "revealed"]),
    ("digest_run", "id", ["error"]),
]


def upgrade() -> None:
    op.create_table(
        'retention_run',
        sa.Column('day', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column('claimed_at', storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column('finished_at', storage.timestamps.UTCDateTime(timezone=True), nullable=True),
        sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint('day'),
    )
    remask_stored_text(op.get_bind())


def downgrade() -> None:
    op.drop_table('retention_run')  # masked text stays masked


def remask_stored_text(connection) -> None:
    """Mask again, with today's masking, every text column and every conversation draft."""
    from nlp_models.personal_data.masking import mask_text
    from storage.masked_columns import mask_value

    for table_name, key, columns in _TEXT_COLUMNS:
        table = sa.table(table_name, sa.column(key), *[sa.column(c, sa.Text) for c in columns])
        _remask(connection, table, key, columns, lambda v: mask_text(v) if isinstance(v, str) else v)
    drafts = sa.table("conversation_draft", sa.column("id"), sa.column("state", sa.JSON))
    _remask(connection, drafts, "id", ["state"], mask_value)


def _remask(connection, table, key: str, columns: list[str], mask) -> None:
    last = None
    while True:
        query = sa.select(table).order_by(table.c[key]).limit(BATCH)
        if last is not None:
            query = query.where(table.c[key] > last)
        rows = connection.execute(query).mappings().all()
        if not rows:
            return
        for row in rows:
            masked = {c: mask(row[c]) for c in columns}
            changed = {c: v for c, v in masked.items() if v != row[c]}
            if changed:
                connection.execute(sa.update(table).where(table.c[key] == row[key]).values(**changed))
        last = rows[-1][key]
