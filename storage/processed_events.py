"""Platform events handled once: a claimed key in the database, so it holds across bot processes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.database import session_scope
from storage.models.platform_event import ProcessedEvent
from storage.timestamps import utc_now

KEY_LENGTH = 128


def _key(key: str) -> str:
    return key[:KEY_LENGTH]


def claim_in_session(*, session: Session, keys: Iterable[str]) -> bool:
    """Record all keys as handled; False (and nothing recorded) if any of them was handled before."""
    wanted = list(dict.fromkeys(_key(k) for k in keys if k))
    if not wanted:
        return True
    seen = session.exec(select(ProcessedEvent.event_key).where(ProcessedEvent.event_key.in_(wanted))).first()  # type: ignore[attr-defined]
    if seen is not None:
        return False
    try:
        with session.begin_nested():
            for key in wanted:
                session.add(ProcessedEvent(event_key=key))
    except IntegrityError:  # another process claimed it between our check and our insert
        return False
    return True


def claim_event(engine: Engine, keys: Iterable[str]) -> bool:
    """Claim keys in their own committed transaction: True for the first delivery only."""
    try:
        with session_scope(engine) as session:
            return claim_in_session(session=session, keys=keys)
    except IntegrityError:
        return False


def forget_events_before(engine: Engine, before: datetime | None = None) -> int:
    """Housekeeping: Slack redelivers for minutes, not days; old keys can go."""
    cutoff = before or utc_now() - timedelta(days=7)
    with session_scope(engine) as session:
        result = session.exec(delete(ProcessedEvent).where(ProcessedEvent.received_at < cutoff))  # type: ignore[call-overload]
        return result.rowcount or 0
