from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.timestamps import UTCDateTime, utc_now


class ProcessedEvent(SQLModel, table=True):
    """A platform event already handled (Slack event_id / client_msg_id): idempotency across processes."""

    __tablename__ = "processed_event"

    event_key: str = Field(max_length=128, primary_key=True)
    received_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
