from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.timestamps import UTCDateTime, utc_now


class SentNotification(SQLModel, table=True):
    """An alert or feedback message already sent, so each goes out once."""

    __tablename__ = "sent_notification"

    key: str = Field(max_length=160, primary_key=True)  # e.g. "severe:AV-2026-00042:U123"
    report_id: int | None = Field(default=None, foreign_key="report.id")
    recipient: str = Field(max_length=64)
    sent_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
