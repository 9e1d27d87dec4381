"""Conversation drafts per user and thread, kept in the database between messages."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import uuid4

from sqlmodel import Session, select

from storage.models import ConversationDraft
from storage.timestamps import utc_now


def load_draft(*, session: Session, user_key: str, thread_key: str = "") -> ConversationDraft | None:
    return session.exec(
        select(ConversationDraft).where(ConversationDraft.user_key == user_key, ConversationDraft.thread_key == thread_key)
    ).first()


def save_draft(
    *, session: Session, user_key: str, state: dict[str, Any], thread_key: str = "", now: datetime | None = None
) -> ConversationDraft:
    at = now or utc_now()
    draft = load_draft(session=session, user_key=user_key, thread_key=thread_key)
    if draft is None:
        draft = ConversationDraft(user_key=user_key, thread_key=thread_key, state=state, created_at=at, updated_at=at)
    else:
        draft.state = dict(state)  # a new object, so the JSON column is seen as changed
        draft.updated_at = at
        draft.revision = uuid4().hex  # buttons shown for the earlier state no longer apply
    session.add(draft)
    session.flush()
    return draft


def delete_draft(*, session: Session, user_key: str, thread_key: str = "") -> bool:
    draft = load_draft(session=session, user_key=user_key, thread_key=thread_key)
    if draft is None:
        return False
    session.delete(draft)
    session.flush()
    return True
