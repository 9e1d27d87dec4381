"""Weekly digest at scale: seconds to build one week's digest (figures, text and 12-week chart)
over a database of N reports.

usage: python bench/digest_speed.py [--size 100000]   (SQLite; bench/run.py also measures it on the
count benchmark's databases). Prints `digest_s_N: X s`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy.engine import Engine  # noqa: E402

from bench.count_speed import fill, label  # noqa: E402
from bench.figures import Figure, report  # noqa: E402
from intents.digest.iso_weeks import IsoWeek  # noqa: E402
from intents.digest.weekly_digest import build_weekly_digest  # noqa: E402
from storage.database import make_engine, session_scope, upgrade_schema  # noqa: E402

# A week well inside the generated data (2023-2026), so every comparison window is full.
WEEK = IsoWeek.containing(date(2025, 11, 17))


def digest_seconds(engine: Engine, repeats: int = 3) -> float:
    """The fastest of a few builds: the MAS's Monday digest, all units, as the scheduler makes it."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        with session_scope(engine) as session:
            digest = build_weekly_digest(session=session, week=WEEK)
        best = min(best, time.perf_counter() - start)
        assert digest.text and digest.chart_png.startswith(b"\x89PNG")
    return best


def digest_figure(n: int, backend: str, engine: Engine) -> list[Figure]:
    suffix = "" if backend == "sqlite" else "_postgres"
    return [report(Figure(f"digest_s_{label(n)}{suffix}", digest_seconds(engine), "s"))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    engine = make_engine(f"sqlite:///{tempfile.mkdtemp()}/digest.db")
    upgrade_schema(engine)
    fill(engine, args.size)
    digest_figure(args.size, "sqlite", engine)


if __name__ == "__main__":
    main()
