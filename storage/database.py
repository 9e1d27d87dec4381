"""Engine, sessions and schema upgrades. The only place that knows which database we run on."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
TURN_TIMEOUT_S = 30


def normalise_url(url: str) -> str:
    """Accept plain `postgresql://` URLs and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def make_engine(url: str) -> Engine:
    """The engine for `url`. `hide_parameters`: an error or a log line never carries the values of a
    statement (report text), only the SQL."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True)
        writer = _WriterTurns()
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", writer.begin)
        event.listen(engine, "commit", writer.end)
        event.listen(engine, "rollback", writer.end)
        event.listen(engine.pool, "checkin", writer.end_of_pooled)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLAlchemy's recipe for pysqlite: the driver must not begin transactions itself, so that
    # `_sqlite_begin_immediate` decides how they begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted rows (gallring, re-masking) are overwritten, not left in free pages
    cursor.close()


class _WriterTurns:
    """Take the write lock when a transaction begins. A transaction that first reads and then writes
    (a draft, a reference number) would otherwise fail at once with "database is locked" when
    another one writes at the same time; this way it waits for its turn.

    Within one process the threads queue on a lock of our own: SQLite's busy handler polls with
    sleeps that grow to 100 ms, so under load a waiting thread could lose its turn again and again
    (seconds of waiting for milliseconds of work). Other processes still meet SQLite's busy_timeout."""

    _HELD = "omsorgsbot_write_turn"

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def begin(self, connection) -> None:
        if not self._lock.acquire(timeout=TURN_TIMEOUT_S):  # as SQLite's own busy_timeout would
            raise sqlite3.OperationalError("database is locked")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            self._lock.release()
            raise
        connection.connection.info[self._HELD] = True

    def _release(self, info: dict) -> None:
        if info.pop(self._HELD, False):
            self._lock.release()

    def end(self, connection) -> None:
        self._release(connection.connection.info)

    def end_of_pooled(self, dbapi_connection, record) -> None:
        """A connection returned to the pool never keeps the turn (e.g. after an error)."""
        if record is not None:
            self._release(record.info)


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    return config


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema up to the newest migration (safe to call on every start)."""
    command.upgrade(alembic_config(engine), "head")


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
