"""Alerts and feedback sent once: a unique key per message and recipient."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from storage.models import SentNotification


def claim_notification(*, session: Session, key: str, recipient: str, report_id: int | None = None) -> bool:
    """True if this notification has not been sent before (and is now recorded as sent)."""
    if session.get(SentNotification, key) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(SentNotification(key=key, recipient=recipient, report_id=report_id))
    except IntegrityError:
        return False
    return True
