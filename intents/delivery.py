"""Delivering the outbox (storage/outbox.py): claim what is due, hand each message to a channel's
`Deliverer`, and record what happened.

A message is marked sent only after the deliverer returned, i.e. after the platform accepted it.
A failure that can pass is tried again with exponential backoff (honouring the platform's
Retry-After); after `Backoff.max_attempts`, or at once for a failure that cannot pass, the message is
marked failed, logged, and the administrators get a message saying what failed and how to fix it.
A message whose earlier attempt may have arrived (the answer was lost, or its worker died while
sending) reaches the deliverer marked `uncertain`: Slack's deliverer looks for it before sending
again; when a deliverer cannot look, sending again is logged as a possible duplicate.

Used by the Slack worker (bot/scheduling/outbox_worker.py) and, after each turn, by channels
without a worker (the terminal, `omsorgsbot ask`, the tests) through `deliver_now`.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.engine import Engine
from sqlmodel import Session

from intents.notifier import DeliveryFailed, Notifier
from storage.database import session_scope
from storage.models import OutboundMessage
from storage.outbox import claim_due_messages, enqueue_message, mark_failed, mark_retry, mark_sent, postpone
from storage.people import user_ids_with_role
from storage.timestamps import to_stockholm, utc_now
from storage.vocabulary import MessageKind, Role

log = logging.getLogger(__name__)

PAUSE = timedelta(minutes=5)
KIND_WORDS = {MessageKind.ALERT: "ett larm", MessageKind.FEEDBACK: "en återkoppling till en rapportör",
              MessageKind.DIGEST: "en del av veckosammanfattningen", MessageKind.REMINDER: "en påminnelse"}


def process_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class Outgoing:
    """One claimed message, detached from the database session."""

    id: int
    kind: str
    recipient: str
    text: str
    created_at: datetime
    attempts: int = 1
    uncertain: bool = False  # an earlier attempt may have arrived: look before sending again
    blocks: list[dict[str, Any]] | None = None
    attachment: bytes | None = None
    attachment_name: str | None = None
    attachment_title: str | None = None

    @classmethod
    def of(cls, row: OutboundMessage) -> Outgoing:
        return cls(id=row.id, kind=row.kind, recipient=row.recipient, text=row.text, created_at=row.created_at,
                   attempts=row.attempts, uncertain=row.uncertain, blocks=row.blocks, attachment=row.attachment,
                   attachment_name=row.attachment_name, attachment_title=row.attachment_title)


@dataclass(frozen=True)
class Delivered:
    """What the platform answered: where the message went, and whether it was there already."""

    channel: str | None = None
    ts: str | None = None
    already: bool = False  # an earlier attempt had delivered it; nothing was sent now
    checked: bool = False  # the deliverer looked for an earlier arrival before sending


class Deliverer(Protocol):
    def deliver(self, message: Outgoing) -> Delivered | None:
        """Send the message, or raise DeliveryFailed."""


class NotifierDelivery:
    """A `Deliverer` for channels that only show text (the terminal, tests): a picture becomes a line."""

    def __init__(self, notifier: Notifier) -> None:
        self.notifier = notifier

    def deliver(self, message: Outgoing) -> Delivered:
        text = message.text
        if message.attachment is not None:
            text = f"[bild: {message.attachment_title or message.attachment_name or 'diagram'}]"
        try:
            self.notifier.send(message.recipient, text)
        except Exception as exc:  # a plain notifier cannot tell whether it arrived
            raise DeliveryFailed(f"{type(exc).__name__}: {exc}", uncertain=True) from exc
        return Delivered()


@dataclass(frozen=True)
class Backoff:
    base_s: float = 5.0
    cap_s: float = 30 * 60.0
    max_attempts: int = 12  # about two and a half hours of trying with the defaults

    def delay(self, attempts: int, retry_after: float | None = None) -> timedelta:
        seconds = min(self.cap_s, self.base_s * 2 ** max(0, attempts - 1))
        return timedelta(seconds=max(seconds, retry_after or 0.0))


@dataclass
class DeliveryPass:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    paused: bool = False
    problems: list[str] = field(default_factory=list)


def _admins(session: Session, fallback: Sequence[str]) -> list[str]:
    return user_ids_with_role(session=session, role=Role.ADMIN) or list(dict.fromkeys(fallback))


def failure_notice(message: Outgoing, error: DeliveryFailed) -> str:
    what = KIND_WORDS.get(message.kind, "ett meddelande")
    lines = [f"Jag kunde inte skicka {what} till {message.recipient}: {error.reason}."]
    if error.advice:
        lines.append(error.advice)
    return "\n".join(lines)


def _give_up(session: Session, message: Outgoing, error: DeliveryFailed, now: datetime,
             admins: Sequence[str]) -> None:
    mark_failed(session=session, message_id=message.id, error=error.reason, now=now)
    log.error("outbox message %s (%s to %s) could not be delivered: %s", message.id, message.kind,
              message.recipient, error.reason)
    if message.kind == MessageKind.ADMIN:
        return  # never a notice about a notice
    recipients = _admins(session, admins)
    if not recipients:
        log.error("no administrator to tell about outbox message %s: give someone the role admin "
                  "(omsorgsbot users set-role ID admin) or set ADMIN_USER_IDS", message.id)
    day = to_stockholm(now).date().isoformat()
    for admin in recipients:  # one notice a day per recipient and cause, however many messages it stops
        enqueue_message(session=session, kind=MessageKind.ADMIN, recipient=admin, text=failure_notice(message, error),
                        dedupe_key=f"admin:failed:{day}:{message.recipient}:{error.reason[:60]}:{admin}", now=now)


def _settle(engine: Engine, message: Outgoing, outcome: Delivered | DeliveryFailed, now: datetime,
            backoff: Backoff, admins: Sequence[str], tally: DeliveryPass) -> None:
    with session_scope(engine) as session:
        if isinstance(outcome, Delivered):
            mark_sent(session=session, message_id=message.id, now=now, delivered_to=outcome.channel,
                      delivered_ts=outcome.ts)
            tally.sent += 1
            if outcome.already:
                log.info("outbox message %s had arrived on an earlier attempt; not sent again", message.id)
            elif message.uncertain and not outcome.checked:
                log.warning("outbox message %s sent again after an attempt whose answer was lost: "
                            "%s may have got it twice", message.id, message.recipient)
            return
        if outcome.paused:
            postpone(session=session, message_id=message.id, until=now + PAUSE, reason=outcome.reason)
            tally.paused = True
            return
        if outcome.permanent or message.attempts >= backoff.max_attempts:
            if not outcome.permanent:
                outcome = DeliveryFailed(f"{outcome.reason} (gav upp efter {message.attempts} försök)",
                                         advice=outcome.advice)
            _give_up(session, message, outcome, now, admins)
            tally.failed += 1
            tally.problems.append(outcome.reason)
            return
        mark_retry(session=session, message_id=message.id, error=outcome.reason,
                   next_attempt_at=now + backoff.delay(message.attempts, outcome.retry_after),
                   uncertain=outcome.uncertain)
        log.warning("outbox message %s to %s not delivered (attempt %s): %s; trying again later", message.id,
                    message.recipient, message.attempts, outcome.reason)
        tally.retried += 1


def deliver_due(*, engine: Engine, deliverer: Deliverer, now: datetime | None = None,
                claimed_by: str | None = None, limit: int = 20, backoff: Backoff = Backoff(),
                admins: Sequence[str] = (), key_prefix: str | None = None,
                recipient: str | None = None) -> DeliveryPass:
    """One pass: claim up to `limit` due messages (one per recipient; only to `recipient` if given),
    deliver and record each."""
    at = now or utc_now()
    tally = DeliveryPass()
    with session_scope(engine) as session:
        claimed = [Outgoing.of(row) for row in claim_due_messages(session=session, now=at,
                                                                   claimed_by=claimed_by or process_name(),
                                                                   limit=limit, key_prefix=key_prefix,
                                                                   recipient=recipient)]
    tally.claimed = len(claimed)
    for index, message in enumerate(claimed):
        try:
            outcome: Delivered | DeliveryFailed = deliverer.deliver(message) or Delivered()
        except DeliveryFailed as failed:
            outcome = failed
        except Exception as exc:  # a bug or an unexpected error: keep the message and try again later
            log.exception("delivering outbox message %s failed unexpectedly", message.id)
            outcome = DeliveryFailed(f"{type(exc).__name__}: {exc}", uncertain=True)
        _settle(engine, message, outcome, now or utc_now(), backoff, admins, tally)
        if tally.paused:  # sending is off: hand the rest back untouched
            with session_scope(engine) as session:
                for rest in claimed[index + 1:]:
                    postpone(session=session, message_id=rest.id, until=at + PAUSE, reason=outcome.reason)
            break
    return tally


def deliver_now(*, engine: Engine, deliverer: Deliverer, now: datetime | None = None, max_passes: int = 20,
                admins: Sequence[str] = (), key_prefix: str | None = None, backoff: Backoff = Backoff(),
                recipient: str | None = None) -> DeliveryPass:
    """Everything due now (or only messages whose dedupe key starts with `key_prefix`, or only those
    to `recipient`), pass after pass (notices about failures included), for channels without a
    background worker."""
    total = DeliveryPass()
    for _ in range(max_passes):
        one = deliver_due(engine=engine, deliverer=deliverer, now=now, admins=admins, key_prefix=key_prefix,
                          backoff=backoff, recipient=recipient)
        total.claimed += one.claimed
        total.sent += one.sent
        total.retried += one.retried
        total.failed += one.failed
        total.problems += one.problems
        total.paused = total.paused or one.paused
        if one.claimed == 0 or one.paused:
            break
    return total


def deliver_after_turn(services: Any, now: datetime) -> None:
    """A turn queued messages: wake the background worker, or deliver them now through the notifier.
    A failure here never reaches the person talking: the messages stay queued."""
    if services.wake_delivery is not None:
        services.wake_delivery()
        return
    try:
        deliver_now(engine=services.engine, deliverer=NotifierDelivery(services.notifier),
                    now=max(now, utc_now()), admins=services.admin_user_ids)
    except Exception:
        log.exception("delivering queued messages failed; they stay in the outbox")
