"""Opening the configured database, with its schema brought up to date on start."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.engine import Engine

from bot.settings import get_settings
from storage.database import make_engine, upgrade_schema


@lru_cache(maxsize=4)
def open_database(url: str | None = None) -> Engine:
    engine = make_engine(url or get_settings().database_url)
    upgrade_schema(engine)
    return engine
