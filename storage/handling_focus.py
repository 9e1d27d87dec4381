"""The report each handler is working on (opened or changed last), per user and thread."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from storage.models import HandlingFocus


def _load(*, session: Session, user_key: str, thread_key: str) -> HandlingFocus | None:
    return session.exec(select(HandlingFocus).where(HandlingFocus.user_key == user_key,
                                                    HandlingFocus.thread_key == thread_key)).first()


def set_focus(*, session: Session, user_key: str, thread_key: str = "", reference: str, now: datetime) -> None:
    focus = _load(session=session, user_key=user_key, thread_key=thread_key)
    if focus is None:
        focus = HandlingFocus(user_key=user_key, thread_key=thread_key, reference=reference)
    focus.reference, focus.updated_at = reference, now
    session.add(focus)
    session.flush()


def current_focus(*, session: Session, user_key: str, thread_key: str = "", now: datetime,
                  max_age: timedelta) -> str | None:
    """The reference in focus, or None when there is none or it is older than `max_age`."""
    focus = _load(session=session, user_key=user_key, thread_key=thread_key)
    if focus is None or now - focus.updated_at > max_age:
        return None
    return focus.reference


def clear_focus(*, session: Session, user_key: str, thread_key: str = "") -> None:
    focus = _load(session=session, user_key=user_key, thread_key=thread_key)
    if focus is not None:
        session.delete(focus)
        session.flush()
