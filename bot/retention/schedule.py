"""The nightly gallring as a job of `omsorgsbot serve`'s scheduler (one registration)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy.engine import Engine

from bot.retention.plan import load_retention_plan
from bot.retention.run import nightly_retention
from bot.settings import Settings
from storage.timestamps import STOCKHOLM

NIGHTLY = CronTrigger(hour=3, minute=30, timezone=STOCKHOLM)


def add_nightly_retention(scheduler: BaseScheduler, settings: Settings, engine: Engine, *,
                          clock: Callable[[], datetime], claimed_by: str,
                          guard: Callable[[Callable[[], object], str], Callable[[], None]]) -> None:
    """Every night at 03.30 Swedish time; the plan file is read at each run, so edits need no restart."""

    def run() -> None:
        nightly_retention(engine=engine, plan=load_retention_plan(settings.retention_file), now=clock(),
                          claimed_by=claimed_by)

    scheduler.add_job(guard(run, "gallring"), NIGHTLY, id="nightly-retention", coalesce=True, max_instances=1,
                      misfire_grace_time=6 * 3600)
