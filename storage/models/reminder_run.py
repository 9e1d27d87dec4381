from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.timestamps import UTCDateTime, utc_now


class ReminderRun(SQLModel, table=True):
    """The daily reminders of one working day, queued: the unique day decides which process queues them."""

    __tablename__ = "reminder_run"

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(unique=True)  # the Stockholm date
    claimed_by: str = Field(default="", max_length=120)
    queued_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
    queued: int = 0  # how many reminders it queued
