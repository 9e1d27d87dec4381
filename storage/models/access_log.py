from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.masked_columns import MaskedString
from storage.timestamps import UTCDateTime, utc_now


class AccessLogEntry(SQLModel, table=True):
    """Who saw report data, what they asked and when (like a journal access log)."""

    __tablename__ = "access_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False, index=True))
    user_key: str = Field(max_length=64, index=True)
    role: str = Field(max_length=20)
    question: str = Field(default="", sa_type=MaskedString)
    revealed: str = Field(default="", sa_type=MaskedString)  # a short description of what the answer disclosed
