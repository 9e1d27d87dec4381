"""The daily reminders: on working days from REMINDER_TIME (Stockholm), one message per person with
everything that waits for them (intents/reminders/). Run by the scheduler's sweep every few minutes
and by `omsorgsbot påminnelser --send`.

The day's reminders are queued in the outbox (storage/outbox.py) in one transaction with the day's
ReminderRun row (storage/reminder_runs.py): whichever process inserts that row queues them, so they
are queued exactly once however many processes run, and later sweeps of the day skip the selection.
Each reminder's dedupe key is `reminder:{day}:{user}`. The outbox worker sends them, and tries again
when Slack fails, until they have arrived.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.settings import Settings
from intents.delivery import process_name
from intents.reminders.calendar import is_working_day
from intents.reminders.selection import ReminderPeriods, select_reminders
from intents.reminders.text import reminder_text
from storage.database import session_scope
from storage.outbox import enqueue_message
from storage.reminder_runs import claim_reminder_run, get_reminder_run, reminder_message_prefix
from storage.timestamps import to_stockholm, utc_now
from storage.vocabulary import MessageKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    key: str
    recipient: str
    text: str


def periods_of(settings: Settings) -> ReminderPeriods:
    return ReminderPeriods(new_working_days=settings.reminder_new_working_days,
                           feedback_days=settings.reminder_feedback_days, lex_hours=settings.reminder_lex_hours)


def reminder_key(day: date, recipient: str) -> str:
    return f"{reminder_message_prefix(day)}{recipient}"


def send_time(settings: Settings) -> time:
    hour, _, minute = settings.reminder_time.partition(":")
    return time(int(hour), int(minute or 0))


def reminders_due(settings: Settings, now: datetime) -> bool:
    """On a working day, from the reminder time on."""
    local = to_stockholm(now)
    return settings.reminders_enabled and is_working_day(local.date()) and local.time() >= send_time(settings)


def _reminders(session: Session, settings: Settings, now: datetime,
               only: Sequence[str] | None = None) -> list[Reminder]:
    day = to_stockholm(now).date()
    periods = periods_of(settings)
    batches = select_reminders(session=session, now=now, periods=periods, mas_user_ids=settings.mas_user_ids,
                               sas_user_ids=settings.sas_user_ids)
    return [Reminder(reminder_key(day, recipient), recipient, reminder_text(items, now, periods))
            for recipient, items in sorted(batches.items()) if only is None or recipient in only]


def todays_reminders(*, engine: Engine, settings: Settings, now: datetime,
                     only: Sequence[str] | None = None) -> list[Reminder]:
    """Everyone's reminder for today (or only some people's), whether queued or not."""
    with session_scope(engine) as session:
        return _reminders(session, settings, now, only)


def queue_due_reminders(*, engine: Engine, settings: Settings, now: datetime | None = None, force: bool = False,
                        claimed_by: str | None = None) -> int:
    """Queue today's reminders in the outbox unless they were queued before; returns how many were
    queued. `force`: also outside the reminder time, and again after the day's pass (each person's
    reminder is still queued at most once a day)."""
    now = now or utc_now()
    if not (force or reminders_due(settings, now)):
        return 0
    day = to_stockholm(now).date()
    with session_scope(engine) as session:
        if not force and get_reminder_run(session=session, day=day) is not None:
            return 0  # the day's pass went through: later sweeps skip the selection
    with session_scope(engine) as session:
        run = claim_reminder_run(session=session, day=day, claimed_by=claimed_by or process_name(), now=now)
        if run is None and not force:
            return 0  # another process queued them
        queued = 0
        for reminder in _reminders(session, settings, now):
            queued += enqueue_message(session=session, kind=MessageKind.REMINDER, recipient=reminder.recipient,
                                      text=reminder.text, dedupe_key=reminder.key, now=now) is not None
        if run is not None:
            run.queued = queued
            session.add(run)
    if queued:
        log.info("%s reminders queued for %s", queued, day.isoformat())
    return queued
