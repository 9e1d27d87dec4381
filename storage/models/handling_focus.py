from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.timestamps import UTCDateTime, utc_now


class HandlingFocus(SQLModel, table=True):
    """The report a handler last opened or changed, per user and thread, and when: a follow-up
    without a reference ("status utreds", "återkoppling: tack …") is about that report for a while.

    Holds the reference, not a foreign key, so that deleting a report (gallring) never waits for it;
    a focus whose report is gone is simply not used.
    """

    __tablename__ = "handling_focus"
    __table_args__ = (UniqueConstraint("user_key", "thread_key", name="uq_handling_focus_user_thread"),)

    id: int | None = Field(default=None, primary_key=True)
    user_key: str = Field(max_length=64)
    thread_key: str = Field(default="", max_length=64)
    reference: str = Field(max_length=40)
    updated_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
