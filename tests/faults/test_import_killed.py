"""`omsorgsbot import` killed with SIGKILL while it writes: the import is one transaction, so the
database holds nothing or everything of the file, and running it again gives exactly the database
one clean run gives. Real processes, on a file SQLite database and on PostgreSQL."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, text
from sqlalchemy.engine import Engine
from sqlmodel import select

from storage.database import make_engine, session_scope, upgrade_schema
from storage.models import Person, Report, ReportEvent, Unit
from storage.report_export import export_rows, write_csv

ROWS = 6_000
OMSORGSBOT = Path(sys.executable).parent / "omsorgsbot"
STARTED_WAITING = 120.0  # bound on polling for the import to start writing (parsing comes first)

DESCRIPTIONS = [
    "brukare hittad på golvet i badrummet, ingen synlig skada",
    "kvällsmedicinen glömdes, ssk informerad",
    "rodnad på hälen som inte bleknar, vändschema ej följt",
    "larmet gick inte fram, brukaren väntade länge",
    "anhörig missnöjd med att maten var kall",
    "föll vid sängen, ringde 070-123 45 67 till dottern",
    "fel tabletter i dosetten hos bru 19450101-1234",
]


def big_csv(path: Path) -> Path:
    """A realistic file: some rows without reference (derived IMP- references), some without area
    (the classifier fills it), new units, reporters, and personal data to mask."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["reference", "occurred_at", "reported_at", "kind", "area", "unit", "severity", "status",
                         "reporter", "description"])
        for n in range(ROWS):
            day = 1 + n % 28
            writer.writerow([
                "" if n % 5 == 0 else f"K-{n:06d}",
                f"2024-{1 + n % 12:02d}-{day:02d} {n % 24:02d}:{n % 60:02d}",
                f"2024-{1 + n % 12:02d}-{day:02d} 23:59",
                "synpunkt" if n % 9 == 0 else "avvikelse",
                "" if n % 4 == 0 else ["fall", "läkemedel", "trycksår", "larm", "övrigt"][n % 5],
                f"Enhet {n % 17}",
                ["", "ingen", "lindrig", "måttlig", "allvarlig"][n % 5],
                ["ny", "utreds", "åtgärdad", "avslutad"][n % 4],
                f"U-{n % 40}" if n % 3 == 0 else "",
                f"{DESCRIPTIONS[n % len(DESCRIPTIONS)]} (händelse {n})",
            ])
    return path


def run_import(url: str, file: Path, cwd: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")} | {"DATABASE_URL": url}
    return subprocess.Popen([str(OMSORGSBOT), "import", str(file)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err[-2000:]
    return out


def snapshot(url: str) -> dict:
    """Everything the import writes, without row ids and write times."""
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            exported = io.StringIO()
            write_csv(export_rows(session=session), exported)
            events = session.exec(select(ReportEvent.action, func.count()).group_by(ReportEvent.action)).all()
            return {
                "count": session.exec(select(func.count()).select_from(Report)).one(),
                "references": set(session.exec(select(Report.reference))),
                "contents": exported.getvalue(),
                "units": sorted(session.exec(select(Unit.name))),
                "people": sorted(session.exec(select(Person.platform_user_id))),
                "events": sorted(events),
            }
    finally:
        engine.dispose()


def sqlite_has_begun_writing(path: Path) -> Callable[[], bool]:
    """Uncommitted pages go to the write-ahead log: a growing -wal file means the transaction is under way."""
    wal = Path(f"{path}-wal")
    return lambda: wal.exists() and wal.stat().st_size > 256 * 1024


def postgres_has_begun_writing(url: str) -> Callable[[], bool]:
    """A backend with a transaction id has written something that is not yet committed."""
    engine = make_engine(url)

    def check() -> bool:
        with engine.connect() as conn:
            return bool(conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()")).scalar())
    check.engine = engine  # type: ignore[attr-defined]
    return check


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_databases(request, tmp_path) -> Iterator[tuple[str, str, Callable[[], bool]]]:
    """Two empty, migrated databases (one for the killed import, one for the clean run) and a probe
    that tells when an import into the first has begun writing."""
    if request.param == "sqlite":
        paths = [tmp_path / "killed.db", tmp_path / "clean.db"]
        urls = [f"sqlite:///{p}" for p in paths]
        probe = sqlite_has_begun_writing(paths[0])
    else:
        server, admin = request.getfixturevalue("postgres_server")
        names = [f"kill{os.getpid()}_{i}_{time.monotonic_ns() % 10**9}" for i in range(2)]
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for name in names:
                conn.execute(text(f"CREATE DATABASE {name}"))
        urls = [server.url(name) for name in names]
        probe = postgres_has_begun_writing(urls[0])
    for url in urls:
        engine: Engine = make_engine(url)
        upgrade_schema(engine)
        engine.dispose()
    yield urls[0], urls[1], probe
    if request.param == "postgres":
        probe.engine.dispose()  # type: ignore[attr-defined]
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for name in names:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def test_import_som_dodas_mitt_i_och_kors_igen_ger_samma_databas_som_en_ren_korning(two_databases, tmp_path):
    killed_url, clean_url, has_begun_writing = two_databases
    file = big_csv(tmp_path / "historik.csv")

    process = run_import(killed_url, file, tmp_path)
    deadline = time.monotonic() + STARTED_WAITING
    while not has_begun_writing():
        assert process.poll() is None, f"importen tog slut innan den dödades: {process.communicate()[1][-500:]}"
        assert time.monotonic() < deadline, "importen började aldrig skriva"
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL  # really killed, not finished

    after_kill = snapshot(killed_url)
    assert after_kill["count"] in (0, ROWS), "en halv import syns i databasen"
    assert after_kill["count"] == 0 or after_kill == snapshot(killed_url)

    assert "Klart:" in finish(run_import(killed_url, file, tmp_path))
    assert "Klart:" in finish(run_import(clean_url, file, tmp_path))

    rerun, clean = snapshot(killed_url), snapshot(clean_url)
    assert clean["count"] == ROWS and len(clean["references"]) == ROWS
    assert rerun["count"] == clean["count"]
    assert rerun["references"] == clean["references"]
    assert rerun["units"] == clean["units"] and rerun["people"] == clean["people"]
    assert rerun["events"] == clean["events"] == [("imported", ROWS)]
    assert rerun["contents"] == clean["contents"]
    assert "19450101-1234" not in clean["contents"] and "070-123 45 67" not in clean["contents"]

