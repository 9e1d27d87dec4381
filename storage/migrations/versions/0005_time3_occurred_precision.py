"""report.occurred_precision: how much of the event time was said

A time said only as a day ("i förrgår"), a part of it ("i natt"), a week ("förra veckan") or not at all is
stored at a conventional hour; this column says so, so that the summary, the stored report and the export
never show that hour as an exact time. Empty: the clock time was said (all earlier reports).

Revision ID: 0005_time3
Revises: 0004_loop
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0005_time3'
down_revision = '0004_loop'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('occurred_precision', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_column('occurred_precision')
