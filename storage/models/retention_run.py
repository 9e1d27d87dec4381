from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.timestamps import UTCDateTime, utc_now


class RetentionRun(SQLModel, table=True):
    """The daily gallring: the unique day is the lock that lets exactly one process run it."""

    __tablename__ = "retention_run"

    day: str = Field(max_length=10, primary_key=True)  # "2026-03-05", Swedish date
    claimed_by: str = Field(default="", max_length=120)
    claimed_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
    finished_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    summary: str = ""
