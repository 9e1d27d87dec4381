"""The migrations build exactly the tables the models describe, on SQLite and PostgreSQL, and the
newest migration can be undone and done again."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers every table)
from storage.database import alembic_config


def test_migreringarna_ger_samma_schema_som_modellerna(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_senaste_migreringen_kan_tas_bort_och_goras_igen(engine):
    config = alembic_config(engine)
    command.downgrade(config, "-1")
    command.upgrade(config, "head")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        assert compare_metadata(context, SQLModel.metadata) == []
