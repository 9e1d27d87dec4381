"""The access log: every answer that reveals report data is recorded (who, what, when)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from storage.models import AccessLogEntry
from storage.timestamps import utc_now


def log_access(*, session: Session, user_key: str, role: str, question: str, revealed: str,
               at: datetime | None = None) -> AccessLogEntry:
    entry = AccessLogEntry(user_key=user_key, role=role, question=question[:1000], revealed=revealed[:1000],
                           at=at or utc_now())
    session.add(entry)
    session.flush()
    return entry


def access_entries(*, session: Session, user_key: str | None = None) -> list[AccessLogEntry]:
    query = select(AccessLogEntry).order_by(AccessLogEntry.id)
    if user_key:
        query = query.where(AccessLogEntry.user_key == user_key)
    return list(session.exec(query))
