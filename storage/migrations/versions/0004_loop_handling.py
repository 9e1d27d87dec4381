"""closing the loop: free-text causes with categories, time per stage, lex assessments, duplicates,
list paging, the daily reminders' run per day

- `report.cause` keeps the cause as written; `report.cause_categories` the root-cause categories
  (before, `cause` held only categories: they are copied over).
- `report.first_handled_at` and `report.action_at` time the stages (reported → first handling →
  åtgärd → återkoppling); filled from the reports' history for reports handled before.
- `report.affected_informed_at`: when the affected person (or their family) was told; a lex
  candidate cannot be closed without it.
- `report.duplicate_of_id` (marked by a handler, left out of every count) and
  `report.possible_duplicate_of_id` (pointed out when it was reported).
- `lex_assessment`: the lex Sarah / lex Maria assessment of a report, who made it and when.
- `list_cursor`: where each person is in the list they last asked for ("visa fler").
- `reminder_run`: the day's reminders were queued in the outbox (one row per day decides which
  process queues them).
- The counting indexes end with `duplicate_of_id`, so counts (which leave duplicates out) stay index-only.

Revision ID: 0004_loop
Revises: 0003_slack
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.timestamps

revision = '0004_loop'
down_revision = '0003_slack'
branch_labels = None
depends_on = None

COUNTING_INDEXES = (
    ('ix_report_kind_area_occurred', ['kind', 'area', 'occurred_at']),
    ('ix_report_unit_occurred', ['unit_id', 'occurred_at']),
    ('ix_report_unit_kind_area_occurred', ['unit_id', 'kind', 'area', 'occurred_at']),
    ('ix_report_counted_occurred', ['occurred_at']),
)


def upgrade() -> None:
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cause_categories', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        batch_op.add_column(sa.Column('first_handled_at', storage.timestamps.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('action_at', storage.timestamps.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('affected_informed_at', storage.timestamps.UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('duplicate_of_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('possible_duplicate_of_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_report_duplicate_of_id_report', 'report', ['duplicate_of_id'], ['id'])
        batch_op.create_foreign_key('fk_report_possible_duplicate_of_id_report', 'report',
                                    ['possible_duplicate_of_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_report_duplicate_of_id'), ['duplicate_of_id'], unique=False)

    # the counting indexes end with duplicate_of_id: counts leave duplicates out and stay index-only
    for name, columns in COUNTING_INDEXES:
        if name != 'ix_report_counted_occurred':
            op.drop_index(name, table_name='report')
        op.create_index(name, 'report', [*columns, 'duplicate_of_id'], unique=False)

    op.execute("UPDATE report SET cause_categories = cause WHERE cause IS NOT NULL")
    op.execute("UPDATE report SET first_handled_at = (SELECT MIN(e.at) FROM report_event e "
               "WHERE e.report_id = report.id AND e.action IN ('changed', 'comment'))")
    op.execute("UPDATE report SET action_at = (SELECT MIN(e.at) FROM report_event e "
               "WHERE e.report_id = report.id AND e.action = 'changed' AND e.field = 'action') "
               "WHERE action IS NOT NULL")

    op.create_table(
        'lex_assessment',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=False),
        sa.Column('law', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column('reported_on', sa.Date(), nullable=True),
        sa.Column('assessed_by_id', sa.Integer(), nullable=True),
        sa.Column('assessed_at', storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['assessed_by_id'], ['person.id'], ),
        sa.ForeignKeyConstraint(['report_id'], ['report.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('report_id', 'law', name='uq_lex_assessment_report_law'),
    )
    with op.batch_alter_table('lex_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lex_assessment_report_id'), ['report_id'], unique=False)

    op.create_table(
        'reminder_run',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column('queued_at', storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column('queued', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('day'),
    )

    op.create_table(
        'list_cursor',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('thread_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('params', sa.JSON(), nullable=False),
        sa.Column('shown', sa.Integer(), nullable=False),
        sa.Column('updated_at', storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('user_key', 'thread_key', name='uq_list_cursor_user_thread'),
    )


def downgrade() -> None:
    for name, columns in COUNTING_INDEXES:
        op.drop_index(name, table_name='report')
        if name != 'ix_report_counted_occurred':
            op.create_index(name, 'report', columns, unique=False)
    op.drop_table('list_cursor')
    op.drop_table('reminder_run')
    with op.batch_alter_table('lex_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lex_assessment_report_id'))
    op.drop_table('lex_assessment')
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_duplicate_of_id'))
        batch_op.drop_constraint('fk_report_possible_duplicate_of_id_report', type_='foreignkey')
        batch_op.drop_constraint('fk_report_duplicate_of_id_report', type_='foreignkey')
        batch_op.drop_column('possible_duplicate_of_id')
        batch_op.drop_column('duplicate_of_id')
        batch_op.drop_column('affected_informed_at')
        batch_op.drop_column('action_at')
        batch_op.drop_column('first_handled_at')
        batch_op.drop_column('cause_categories')
