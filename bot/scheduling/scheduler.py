"""The clock of `omsorgsbot serve`: the weekly digest on the settings' cron (Europe/Stockholm),
and every few minutes a sweep that queues missing alerts, any digest that is due but not queued
(missed while the bot was down, or failed) and, on working days from REMINDER_TIME, the daily
reminders. The jobs only queue messages in the outbox; the outbox worker
(bot/scheduling/outbox_worker.py) sends them. Safe to run in several processes at once.

Each job is one `scheduler.add_job` line below; add new jobs the same way."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.engine import Engine

from bot.retention.schedule import add_nightly_retention
from bot.scheduling.alert_sweep import sweep_alerts
from bot.scheduling.digest_delivery import deliver_due_digests
from bot.scheduling.digest_due import digest_trigger
from bot.scheduling.reminders import queue_due_reminders
from bot.settings import Settings
from intents.delivery import process_name
from storage.timestamps import STOCKHOLM, utc_now

log = logging.getLogger(__name__)

SWEEP_MINUTES = 5
MISFIRE_GRACE_SECONDS = 15 * 60


def _guarded(job: Callable[[], object], name: str) -> Callable[[], None]:
    def run() -> None:
        try:
            job()
        except Exception:  # a job must never take the scheduler down
            log.exception("scheduled job %s failed", name)
    return run


def start_scheduler(
    settings: Settings, engine: Engine, *, wake: Callable[[], None] = lambda: None,
    clock: Callable[[], datetime] = utc_now, sweep_minutes: float = SWEEP_MINUTES,
    claimed_by: str | None = None,
) -> BackgroundScheduler:
    """Start and return a BackgroundScheduler (call `.shutdown()` when the bot stops). `wake` tells
    the outbox worker that a job queued messages."""
    claimed_by = claimed_by or process_name()

    def digests() -> None:
        deliver_due_digests(engine=engine, settings=settings, now=clock(), claimed_by=claimed_by)
        wake()

    def sweep() -> None:
        sweep_alerts(engine=engine, settings=settings, now=clock())
        digests()  # catches up after downtime and retries failures
        queue_due_reminders(engine=engine, settings=settings, now=clock(), claimed_by=claimed_by)
        wake()

    scheduler = BackgroundScheduler(timezone=STOCKHOLM)
    scheduler.add_job(_guarded(digests, "weekly digest"), digest_trigger(settings.digest_cron), id="weekly-digest",
                      coalesce=True, max_instances=1, misfire_grace_time=MISFIRE_GRACE_SECONDS)
    scheduler.add_job(_guarded(sweep, "sweep"), IntervalTrigger(minutes=sweep_minutes), id="sweep",
                      next_run_time=datetime.now(STOCKHOLM), coalesce=True, max_instances=1)
    add_nightly_retention(scheduler, settings, engine, clock=clock, claimed_by=claimed_by, guard=_guarded)
    scheduler.start()
    log.info("scheduler started: weekly digest at '%s' (Europe/Stockholm), sweep every %s min",
             settings.digest_cron, sweep_minutes)
    return scheduler
