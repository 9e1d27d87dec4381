"""Which week's digest is due at a moment, by the cron expression in the settings (Europe/Stockholm)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from apscheduler.triggers.cron import CronTrigger

from intents.digest.iso_weeks import IsoWeek, last_full_week
from storage.timestamps import STOCKHOLM, to_stockholm

LATE_AFTER = timedelta(hours=1)  # sent later than this after its time: marked late
LOOK_BACK = timedelta(days=8)  # a weekly cron fires at least once in this window


@dataclass(frozen=True)
class DueDigest:
    week: IsoWeek
    scheduled_for: datetime  # the cron time it belonged to
    late: bool


def digest_trigger(cron: str) -> CronTrigger:
    return CronTrigger.from_crontab(cron, timezone=STOCKHOLM)


def last_fire_time(cron: str, now: datetime) -> datetime | None:
    """The latest moment at or before `now` when the cron fires (within the last eight days)."""
    trigger = digest_trigger(cron)
    moment = trigger.get_next_fire_time(None, now - LOOK_BACK)
    last = None
    while moment is not None and moment <= now:
        last = moment
        moment = trigger.get_next_fire_time(moment, moment + timedelta(seconds=1))
    return last


def due_digest(cron: str, now: datetime) -> DueDigest | None:
    """The digest that should have gone out by now: the last full week before the latest cron time."""
    fired = last_fire_time(cron, now)
    if fired is None:
        return None
    return DueDigest(week=last_full_week(to_stockholm(fired).date()), scheduled_for=fired,
                     late=now - fired > LATE_AFTER)
