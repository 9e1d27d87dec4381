"""Fault fixtures: a PostgreSQL server of our own that a test may really stop and start again,
the conversation core and the Slack app on top of it, and the NLU shared by all of them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.reply_text import render_replies
from intents.engine import DialogueEngine
from intents.messages import ChannelKind, IncomingMessage, Reply
from intents.notifier import RecordingNotifier
from storage.database import make_engine
from tests.conftest import start_test_server
from tests.slack.conftest import SlackHarness, seeded, services_on, start_slack, stop_slack
from tests.support.postgres_server import PostgresServer

NOW = datetime.fromisoformat("2026-03-10T14:00:00+01:00")



@pytest.fixture(scope="module")
def own_postgres() -> Iterator[PostgresServer]:
    """A server only this module uses, so stopping it cannot disturb any other test."""
    server = start_test_server()
    try:
        yield server
    finally:
        server.stop()


_databases = iter(range(1, 10_000))




@pytest.fixture
def pg_db(own_postgres) -> Iterator[Engine]:
    """A fresh, migrated database on the module's own server; the server is running again afterwards."""
    name = f"fault{next(_databases)}"
    admin = make_engine(own_postgres.url())
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    db = seeded(make_engine(own_postgres.url(name)))
    try:
        yield db
    finally:
        if not server_is_up(own_postgres):
            own_postgres.resume()
        db.dispose()


def server_is_up(server: PostgresServer) -> bool:
    probe = make_engine(server.url())
    try:
        with probe.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
    finally:
        probe.dispose()




@dataclass
class Dialogue:
    """The conversation core as the terminal uses it: text in, rendered Swedish text out."""

    engine: DialogueEngine
    notifier: RecordingNotifier
    last: list[Reply] = field(default_factory=list)

    def say(self, words: str, user: str = "U-usk") -> str:
        self.last = self.engine.handle(IncomingMessage(user_id=user, text=words, at=NOW, channel=ChannelKind.DIRECT))
        return render_replies(self.last)


@pytest.fixture
def pg_dialogue(pg_db, shared_nlu, routine_library) -> Dialogue:
    notifier = RecordingNotifier()
    return Dialogue(DialogueEngine(services_on(pg_db, shared_nlu, routine_library, notifier)), notifier)




@pytest.fixture
def slack_on_postgres(pg_db, shared_nlu, routine_library) -> Iterator[SlackHarness]:
    """The real Bolt app over HTTP, like tests/slack, but on the module's own PostgreSQL server."""
    harness, _, _ = start_slack(pg_db, shared_nlu, routine_library)
    try:
        yield harness
    finally:
        stop_slack(harness)


@pytest.fixture
def slack_on_sqlite(tmp_path, shared_nlu, routine_library) -> Iterator[SlackHarness]:
    db = seeded(make_engine(f"sqlite:///{tmp_path / 'slack.db'}"))
    harness, _, _ = start_slack(db, shared_nlu, routine_library)
    try:
        yield harness
        assert harness.api.refused() == [], "Slack would have refused these payloads"
    finally:
        stop_slack(harness)
        db.dispose()
