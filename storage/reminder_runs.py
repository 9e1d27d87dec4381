"""The daily reminders per working day: the ReminderRun row, claimed by insert.

The UNIQUE(day) constraint is the lock. The caller inserts the row in the same transaction as the
day's reminders in the outbox (storage/outbox.py), so either both exist or neither does; a unique
violation means another process has queued them. Later sweeps of the day see the row and skip the
selection. Each reminder also has its own dedupe key, so even a forced second pass queues nothing twice.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.models import ReminderRun


def get_reminder_run(*, session: Session, day: date) -> ReminderRun | None:
    return session.exec(select(ReminderRun).where(ReminderRun.day == day)).first()


def claim_reminder_run(*, session: Session, day: date, claimed_by: str, now: datetime) -> ReminderRun | None:
    """The day's run if this caller should queue the reminders now; None if they are queued already
    (by this or another process)."""
    if get_reminder_run(session=session, day=day) is not None:
        return None
    try:
        with session.begin_nested():
            run = ReminderRun(day=day, claimed_by=claimed_by[:120], queued_at=now)
            session.add(run)
        return run
    except IntegrityError:
        return None


def reminder_message_prefix(day: date) -> str:
    """The dedupe-key prefix of one day's reminders in the outbox."""
    return f"reminder:{day.isoformat()}:"
