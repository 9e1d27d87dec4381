from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Index, LargeBinary
from sqlmodel import Field, SQLModel

from storage.masked_columns import MaskedJSON, MaskedString
from storage.timestamps import UTCDateTime, utc_now


class OutboundMessage(SQLModel, table=True):
    """One message the bot sends on its own (an alert, feedback, a digest part, a reminder) to one
    recipient. Written in the same transaction as the event that causes it; a delivery worker sends
    it and records what happened, so nothing is lost when Slack or the bot fails in between.

    status: pending → sending (claimed by a worker) → sent, or failed (permanently, the admin is told).
    """

    __tablename__ = "outbound_message"
    __table_args__ = (
        Index("ix_outbound_message_due", "status", "next_attempt_at"),
        Index("ix_outbound_message_recipient", "recipient", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)  # alert, feedback, digest, reminder, admin, reply
    recipient: str = Field(max_length=64)  # a user id (sent as a direct message) or a channel id
    text: str = Field(default="", sa_column=Column(MaskedString, nullable=False))  # identifiers masked
    blocks: list[dict[str, Any]] | None = Field(default=None, sa_column=Column(MaskedJSON, nullable=True))
    attachment: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    attachment_name: str | None = Field(default=None, max_length=200)
    attachment_title: str | None = Field(default=None, max_length=200)
    dedupe_key: str = Field(max_length=200, unique=True)
    report_id: int | None = Field(default=None, foreign_key="report.id", index=True)
    status: str = Field(default="pending", max_length=12)
    attempts: int = 0
    uncertain: bool = False  # an earlier attempt may have reached Slack without its answer reaching us
    next_attempt_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
    claimed_by: str | None = Field(default=None, max_length=120)
    claimed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    created_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    last_error: str | None = Field(default=None, sa_column=Column(MaskedString, nullable=True))
    delivered_to: str | None = Field(default=None, max_length=64)  # the channel Slack posted it in
    delivered_ts: str | None = Field(default=None, max_length=32)  # Slack's ts of the posted message
