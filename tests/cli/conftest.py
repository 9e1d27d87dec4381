from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.database_setup import open_database
from bot.settings import get_settings


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """Run `omsorgsbot ...` in-process against a fresh SQLite database; returns (runner, invoke)."""
    from bot.cli.main import app

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    open_database.cache_clear()
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    yield invoke
    get_settings.cache_clear()
    open_database.cache_clear()
