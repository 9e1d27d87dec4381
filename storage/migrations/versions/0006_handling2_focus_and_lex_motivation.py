"""handling follow-ups: the report each handler works on, and the motivation of a lex assessment

- `handling_focus`: the report a handler last opened or changed (per user and thread, with the time), so a
  follow-up without a reference ("status utreds", "återkoppling: tack …") goes to that report.
- `lex_assessment.motivation`: why, as the assessor wrote it ("ej anmälningspliktig, fallet berodde inte på
  brister i vården"); before, the words after the decision were dropped.

Revision ID: 0006_handling2
Revises: 0005_time3
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.timestamps

revision = '0006_handling2'
down_revision = '0005_time3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('lex_assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('motivation', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.create_table(
        'handling_focus',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('thread_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('updated_at', storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('user_key', 'thread_key', name='uq_handling_focus_user_thread'),
    )


def downgrade() -> None:
    op.drop_table('handling_focus')
    with op.batch_alter_table('lex_assessment', schema=None) as batch_op:
        batch_op.drop_column('motivation')
