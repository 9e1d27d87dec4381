from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.timestamps import UTCDateTime, utc_now


class ListCursor(SQLModel, table=True):
    """Where a person is in the last list they asked for, so "visa fler" shows the next page.

    One per user and thread; `source` names the list (e.g. "queue", "own_reports"), `params` is what
    the list needs to be asked again (JSON), `shown` how many items have been shown so far.
    """

    __tablename__ = "list_cursor"
    __table_args__ = (UniqueConstraint("user_key", "thread_key", name="uq_list_cursor_user_thread"),)

    id: int | None = Field(default=None, primary_key=True)
    user_key: str = Field(max_length=64)
    thread_key: str = Field(default="", max_length=64)
    source: str = Field(max_length=40)
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    shown: int = 0
    updated_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
