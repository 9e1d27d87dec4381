"""Alerts and feedback sent once: a unique key per message and recipient."""

from __future__ import annotations

from sqlmodel import Session

from storage.claims import insert_once
from storage.models import SentNotification


def claim_notification(*, session: Session, key: str, recipient: str, report_id: int | None = None) -> bool:
    """True if this notification has not been sent before (and is now recorded as sent)."""
    return insert_once(session=session, row=SentNotification(key=key, recipient=recipient, report_id=report_id),
                       key=key)
