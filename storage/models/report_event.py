from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.masked_columns import MaskedString
from storage.timestamps import UTCDateTime, utc_now


class ReportEvent(SQLModel, table=True):
    """Append-only history of a report: creation, every field change and every comment."""

    __tablename__ = "report_event"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
    actor_id: int | None = Field(default=None, foreign_key="person.id")
    action: str = Field(max_length=20)  # created, imported, changed, comment, linked
    field: str | None = Field(default=None, max_length=40)
    old_value: str | None = Field(default=None, sa_type=MaskedString)
    new_value: str | None = Field(default=None, sa_type=MaskedString)
