"""The full load test: 1,000 signed DM events from 100 simulated reporters through two
`omsorgsbot serve --http` workers on one PostgreSQL database, 10 % redelivered as Slack retries
to the other worker, with 0.2 s per Web API call and 5 % of the calls answered 429 or 503 (half of
the 503s after the message was posted). Every completed dialogue must be stored exactly once,
every reply and every alert to the MAS must arrive exactly once, with no 5xx and every ack under 1 s.

usage: python bench/load_test.py [--events 1000] [--users 100] [--retry-share 0.1] [--workers 2]
                                 [--latency 0.2] [--fault-share 0.05]
                                 [--database-url URL]   (default: a throwaway PostgreSQL server)
Exits 1 when any condition fails.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.figures import Figure, report  # noqa: E402
from bench.load_run import LoadResult, run_load  # noqa: E402


def run_documented_load(database_url: str | None = None, **options) -> LoadResult:
    """The documented load on a throwaway PostgreSQL server (or `database_url`)."""
    server = None
    if database_url is None:
        from tests.support.postgres_server import start_server

        server = start_server()
        database_url = server.url()
    try:
        return run_load(database_url=database_url, **options)
    finally:
        if server is not None:
            server.stop()


def load_figures(result: LoadResult) -> list[Figure]:
    """What bench/run.py writes: the slowest ack, and what was lost or doubled (all must be 0)."""
    doubled = result.extra_replies + sum(n - 1 for n in result.alerts_per_report.values() if n > 1)
    lost = (result.missing_replies + result.unsaved + result.severe_stored - len(result.alerts_per_report)
            + abs(result.reports_stored - result.dialogues_completed - result.warm_up_dialogues))
    return [report(Figure("load_ack_max_ms", max(result.ack_seconds) * 1000, "ms")),
            report(Figure("load_lost", lost, "st")),
            report(Figure("load_duplicated", doubled, "st"))]


def measure_load() -> list[Figure]:
    return load_figures(run_documented_load())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--retry-share", type=float, default=0.10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per Web API call")
    parser.add_argument("--fault-share", type=float, default=0.05, help="share of Web API calls answered 429/503")
    parser.add_argument("--database-url")
    args = parser.parse_args()
    result = run_documented_load(args.database_url, events=args.events, users=args.users,
                                 retry_share=args.retry_share, workers=args.workers, latency=args.latency,
                                 fault_share=args.fault_share)
    print(result.summary())
    for failure in result.failures():
        print(f"FEL: {failure}")
    if result.ok:
        print("OK: varje avslutat samtal sparat exakt en gång, varje svar och larm framme exakt en gång, "
              "inga 5xx, alla kvittenser under 1 s")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
