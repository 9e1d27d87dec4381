"""The outbox: messages the bot sends on its own, queued in the transaction that causes them and
delivered by a worker (intents/delivery.py, bot/scheduling/outbox_worker.py).

Any feature queues a message with `enqueue_message` (a kind, a recipient, the text or blocks and a
dedupe key: the same key twice queues nothing). Workers in any number of processes take the next
due message per recipient with `claim_due_messages`: a guarded UPDATE, so exactly one of them gets
it; recipients get their messages in the order they were queued. A claim left behind by a worker
that died while sending is taken over after `LEASE` and marked `uncertain`, so the next sender first
checks whether the message already arrived.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.models import OutboundMessage
from storage.timestamps import utc_now

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
UNFINISHED = (PENDING, SENDING)
LEASE = timedelta(minutes=10)  # far longer than one send with all its retries takes
MAX_ERROR_CHARS = 2_000
KEY_LENGTH = 200


def enqueue_message(
    *, session: Session, kind: str, recipient: str, dedupe_key: str, text: str = "",
    blocks: list[dict[str, Any]] | None = None, report_id: int | None = None, attachment: bytes | None = None,
    attachment_name: str | None = None, attachment_title: str | None = None, now: datetime | None = None,
) -> OutboundMessage | None:
    """Queue one message to one recipient, in the caller's transaction; None when a message with the
    same dedupe key was queued before (whatever became of it)."""
    key = dedupe_key[:KEY_LENGTH]
    if session.exec(select(OutboundMessage.id).where(OutboundMessage.dedupe_key == key)).first() is not None:
        return None
    at = now or utc_now()
    message = OutboundMessage(kind=kind[:20], recipient=recipient[:64], text=text, blocks=blocks,
                              attachment=attachment, attachment_name=(attachment_name or None) and attachment_name[:200],
                              attachment_title=(attachment_title or None) and attachment_title[:200],
                              dedupe_key=key, report_id=report_id, created_at=at, next_attempt_at=at)
    try:
        with session.begin_nested():
            session.add(message)
    except IntegrityError:  # queued by another transaction between our look and our insert
        return None
    return message


def queued_keys(*, session: Session, keys: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(k[:KEY_LENGTH] for k in keys))
    if not wanted:
        return set()
    return set(session.exec(select(OutboundMessage.dedupe_key).where(OutboundMessage.dedupe_key.in_(wanted))))  # type: ignore[attr-defined]


def keys_with_prefix(*, session: Session, prefix: str) -> list[str]:
    return list(session.exec(select(OutboundMessage.dedupe_key)
                             .where(OutboundMessage.dedupe_key.startswith(prefix, autoescape=True))))  # type: ignore[attr-defined]


def messages_with_prefix(*, session: Session, prefix: str) -> list[OutboundMessage]:
    return list(session.exec(select(OutboundMessage)
                             .where(OutboundMessage.dedupe_key.startswith(prefix, autoescape=True))  # type: ignore[attr-defined]
                             .order_by(OutboundMessage.id)))  # type: ignore[arg-type]


def list_messages(*, session: Session, kind: str | None = None, status: str | None = None,
                  recipient: str | None = None) -> list[OutboundMessage]:
    query = select(OutboundMessage)
    if kind is not None:
        query = query.where(OutboundMessage.kind == kind)
    if status is not None:
        query = query.where(OutboundMessage.status == status)
    if recipient is not None:
        query = query.where(OutboundMessage.recipient == recipient)
    return list(session.exec(query.order_by(OutboundMessage.id)))  # type: ignore[arg-type]


def _due(now: datetime, lease: timedelta):
    return or_(
        and_(OutboundMessage.status == PENDING, OutboundMessage.next_attempt_at <= now),
        and_(OutboundMessage.status == SENDING, OutboundMessage.claimed_at < now - lease),  # type: ignore[operator]
    )


def claim_due_messages(*, session: Session, now: datetime, claimed_by: str, limit: int = 20,
                       lease: timedelta = LEASE, key_prefix: str | None = None,
                       recipient: str | None = None) -> list[OutboundMessage]:
    """Claim up to `limit` messages that are due, at most one per recipient (the oldest unfinished
    one, so each recipient gets their messages in order), optionally only those whose dedupe key
    starts with `key_prefix`, or only those to `recipient`. The caller commits before sending."""
    heads = (select(func.min(OutboundMessage.id))
             .where(OutboundMessage.status.in_(UNFINISHED))  # type: ignore[attr-defined]
             .group_by(OutboundMessage.recipient))
    query = select(OutboundMessage).where(OutboundMessage.id.in_(heads), _due(now, lease))  # type: ignore[union-attr]
    if key_prefix is not None:
        query = query.where(OutboundMessage.dedupe_key.startswith(key_prefix, autoescape=True))  # type: ignore[attr-defined]
    if recipient is not None:
        query = query.where(OutboundMessage.recipient == recipient)
    candidates = list(session.exec(
        query.order_by(OutboundMessage.next_attempt_at, OutboundMessage.id).limit(limit)))  # type: ignore[arg-type]
    claimed: list[OutboundMessage] = []
    for message in candidates:
        abandoned = message.status == SENDING  # its worker died while sending: it may have arrived
        taken = session.execute(
            update(OutboundMessage)
            .where(OutboundMessage.id == message.id, OutboundMessage.status == message.status,
                   OutboundMessage.attempts == message.attempts)
            .values(status=SENDING, claimed_by=claimed_by[:120], claimed_at=now, attempts=message.attempts + 1,
                    uncertain=message.uncertain or abandoned)
        )
        if taken.rowcount == 1:
            session.refresh(message)
            claimed.append(message)
    return claimed


def mark_sent(*, session: Session, message_id: int, now: datetime, delivered_to: str | None = None,
              delivered_ts: str | None = None) -> None:
    session.execute(update(OutboundMessage).where(OutboundMessage.id == message_id).values(
        status=SENT, sent_at=now, claimed_by=None, delivered_to=delivered_to, delivered_ts=delivered_ts))


def mark_retry(*, session: Session, message_id: int, error: str, next_attempt_at: datetime,
               uncertain: bool = False) -> None:
    """Back in the queue until `next_attempt_at`; `uncertain` when the attempt may have arrived."""
    values: dict[str, Any] = dict(status=PENDING, next_attempt_at=next_attempt_at, claimed_by=None,
                                  last_error=error[:MAX_ERROR_CHARS])
    if uncertain:
        values["uncertain"] = True
    session.execute(update(OutboundMessage).where(OutboundMessage.id == message_id).values(**values))


def postpone(*, session: Session, message_id: int, until: datetime, reason: str) -> None:
    """Back in the queue without counting the attempt (sending is paused, e.g. the token was revoked)."""
    session.execute(update(OutboundMessage).where(OutboundMessage.id == message_id).values(
        status=PENDING, next_attempt_at=until, claimed_by=None, last_error=reason[:MAX_ERROR_CHARS],
        attempts=OutboundMessage.attempts - 1))


def mark_failed(*, session: Session, message_id: int, error: str, now: datetime) -> None:
    session.execute(update(OutboundMessage).where(OutboundMessage.id == message_id).values(
        status=FAILED, claimed_by=None, last_error=error[:MAX_ERROR_CHARS], next_attempt_at=now))


def requeue_failed(*, session: Session, recipient: str, now: datetime) -> int:
    """Failed messages to `recipient` go out again (e.g. once the bot was invited to the channel)."""
    result = session.execute(update(OutboundMessage)
                             .where(OutboundMessage.recipient == recipient, OutboundMessage.status == FAILED)
                             .values(status=PENDING, attempts=0, next_attempt_at=now, last_error=None))
    return result.rowcount or 0


def next_due_at(*, session: Session, lease: timedelta = LEASE) -> datetime | None:
    """When the earliest unfinished message becomes due (for a worker deciding how long to sleep)."""
    pending = session.exec(select(func.min(OutboundMessage.next_attempt_at))
                           .where(OutboundMessage.status == PENDING)).first()
    sending = session.exec(select(func.min(OutboundMessage.claimed_at))
                           .where(OutboundMessage.status == SENDING)).first()
    moments = [m for m in (pending, sending + lease if sending else None) if m is not None]
    return min(moments) if moments else None
