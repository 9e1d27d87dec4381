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


def test_senaste_migreringen_behaller_rapporter_med_historik_at_bada_hallen(engine):
    from datetime import datetime, timezone

    from storage.database import session_scope
    from storage.models import ReportCreate, UnitCreate
    from storage.reports import create_report, get_report
    from storage.units import create_unit

    with session_scope(engine) as session:
        unit = create_unit(session=session, unit_in=UnitCreate(name="Solgården"))
        create_report(session=session, report_in=ReportCreate(kind="avvikelse", unit_id=unit.id, description="föll",
                                                              occurred_at=datetime(2026, 3, 1, tzinfo=timezone.utc)))
    config = alembic_config(engine)
    command.downgrade(config, "-1")
    command.upgrade(config, "head")
    with session_scope(engine) as session:
        assert get_report(session=session, reference="AV-2026-00001").description == "föll"
