"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL, and the
outbox migration carries over what was already sent so nothing goes out twice."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables)
from storage.database import alembic_config, make_engine, session_scope, upgrade_schema
from storage.outbox import enqueue_message, list_messages


def test_migreringarna_ger_samma_schema_som_modellerna(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_redan_skickade_larm_ar_skickade_efter_uppgraderingen(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'gammal.db'}")
    command.upgrade(alembic_config(engine), "0002_privacy")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO conversation_draft (user_key, thread_key, state, created_at, updated_at) "
                                "VALUES ('U1', '', '{}', '2026-03-10 12:00:00', '2026-03-10 12:00:00')"))
        connection.execute(text("INSERT INTO sent_notification (key, recipient, sent_at) "
                                "VALUES ('alert:AV-2026-00001:U-mas', 'U-mas', '2026-03-10 12:00:00')"))
    upgrade_schema(engine)
    with session_scope(engine) as session:
        [carried] = list_messages(session=session)
        assert (carried.kind, carried.status, carried.recipient) == ("alert", "sent", "U-mas")
        assert enqueue_message(session=session, kind="alert", recipient="U-mas", text="larm",
                               dedupe_key="alert:AV-2026-00001:U-mas") is None  # never again
        assert session.exec(text("SELECT revision FROM conversation_draft")).one()[0]
    engine.dispose()
