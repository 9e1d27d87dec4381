"""The load run: simulated reporters talk to several bot workers at once over signed HTTP, some
events are redelivered as Slack retries to another worker, and afterwards the database must hold
every completed dialogue exactly once.

Used by bench/load_test.py (the full run) and tests/load (a small one in the suite).
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from bench.slack_traffic import (
    REPORT_TEXTS,
    dm_channel,
    dm_envelope,
    percentile,
    post_signed,
    prepare_database,
    replies_to,
    start_worker,
)
from storage.database import make_engine, session_scope
from storage.models import Person, Report
from tests.slack.stand_in import StandIn

ACK_LIMIT_S = 3.0
SAVED_MARK = "registrerad som AV-"
DUPLICATE_QUESTION = "Är det samma händelse"  # the reports repeat each other's words, so this is asked


@dataclass
class LoadResult:
    events: int = 0
    retries: int = 0
    dialogues_completed: int = 0
    warm_up_dialogues: int = 0  # one per worker before the measured run
    statuses: dict[int, int] = field(default_factory=dict)
    ack_seconds: list[float] = field(default_factory=list)
    reply_seconds: list[float] = field(default_factory=list)  # signed event sent → reply at the Web API
    reports_stored: int = 0
    distinct_references: int = 0
    reports_per_user: dict[str, int] = field(default_factory=dict)
    completed_per_user: dict[str, int] = field(default_factory=dict)
    extra_replies: int = 0
    unsaved: int = 0  # "skicka" answered with anything but a reference number
    worker_peak_rss_mb: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    @property
    def ok(self) -> bool:
        return not self.failures()

    def failures(self) -> list[str]:
        out = list(self.problems)
        if self.server_errors:
            out.append(f"{self.server_errors} svar med 5xx")
        if any(s != 200 for s in self.statuses):
            out.append(f"statuskoder {self.statuses}")
        slow = [s for s in self.ack_seconds if s >= ACK_LIMIT_S]
        if slow:
            out.append(f"{len(slow)} kvittenser tog {ACK_LIMIT_S} s eller mer")
        completed = self.dialogues_completed + self.warm_up_dialogues
        if self.reports_stored != completed:
            out.append(f"{self.reports_stored} sparade rapporter men {completed} avslutade samtal")
        if self.distinct_references != self.reports_stored:
            out.append("dubbla referensnummer")
        if self.reports_per_user != self.completed_per_user:
            out.append("någon användare har fler eller färre rapporter än avslutade samtal")
        if self.unsaved:
            out.append(f"{self.unsaved} rapporter kunde inte sparas (”skicka” fick inget referensnummer)")
        if self.extra_replies:
            out.append(f"{self.extra_replies} svar för mycket (en omleverans besvarades?)")
        return out

    def summary(self) -> str:
        acks = f"kvittens p50 {percentile(self.ack_seconds, .5) * 1000:.0f} ms, max {max(self.ack_seconds) * 1000:.0f} ms" \
            if self.ack_seconds else "inga kvittenser"
        return (f"{self.events} händelser ({self.retries} omleveranser), {self.dialogues_completed} avslutade samtal, "
                f"{self.reports_stored} sparade rapporter, statuskoder {self.statuses}, {acks}")


class _Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.result = LoadResult()

    def ack(self, status: int, seconds: float, retry: bool) -> None:
        with self.lock:
            self.result.events += 1
            self.result.retries += retry
            self.result.statuses[status] = self.result.statuses.get(status, 0) + 1
            self.result.ack_seconds.append(seconds)


def _simulate_user(user: str, offset: int, turns: int, workers: list, api: StandIn, tally: _Tally,
                   rng: random.Random, retry_share: float, reply_timeout: float,
                   think_s: tuple[float, float]) -> tuple[int, int]:
    """One reporter: whole dialogues (report, then "skicka") until `turns` events are sent, pausing
    `think_s` (a random time in that range) after each reply, as a person reading and typing.
    Returns (events sent without retries, dialogues completed)."""
    sent = completed = 0
    where = replies_to(user)
    while sent + 2 <= turns:
        script = [rng.choice(REPORT_TEXTS), "skicka"]
        while script:
            text = script.pop(0)
            if think_s[1] > 0:
                time.sleep(rng.uniform(*think_s))
            _, body = dm_envelope(user, text)
            worker = workers[(sent + offset) % len(workers)]
            t0 = time.perf_counter()  # from the event leaving "Slack" to the reply arriving there
            status, seconds = post_signed(worker.address, body)
            tally.ack(status, seconds, retry=False)
            sent += 1
            if rng.random() < retry_share:  # Slack did not see the ack in time: redelivered elsewhere
                other = workers[(sent + offset) % len(workers)]
                status, seconds = post_signed(other.address, body, retry_num=1)
                tally.ack(status, seconds, retry=True)
            reply = api.wait_for("chat.postMessage", sent, timeout=reply_timeout, where=where)[sent - 1]
            with tally.lock:
                tally.result.reply_seconds.append(time.perf_counter() - t0)
            if text in ("skicka", "nej") and DUPLICATE_QUESTION in reply.params.get("text", ""):
                script = ["nej"]  # the same words as another reporter's: a new event of this reporter's own
            elif text in ("skicka", "nej"):
                if SAVED_MARK in reply.params.get("text", ""):
                    completed += 1
                else:
                    with tally.lock:
                        tally.result.unsaved += 1
    return sent, completed


def run_load(*, database_url: str, events: int = 1000, users: int = 100, retry_share: float = 0.10,
             workers: int = 2, seed: int = 11, reply_timeout: float = 60.0, workdir: Path | None = None,
             think_s: tuple[float, float] = (0.0, 0.0)) -> LoadResult:
    """Drive `events` DM events from `users` reporters through `workers` bot processes. With no
    think time every reporter sends the next message the moment the reply arrives (a stress test)."""
    workdir = workdir or Path(tempfile.mkdtemp(prefix="omsorgsbot-load-"))
    prepare_database(database_url)
    api = StandIn(lifetime=3600).start()
    started = []
    tally = _Tally()
    try:
        started = [start_worker(database_url=database_url, api_url=api.api_url, workdir=workdir)
                   for _ in range(workers)]
        # One dialogue per worker first, not measured: a fresh process loads rules and opens
        # connections on its first messages, which a running bot has long done.
        warm_up = {f"U-uppvarmning-{k}": _simulate_user(f"U-uppvarmning-{k}", k, 2, started, api, _Tally(),
                                                          random.Random(seed), 0.0, reply_timeout, (0.0, 0.0))
                   for k in range(workers)}
        turns = max(2, events // users)
        names = [f"U-last-{i:03d}" for i in range(users)]
        with ThreadPoolExecutor(max_workers=users) as pool:
            futures = {name: pool.submit(_simulate_user, name, i, turns, started, api, tally,
                                         random.Random(seed + i), retry_share, reply_timeout, think_s)
                       for i, name in enumerate(names)}
            outcomes = {}
            for name, future in futures.items():
                try:
                    outcomes[name] = future.result()
                except Exception as exc:  # a lost reply is a failure of the run, not of the driver
                    tally.result.problems.append(f"{name}: {exc}")
                    outcomes[name] = (0, 0)
        api.settle(quiet=1.5, timeout=30)
        result = tally.result
        result.dialogues_completed = sum(done for _, done in outcomes.values())
        result.warm_up_dialogues = sum(done for _, done in warm_up.values())
        outcomes |= warm_up
        result.completed_per_user = {name: done for name, (_, done) in outcomes.items() if done}
        replies_per_channel = Counter(c.params.get("channel") for c in api.made("chat.postMessage"))
        result.extra_replies = sum(max(0, replies_per_channel[dm_channel(name)] - sent)
                                   for name, (sent, _) in outcomes.items())
        _read_database(database_url, result)
        result.worker_peak_rss_mb = max(worker.peak_rss_mb() for worker in started)
        return result
    finally:
        for worker in started:
            worker.stop()
        api.stop()


def _read_database(database_url: str, result: LoadResult) -> None:
    engine = make_engine(database_url)
    try:
        with session_scope(engine) as session:
            result.reports_stored = session.exec(select(func.count()).select_from(Report)).one()
            result.distinct_references = session.exec(select(func.count(func.distinct(Report.reference)))).one()
            rows = session.exec(select(Person.platform_user_id, func.count(Report.id))
                                .join(Report, Report.reporter_id == Person.id)
                                .group_by(Person.platform_user_id)).all()
            result.reports_per_user = {user: n for user, n in rows}
    finally:
        engine.dispose()
