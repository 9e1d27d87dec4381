from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.masked_columns import MaskedJSON
from storage.timestamps import UTCDateTime, utc_now


class ConversationDraft(SQLModel, table=True):
    """A conversation in progress (e.g. a half-finished report), per user and thread.

    Kept in the database so it survives restarts and is shared by several bot processes. `revision`
    changes on every save: a button shown for one revision is refused once the draft has moved on.
    """

    __tablename__ = "conversation_draft"
    __table_args__ = (UniqueConstraint("user_key", "thread_key", name="uq_draft_user_thread"),)

    id: int | None = Field(default=None, primary_key=True)
    user_key: str = Field(max_length=64, index=True)
    thread_key: str = Field(default="", max_length=64)
    state: dict[str, Any] = Field(default_factory=dict, sa_column=Column(MaskedJSON, nullable=False))  # strings masked
    revision: str = Field(default_factory=lambda: uuid4().hex, max_length=32)
    created_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
    updated_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
