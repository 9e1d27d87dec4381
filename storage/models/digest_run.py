from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.masked_columns import MaskedString
from storage.timestamps import UTCDateTime, utc_now


class DigestRun(SQLModel, table=True):
    """One weekly digest for one audience: the unique row decides which process sends it."""

    __tablename__ = "digest_run"
    __table_args__ = (UniqueConstraint("week", "audience", name="uq_digest_week_audience"),)

    id: int | None = Field(default=None, primary_key=True)
    week: str = Field(max_length=10)  # ISO week, "2026-W47"
    audience: str = Field(default="mas", max_length=120)  # "mas" or a unit name
    status: str = Field(default="claimed", max_length=20)  # claimed, sent, failed
    claimed_by: str = Field(default="", max_length=120)
    claimed_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    late: bool = False
    error: str | None = Field(default=None, sa_type=MaskedString)
