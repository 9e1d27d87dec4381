"""The fixture reports imported into a database, and the same CSV read independently for expected counts."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from bot.settings import Settings
from storage.database import session_scope
from storage.report_import import import_reports
from tests.conftest import shared_eval_file


@dataclass(frozen=True)
class CsvReport:
    """One fixture row; times have no offset, so they are Stockholm local times."""

    reference: str
    day: date
    reported: datetime  # naive local time
    kind: str
    area: str
    unit: str
    severity: str
    status: str


def read_fixture_rows() -> list[CsvReport]:
    path = shared_eval_file("fixture-dev.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [CsvReport(r["reference"], date.fromisoformat(r["occurred_at"][:10]),
                          datetime.fromisoformat(r["reported_at"] or r["occurred_at"]), r["kind"], r["area"],
                          r["unit"], r["severity"], r["status"])
                for r in csv.DictReader(handle)]


@pytest.fixture(scope="session")
def fixture_rows() -> list[CsvReport]:
    return read_fixture_rows()


@pytest.fixture
def imported(engine):
    """The engine with all fixture reports imported (descriptions unmasked, as in the file)."""
    data = shared_eval_file("fixture-dev.csv").read_bytes()
    with session_scope(engine) as session:
        result = import_reports(session=session, data=data, mask=lambda text: text)
    assert not result.errors
    return engine


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(_env_file=None, database_url="sqlite://", mas_user_ids=["U-MAS"], digest_channel="C-KVALITET",
                    sas_user_ids=["U-SAS"], indicators_file=tmp_path / "saknas.toml")
