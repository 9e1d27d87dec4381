"""Handling at scale: reading handling messages (µs per message), and on the count benchmark's filled
databases the reads behind the handling lists, the daily reminders and time per stage.

usage: python bench/handling_speed.py [--messages 5000]   (the reader only; bench/run.py measures the
database reads on the count benchmark's databases). Prints `name: value unit` lines.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy.engine import Engine  # noqa: E402

from bench.count_speed import label  # noqa: E402
from bench.figures import Figure, report  # noqa: E402
from intents.reminders.selection import ReminderPeriods, select_reminders  # noqa: E402
from intents.stage_times import stage_times  # noqa: E402
from nlp_models.handling import read_handling  # noqa: E402
from storage.database import session_scope  # noqa: E402
from storage.report_queries import Queue, queued_reports  # noqa: E402
from storage.timestamps import STOCKHOLM  # noqa: E402

# A moment inside the generated data (2023-2026), with reports both before and after it.
NOW = datetime(2025, 11, 19, 9, 0, tzinfo=STOCKHOLM)
FIELDS = ["utredning: pratat med nattpersonalen och ssk", "orsak: lös matta i hallen", "åtgärd: mattan borttagen",
          "återkoppling: tack, vi tar upp det på APT", "status åtgärdad", "lagrum HSL", "vi har bytt batteri i larmet",
          "den är klar nu", "informerat dottern", "lex maria: ej anmälningspliktig", "orsaken var att larmet var ur"]
SEPARATORS = [". ", "; ", "\n", " ", ", "]


def messages(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = rng.sample(FIELDS, rng.randint(1, 4))
        text = parts[0]
        for part in parts[1:]:
            text += rng.choice(SEPARATORS) + part
        out.append(text)
    return out


def measure_reader(n: int) -> list[Figure]:
    texts = messages(n)
    read_handling(texts[0])  # the vocabulary is compiled once, at the first message
    start = time.perf_counter()
    for text in texts:
        read_handling(text)
    return [Figure("handling_read_us_per_message", (time.perf_counter() - start) / n * 1e6, "µs")]


def _median_ms(action, repeats: int = 7) -> float:
    timings = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        action()
        timings.append((time.perf_counter() - t0) * 1000)
    return statistics.median(timings)


def handling_figures(n: int, backend: str, engine: Engine) -> list[Figure]:
    """Time of a list page (the first and the sixth), today's reminder selection and 12 weeks of time
    per stage, on a filled database."""
    suffix = f"{backend}_{label(n)}"
    with session_scope(engine) as session:
        first = _median_ms(lambda: queued_reports(session=session, queue=Queue.NEW, unit_ids=None, as_of=NOW))
        sixth = _median_ms(lambda: queued_reports(session=session, queue=Queue.UNASSESSED, unit_ids=None,
                                                  offset=50, as_of=NOW))
        reminders = _median_ms(lambda: select_reminders(session=session, now=NOW, periods=ReminderPeriods(),
                                                        mas_user_ids=["U-mas"]), repeats=3)
        stages = _median_ms(lambda: stage_times(session=session, reported_from=NOW - timedelta(weeks=12),
                                                reported_to=NOW), repeats=3)
    return [report(Figure(f"handling_list_page_ms_{suffix}", max(first, sixth), "ms")),
            report(Figure(f"reminder_selection_ms_{suffix}", reminders, "ms")),
            report(Figure(f"stage_times_ms_{suffix}", stages, "ms"))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=5_000)
    args = parser.parse_args()
    for figure in measure_reader(args.messages):
        report(figure)


if __name__ == "__main__":
    main()
