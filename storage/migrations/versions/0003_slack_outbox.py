"""the outbox for messages the bot sends on its own, and a revision per conversation draft

`outbound_message` replaces `sent_notification` (a key claimed before sending, released on failure):
every alert, feedback message and digest part is a row that a worker delivers and marks sent only
once Slack accepted it. Keys already claimed are carried over as sent, so nothing is sent twice.
`conversation_draft.revision` changes on each save, so a button shown for an earlier state is refused.

Revision ID: 0003_slack
Revises: 0002_privacy
"""
from uuid import uuid4

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.timestamps

revision = '0003_slack'
down_revision = '0002_privacy'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'outbound_message',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column('recipient', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('blocks', sa.JSON(), nullable=True),
        sa.Column('attachment', sa.LargeBinary(), nullable=True),
        sa.Column('attachment_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column('attachment_title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column('dedupe_key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=True),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('uncertain', sa.Boolean(), nullable=False),
        sa.Column('next_attempt_at', storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column('claimed_at', storage.timestamps.UTCDateTime(timezone=True), nullable=True),
        sa.Column('created_at', storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.Column('sent_at', storage.timestamps.UTCDateTime(timezone=True), nullable=True),
        sa.Column('last_error', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('delivered_to', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column('delivered_ts', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.ForeignKeyConstraint(['report_id'], ['report.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('dedupe_key'),
    )
    with op.batch_alter_table('outbound_message', schema=None) as batch_op:
        batch_op.create_index('ix_outbound_message_due', ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index('ix_outbound_message_recipient', ['recipient', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbound_message_report_id'), ['report_id'], unique=False)

    op.execute(
        "INSERT INTO outbound_message (kind, recipient, text, dedupe_key, report_id, status, attempts, uncertain, "
        "next_attempt_at, created_at, sent_at) "
        "SELECT CASE WHEN key LIKE 'feedback:%' THEN 'feedback' WHEN key LIKE 'digest:%' THEN 'digest' "
        "ELSE 'alert' END, recipient, '', key, report_id, 'sent', 1, false, sent_at, sent_at, sent_at "
        "FROM sent_notification"
    )
    op.drop_table('sent_notification')

    with op.batch_alter_table('conversation_draft', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
    drafts = sa.table('conversation_draft', sa.column('id', sa.Integer), sa.column('revision', sa.String))
    connection = op.get_bind()
    for (draft_id,) in connection.execute(sa.select(drafts.c.id)).all():
        connection.execute(drafts.update().where(drafts.c.id == draft_id).values(revision=uuid4().hex))
    with op.batch_alter_table('conversation_draft', schema=None) as batch_op:
        batch_op.alter_column('revision', existing_type=sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('conversation_draft', schema=None) as batch_op:
        batch_op.drop_column('revision')
    op.create_table(
        'sent_notification',
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=160), nullable=False),
        sa.Column('report_id', sa.Integer(), nullable=True),
        sa.Column('recipient', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('sent_at', storage.timestamps.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['report_id'], ['report.id'], ),
        sa.PrimaryKeyConstraint('key'),
    )
    op.execute("INSERT INTO sent_notification (key, report_id, recipient, sent_at) "
               "SELECT substr(dedupe_key, 1, 160), report_id, recipient, coalesce(sent_at, created_at) "
               "FROM outbound_message WHERE status = 'sent'")
    with op.batch_alter_table('outbound_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbound_message_report_id'))
        batch_op.drop_index('ix_outbound_message_recipient')
        batch_op.drop_index('ix_outbound_message_due')
    op.drop_table('outbound_message')
