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
from bot.settings import Settings
from bot.slack.app_factory import create_app, make_web_client
from bot.slack.deps import SlackDeps
from bot.slack.http_server import SlackHttpServer
from bot.slack.notifier import SlackNotifier
from intents.engine import DialogueEngine
from intents.messages import ChannelKind, IncomingMessage, Reply
from intents.notifier import RecordingNotifier
from intents.routines.search import RoutineSearch
from intents.turn import BotServices
from storage.database import make_engine, session_scope, upgrade_schema
from storage.models import UnitCreate
from storage.people import set_role
from storage.units import create_unit
from storage.vocabulary import Role, UnitType
from tests.conftest import in_ci
from tests.slack.conftest import SECRET, SlackHarness
from tests.slack.stand_in import StandIn
from tests.support.postgres_server import PostgresServer, PostgresUnavailable, start_server

NOW = datetime.fromisoformat("2026-03-10T14:00:00+01:00")



@pytest.fixture(scope="module")
def own_postgres() -> Iterator[PostgresServer]:
    """A server only this module uses, so stopping it cannot disturb any other test."""
    try:
        server = start_server()
    except PostgresUnavailable as exc:
        if in_ci():
            pytest.fail(f"PostgreSQL behövs i CI: {exc}")
        pytest.skip(f"PostgreSQL-testerna hoppas över: {exc}")
    try:
        yield server
    finally:
        server.stop()


_databases = iter(range(1, 10_000))


def seeded(db: Engine) -> Engine:
    upgrade_schema(db)
    with session_scope(db) as session:
        for name, kind in [("Solgården", UnitType.SARSKILT_BOENDE), ("Björkhagen", UnitType.SARSKILT_BOENDE)]:
            create_unit(session=session, unit_in=UnitCreate(name=name, type=kind, aliases=[]))
        set_role(session=session, platform_user_id="U-chef", role=Role.CHEF, unit_name="Solgården")
        set_role(session=session, platform_user_id="U-mas", role=Role.MAS)
    return db


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


def services_on(db: Engine, nlu, routines, notifier) -> BotServices:
    return BotServices(engine=db, nlu=nlu, routines=routines, routine_search=RoutineSearch(routines.routines),
                       notifier=notifier, mas_user_ids=["U-mas"], sas_user_ids=[])


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


def start_slack(db: Engine, nlu, routines) -> tuple[SlackHarness, StandIn, SlackHttpServer]:
    api = StandIn().start()
    settings = Settings(_env_file=None, slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                        slack_api_url=api.api_url, slack_app_token=None)
    client = make_web_client(settings)
    deps = SlackDeps(dialogue=DialogueEngine(services_on(db, nlu, routines, SlackNotifier(client))),
                     clock=lambda: NOW)
    server = SlackHttpServer(create_app(settings, deps, client), host="127.0.0.1", port=0).start()
    return SlackHarness(server, api, db, deps), api, server


@pytest.fixture
def slack_on_postgres(pg_db, shared_nlu, routine_library) -> Iterator[SlackHarness]:
    """The real Bolt app over HTTP, like tests/slack, but on the module's own PostgreSQL server."""
    harness, api, server = start_slack(pg_db, shared_nlu, routine_library)
    try:
        yield harness
    finally:
        server.stop()
        api.stop()


@pytest.fixture
def slack_on_sqlite(tmp_path, shared_nlu, routine_library) -> Iterator[SlackHarness]:
    db = seeded(make_engine(f"sqlite:///{tmp_path / 'slack.db'}"))
    harness, api, server = start_slack(db, shared_nlu, routine_library)
    try:
        yield harness
    finally:
        server.stop()
        api.stop()
        db.dispose()
