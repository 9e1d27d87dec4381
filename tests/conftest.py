"""Shared fixtures: an empty, migrated database on SQLite and on a real PostgreSQL server.

Locally a missing PostgreSQL skips its tests with a clear message; in CI (CI=true) it fails.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import text
from sqlalchemy.engine import Engine

from storage.database import make_engine, upgrade_schema
from tests.support.postgres_server import PostgresUnavailable, start_server

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
_TEMPLATE = "omsorgsbot_template"
_counter = itertools.count()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


# Hypothesis: every local run draws new examples (that is how the generated tests keep finding
# shapes nobody wrote); CI draws the same ones each time, so a red CI is reproducible and never a
# roll of the dice. The big generated runs live in bench/ (masking_quality, dialogue_turns).
settings.register_profile("ci", derandomize=True, print_blob=True)
if in_ci():
    settings.load_profile("ci")


def shared_eval_file(name: str) -> Path:
    """A file from ../shared/eval; skipped locally when absent, an error in CI."""
    path = SHARED_EVAL / name
    if not path.exists():
        if in_ci():
            pytest.fail(f"{path} saknas i CI")
        pytest.skip(f"{path} saknas")
    return path


def start_test_server():
    """A throwaway PostgreSQL server; skipped where none can start, except in CI where that fails."""
    try:
        return start_server()
    except PostgresUnavailable as exc:
        if in_ci():
            pytest.fail(f"PostgreSQL behövs i CI: {exc}")
        pytest.skip(f"PostgreSQL-testerna hoppas över: {exc}")


@pytest.fixture(scope="session")
def postgres_server():
    server = start_test_server()
    admin = make_engine(server.url())
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"CREATE DATABASE {_TEMPLATE}"))
    template = make_engine(server.url(_TEMPLATE))
    upgrade_schema(template)
    template.dispose()
    yield server, admin
    admin.dispose()
    server.stop()


def _postgres_engine(postgres_server) -> Iterator[Engine]:
    server, admin = postgres_server
    name = f"t{os.getpid()}_{next(_counter)}"
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}"))
    engine = make_engine(server.url(name))
    yield engine
    engine.dispose()
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'omsorgsbot.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path) -> Iterator[str]:
    """A URL to an empty, migrated database: each test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'omsorgsbot.db'}"
        engine = make_engine(url)
        upgrade_schema(engine)
        engine.dispose()
        yield url
    else:
        server = request.getfixturevalue("postgres_server")
        for engine in _postgres_engine(server):
            yield engine.url.render_as_string(hide_password=False)


@pytest.fixture
def engine(database_url) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


ROUTINES = Path(__file__).resolve().parents[1] / "knowledge" / "rutiner"


@pytest.fixture(scope="session")
def shared_nlu():
    """One loaded NLU for the whole run (loading costs most of a second), with the spelling check's word
    list read as a serving process reads it before it takes messages (bot/warm_up.py): else the first
    turn of a test pays a second for it, as an ack would in a bot that skipped the warm-up."""
    from nlp_models.analyzer import LanguageUnderstanding
    from nlp_models.text.spelling import load_swedish_words

    load_swedish_words()
    return LanguageUnderstanding()


@pytest.fixture(scope="session")
def routine_library():
    from intents.routines.library import load_routines

    return load_routines(ROUTINES)
