"""Which process runs a day's gallring: the RetentionRun row, claimed by insert (like the digest's)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session

from storage.claims import insert_once

from storage.models import RetentionRun


def claim_retention_run(*, session: Session, day: str, claimed_by: str, now: datetime) -> bool:
    """True for the one caller that may run the day's gallring; commit before running it."""
    return insert_once(session=session, row=RetentionRun(day=day, claimed_by=claimed_by, claimed_at=now), key=day)


def finish_retention_run(*, session: Session, day: str, now: datetime, summary: str) -> None:
    session.execute(update(RetentionRun).where(RetentionRun.day == day).values(finished_at=now, summary=summary))
