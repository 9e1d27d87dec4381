"""The load run: simulated reporters talk to several bot workers at once over signed HTTP, some
events are redelivered as Slack retries to another worker, and the Web API stand-in answers as a
real network does: `latency` seconds per call, and a share of the calls refused with 429 (Retry-After)
or 503 (half of those after the message was posted, as when Slack's answer is lost). Some reports
are severe, so the workers' outbox sends alerts to the MAS meanwhile.

Afterwards: every completed dialogue stored exactly once, every reply and every alert arrived
exactly once, and every ack came within a second.

Used by bench/load_test.py (the full run), bench/http_reply.py and tests/load (a small one in the suite).
"""

from __future__ import annotations

import random
import re
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
    MAS_USER,
    REPORT_TEXTS,
    SEVERE_TEXTS,
    dm_channel,
    dm_envelope,
    percentile,
    post_signed,
    prepare_database,
    start_worker,
)
from storage.database import make_engine, session_scope
from storage.models import Person, Report
from tests.slack.stand_in import StandIn

ACK_LIMIT_S = 1.0  # Slack allows three seconds; a second leaves room for the network
SAVED_MARK = "registrerad som AV-"
DUPLICATE_QUESTION = "Är det samma händelse"  # the reports repeat each other's words, so this is asked
SEVERE_SHARE = 0.2
ALERT_WAIT_S = 120.0  # an alert hit by faults waits for the outbox's backoff
REFERENCE = re.compile(r"AV-\d{4}-\d{5}")


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
    missing_replies: int = 0
    unsaved: int = 0  # "skicka" answered with anything but a reference number
    severe_stored: int = 0
    alerts_per_report: dict[str, int] = field(default_factory=dict)  # reference → alerts the MAS got
    faulted_calls: int = 0  # Web API calls answered 429 or 5xx
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
            out.append(f"{self.extra_replies} svar för mycket (en omleverans besvarades, eller ett svar postades två gånger)")
        if self.missing_replies:
            out.append(f"{self.missing_replies} svar kom aldrig fram")
        lost = self.severe_stored - len(self.alerts_per_report)
        if lost:
            out.append(f"{lost} allvarliga rapporter utan larm till MAS")
        doubled = sum(n - 1 for n in self.alerts_per_report.values() if n > 1)
        if doubled:
            out.append(f"{doubled} larm skickades två gånger")
        return out

    def summary(self) -> str:
        acks = f"kvittens p50 {percentile(self.ack_seconds, .5) * 1000:.0f} ms, max {max(self.ack_seconds) * 1000:.0f} ms" \
            if self.ack_seconds else "inga kvittenser"
        return (f"{self.events} händelser ({self.retries} omleveranser), {self.dialogues_completed} avslutade samtal, "
                f"{self.reports_stored} sparade rapporter, {sum(self.alerts_per_report.values())} larm för "
                f"{self.severe_stored} allvarliga, {self.faulted_calls} Web API-anrop med 429/5xx, "
                f"statuskoder {self.statuses}, {acks}")


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
    """One reporter: `turns // 2` whole dialogues (report, then "skicka", and "nej" when asked whether
    it is the same event as another reporter's), pausing `think_s` (a random time in that range) after
    each reply, as a person reading and typing. Returns (events sent without retries, dialogues completed)."""
    sent = completed = 0
    channel = dm_channel(user)
    for _ in range(turns // 2):
        report = rng.choice(SEVERE_TEXTS) if rng.random() < SEVERE_SHARE else rng.choice(REPORT_TEXTS)
        script = [report, "skicka"]
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
            reply = api.wait_in_channel("chat.postMessage", channel, sent, timeout=reply_timeout)[sent - 1]
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
             think_s: tuple[float, float] = (0.0, 0.0), latency: float = 0.2, fault_share: float = 0.05) -> LoadResult:
    """Drive `events` DM events from `users` reporters through `workers` bot processes. With no
    think time every reporter sends the next message the moment the reply arrives (a stress test).
    `fault_share` of the Web API calls fail, half with 429 and half with 503."""
    workdir = workdir or Path(tempfile.mkdtemp(prefix="omsorgsbot-load-"))
    prepare_database(database_url)
    api = StandIn(lifetime=3600, latency=latency, rate_limit_share=fault_share / 2,
                  server_error_share=fault_share / 2, seed=seed).start()
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
        result = tally.result
        _read_database(database_url, result)
        _wait_for_alerts(api, result.severe_stored)
        api.settle(quiet=1.5, timeout=30)
        result.dialogues_completed = sum(done for _, done in outcomes.values())
        result.warm_up_dialogues = sum(done for _, done in warm_up.values())
        outcomes |= warm_up
        result.completed_per_user = {name: done for name, (_, done) in outcomes.items() if done}
        replies_per_channel = Counter(c.params.get("channel") for c in api.made("chat.postMessage"))
        result.extra_replies = sum(max(0, replies_per_channel[dm_channel(name)] - sent)
                                   for name, (sent, _) in outcomes.items())
        result.missing_replies = sum(max(0, sent - replies_per_channel[dm_channel(name)])
                                     for name, (sent, _) in outcomes.items())
        result.alerts_per_report = dict(Counter(
            ref for c in api.made("chat.postMessage") if c.params.get("channel") == dm_channel(MAS_USER)
            for ref in REFERENCE.findall(c.params.get("text", ""))[:1]))
        result.faulted_calls = len([c for c in api.calls if c.status == 429 or c.status >= 500])
        result.worker_peak_rss_mb = max(worker.peak_rss_mb() for worker in started)
        return result
    finally:
        for worker in started:
            worker.stop()
        api.stop()


def _wait_for_alerts(api: StandIn, severe: int) -> None:
    """The outbox sends alerts after the reports are saved, with backoff when Slack refuses."""
    if severe:
        try:
            api.wait_in_channel("chat.postMessage", dm_channel(MAS_USER), severe, timeout=ALERT_WAIT_S)
        except AssertionError:
            pass  # counted as lost alerts in the result


def _read_database(database_url: str, result: LoadResult) -> None:
    engine = make_engine(database_url)
    try:
        with session_scope(engine) as session:
            result.reports_stored = session.exec(select(func.count()).select_from(Report)).one()
            result.severe_stored = session.exec(select(func.count()).select_from(Report)
                                                .where(Report.severe.is_(True))).one()  # type: ignore[attr-defined]
            result.distinct_references = session.exec(select(func.count(func.distinct(Report.reference)))).one()
            rows = session.exec(select(Person.platform_user_id, func.count(Report.id))
                                .join(Report, Report.reporter_id == Person.id)
                                .group_by(Person.platform_user_id)).all()
            result.reports_per_user = {user: n for user, n in rows}
    finally:
        engine.dispose()
