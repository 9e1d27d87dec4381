"""Where each person is in the list they last asked for ("visa fler")."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from storage.models import ListCursor


def load_cursor(*, session: Session, user_key: str, thread_key: str = "") -> ListCursor | None:
    return session.exec(select(ListCursor).where(ListCursor.user_key == user_key,
                                                 ListCursor.thread_key == thread_key)).first()


def save_cursor(*, session: Session, user_key: str, thread_key: str, source: str, params: dict[str, Any],
                shown: int, now: datetime) -> ListCursor:
    cursor = load_cursor(session=session, user_key=user_key, thread_key=thread_key)
    if cursor is None:
        cursor = ListCursor(user_key=user_key, thread_key=thread_key, source=source)
    cursor.source, cursor.params, cursor.shown, cursor.updated_at = source, dict(params), shown, now
    session.add(cursor)
    session.flush()
    return cursor


def delete_cursor(*, session: Session, user_key: str, thread_key: str = "") -> None:
    cursor = load_cursor(session=session, user_key=user_key, thread_key=thread_key)
    if cursor is not None:
        session.delete(cursor)
        session.flush()
