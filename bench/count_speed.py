"""Count answers at scale: median time of typical count queries at N reports, SQLite and PostgreSQL.

usage: python bench/count_speed.py [--sizes 10000,100000,1000000] [--no-postgres]
Prints `count_median_ms_sqlite_N: X ms` (and `_postgres_`) with N as 10k, 100k, 1m.
Target: under 50 ms median at 1,000,000 reports on both.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlmodel import select  # noqa: E402

from bench.figures import Figure, report  # noqa: E402
from storage.database import make_engine, session_scope, upgrade_schema  # noqa: E402
from storage.models import Report, Unit  # noqa: E402
from storage.report_counts import CountFilter, count_reports  # noqa: E402
from storage.timestamps import STOCKHOLM  # noqa: E402

UNITS = 40
AREAS = ["fall", "läkemedel", "trycksår", "larm", "övrigt"]


def label(n: int) -> str:
    return f"{n // 1_000_000}m" if n >= 1_000_000 else f"{n // 1000}k"


HANDLED_BEFORE = datetime(2026, 11, 1, tzinfo=STOCKHOLM)


def _handled(moment: datetime, rng: random.Random) -> dict:
    """As in a working municipality: older reports assessed, acted on and closed with feedback
    (a few still open), the newest ones still waiting."""
    if moment >= HANDLED_BEFORE or rng.random() < 0.02:
        return {"status": rng.choice(["ny", "utreds"])}
    assessed = moment + timedelta(days=rng.randrange(1, 20))
    return {"status": "avslutad", "assessed_at": assessed, "feedback_at": assessed + timedelta(days=2),
            "closed_at": assessed + timedelta(days=rng.randrange(3, 40)), "action": "åtgärdat",
            "feedback": "återkopplat"}


def fill(engine, n: int, seed: int = 7) -> list[int]:
    rng = random.Random(seed)
    with session_scope(engine) as session:
        session.execute(insert(Unit), [{"name": f"Enhet {i}", "name_key": f"enhet {i}", "type": "annan", "aliases": []}
                                       for i in range(UNITS)])
    with session_scope(engine) as session:
        unit_ids = list(session.exec(select(Unit.id)))
    start = datetime(2023, 1, 1, tzinfo=STOCKHOLM)
    batch = 20_000
    for offset in range(0, n, batch):
        rows = []
        for i in range(offset, min(n, offset + batch)):
            moment = start + timedelta(minutes=rng.randrange(0, 4 * 365 * 24 * 60))
            rows.append({"reference": f"B-{i:08d}", "kind": "avvikelse" if rng.random() < 0.85 else "synpunkt",
                         "area": rng.choice(AREAS), "secondary_areas": [], "unit_id": rng.choice(unit_ids),
                         "occurred_at": moment, "reported_at": moment, "description": "x", "updated_at": moment,
                         **_handled(moment, rng)})
        with session_scope(engine) as session:
            session.execute(insert(Report), rows)
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return unit_ids


def measure(engine, unit_ids: list[int], repeats: int = 30) -> float:
    rng = random.Random(3)
    timings = []
    with session_scope(engine) as session:
        for _ in range(repeats):
            month = rng.randrange(1, 13)
            first = date(2025, month, 1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            for flt in (
                CountFilter(kind="avvikelse", area=rng.choice(AREAS), start=first, end=last),
                CountFilter(kind="avvikelse", area=rng.choice(AREAS), unit_ids=[rng.choice(unit_ids)], start=first, end=last),
                CountFilter(start=date(2025, 1, 1), end=date(2025, 12, 31)),
            ):
                t0 = time.perf_counter()
                count_reports(session=session, flt=flt)
                timings.append((time.perf_counter() - t0) * 1000)
    return statistics.median(timings)


OnFilled = Callable[[int, str, Engine], list[Figure]]


def measure_counts(sizes: list[int], postgres: bool = True, on_filled: OnFilled | None = None) -> list[Figure]:
    """Median count time at each size on SQLite and (when it can start) PostgreSQL. `on_filled` may
    measure more on each filled database (the digest does) before it is dropped."""
    figures: list[Figure] = []
    server = None
    if postgres:
        from tests.support.postgres_server import PostgresUnavailable, start_server

        try:
            server = start_server()
        except PostgresUnavailable as exc:
            print(f"# PostgreSQL skipped: {exc}")
    try:
        for n in sizes:
            engine = make_engine(f"sqlite:///{tempfile.mkdtemp()}/count.db")
            upgrade_schema(engine)
            figures.append(report(Figure(f"count_median_ms_sqlite_{label(n)}", measure(engine, fill(engine, n)), "ms")))
            if on_filled:
                figures += on_filled(n, "sqlite", engine)
            engine.dispose()
            if server is not None:
                admin = make_engine(server.url())
                with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.execute(text(f"DROP DATABASE IF EXISTS bench_{n}"))
                    conn.execute(text(f"CREATE DATABASE bench_{n}"))
                engine = make_engine(server.url(f"bench_{n}"))
                upgrade_schema(engine)
                figures.append(report(Figure(f"count_median_ms_postgres_{label(n)}",
                                             measure(engine, fill(engine, n)), "ms")))
                if on_filled:
                    figures += on_filled(n, "postgres", engine)
                engine.dispose()
                with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.execute(text(f"DROP DATABASE bench_{n}"))
                admin.dispose()
    finally:
        if server is not None:
            server.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    measure_counts([int(s) for s in args.sizes.split(",")], postgres=not args.no_postgres)


if __name__ == "__main__":
    main()
