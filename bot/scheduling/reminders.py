"""The daily reminders: on working days from REMINDER_TIME (Stockholm), one message per person with
everything that waits for them (intents/reminders/). Run by the scheduler's sweep every few minutes
and by `omsorgsbot påminnelser --send`; each person's reminder of a day is claimed under the key
`reminder:{day}:{user}` before it is sent, so it goes out exactly once however many processes run,
and a failed send releases the claim for the next sweep.

The delivery is the one line in `_deliver`: when the outbox (storage/outbox.py) is in place, the
reminder is queued there in the claim's transaction instead.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy.engine import Engine

from bot.scheduling.digest_sender import DigestSender
from bot.settings import Settings
from intents.reminders.calendar import is_working_day
from intents.reminders.selection import ReminderPeriods, select_reminders
from intents.reminders.text import reminder_text
from storage.alert_candidates import release_notification, sent_notification_keys
from storage.database import session_scope
from storage.notifications import claim_notification
from storage.timestamps import to_stockholm, utc_now

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
    return f"reminder:{day.isoformat()}:{recipient}"


def send_time(settings: Settings) -> time:
    hour, _, minute = settings.reminder_time.partition(":")
    return time(int(hour), int(minute or 0))


def reminders_due(settings: Settings, now: datetime) -> bool:
    """On a working day, from the reminder time on."""
    local = to_stockholm(now)
    return settings.reminders_enabled and is_working_day(local.date()) and local.time() >= send_time(settings)


def todays_reminders(*, engine: Engine, settings: Settings, now: datetime,
                     only: Sequence[str] | None = None) -> list[Reminder]:
    """Everyone's reminder for today (or only some people's), whether sent or not."""
    day = to_stockholm(now).date()
    periods = periods_of(settings)
    with session_scope(engine) as session:
        batches = select_reminders(session=session, now=now, periods=periods, mas_user_ids=settings.mas_user_ids,
                                   sas_user_ids=settings.sas_user_ids)
    return [Reminder(reminder_key(day, recipient), recipient, reminder_text(items, now, periods))
            for recipient, items in sorted(batches.items()) if only is None or recipient in only]


def _deliver(sender: DigestSender, reminder: Reminder) -> None:
    sender.send_text(reminder.recipient, reminder.text)


def send_due_reminders(*, engine: Engine, settings: Settings, sender: DigestSender, now: datetime | None = None,
                       force: bool = False) -> int:
    """Send today's reminders not sent yet; returns how many were sent. `force`: also outside the
    reminder time (never twice a day)."""
    now = now or utc_now()
    if not (force or reminders_due(settings, now)):
        return 0
    done = reminder_key(to_stockholm(now).date(), "*")  # the day's pass went through: later sweeps skip it
    with session_scope(engine) as session:
        if not force and sent_notification_keys(session=session, keys=[done]):
            return 0
    reminders = todays_reminders(engine=engine, settings=settings, now=now)
    with session_scope(engine) as session:
        already = sent_notification_keys(session=session, keys=[r.key for r in reminders])
    sent = failed = 0
    for reminder in reminders:
        if reminder.key in already:
            continue
        with session_scope(engine) as session:
            if not claim_notification(session=session, key=reminder.key, recipient=reminder.recipient):
                continue
        try:
            _deliver(sender, reminder)
        except Exception:
            log.exception("reminder %s could not be sent; it is tried again on the next sweep", reminder.key)
            with session_scope(engine) as session:
                release_notification(session=session, key=reminder.key)
            failed += 1
            continue
        sent += 1
    if not failed:
        with session_scope(engine) as session:
            claim_notification(session=session, key=done, recipient="*")
    return sent
