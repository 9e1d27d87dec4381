"""Reply time over HTTP: from a signed DM event sent to one `omsorgsbot serve --http` process until
the bot's reply reaches the local Web API stand-in, with 50 simulated reporters in conversation at
once (each a whole report and "skicka", twice), on the embedded SQLite database. The stand-in takes
0.2 s per Web API call, as Slack over a real network does; the reply counts as arrived when Slack
has answered the chat.postMessage.

Each reporter reads the reply and types for 1-3 s before the next message, as on a phone; that
gives `http_reply_p50_ms` and `http_reply_p99_ms` (target: p99 under 500 ms). The same run with no
pause at all - 50 messages always waiting - gives `http_reply_saturated_p50_ms`/`_p99_ms`, which
show how one process queues under a burst (there the time is queueing, not work).

usage: python bench/http_reply.py [--users 50]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.figures import Figure, report  # noqa: E402
from bench.load_run import run_load  # noqa: E402
from bench.slack_traffic import percentile  # noqa: E402


THINK_S = (1.0, 3.0)
LATENCY_S = 0.2


def _run(users: int, turns_per_user: int, think_s: tuple[float, float]):
    """One run; anything lost or doubled is an error. Slow acks are not: under a burst they are what
    the figures show (the load test, bench/load_test.py, holds acks to its limit)."""
    workdir = Path(tempfile.mkdtemp(prefix="omsorgsbot-http-"))
    result = run_load(database_url=f"sqlite:///{workdir / 'http.db'}", events=users * turns_per_user, users=users,
                      retry_share=0.0, workers=1, workdir=workdir, think_s=think_s, latency=LATENCY_S,
                      fault_share=0.0)
    problems = [p for p in result.failures() if "kvittenser" not in p]
    if problems:
        raise RuntimeError("; ".join(problems))
    return result


def measure_http_reply(users: int = 50, turns_per_user: int = 4) -> list[Figure]:
    """Reply times, and the bot process's peak memory (`peak_rss_mb`) over both runs. That is the
    worker's own high-water mark (VmHWM), not getrusage(RUSAGE_CHILDREN): on Linux a child's
    ru_maxrss includes the parent's memory at fork, so it would report this benchmark's size."""
    figures, peak = [], 0.0
    for prefix, think in (("http_reply", THINK_S), ("http_reply_saturated", (0.0, 0.0))):
        result = _run(users, turns_per_user, think)
        times, peak = result.reply_seconds, max(peak, result.worker_peak_rss_mb)
        figures += [report(Figure(f"{prefix}_p50_ms", percentile(times, 0.50) * 1000, "ms")),
                    report(Figure(f"{prefix}_p99_ms", percentile(times, 0.99) * 1000, "ms"))]
        if prefix == "http_reply":
            figures.append(report(Figure("http_ack_max_ms", max(result.ack_seconds) * 1000, "ms")))
    return figures + [report(Figure("peak_rss_mb", peak, "MB"))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    args = parser.parse_args()
    measure_http_reply(args.users)


if __name__ == "__main__":
    main()
