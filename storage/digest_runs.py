"""The weekly digest per week and audience: the DigestRun row, claimed by insert.

The UNIQUE(week, audience) constraint is the lock. The caller inserts the row (status `queued`) in
the same transaction as the digest's messages in the outbox, so either both exist or neither does;
a unique violation means another process has queued it. A run whose digest could not be built is
recorded `failed` and taken over by the next run (a guarded UPDATE, so by one process only).
Once its messages have gone out, `settle_digest_runs` marks it `sent`, or `undelivered` when some
could not be delivered (the admin has been told; it is not rebuilt).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.models import DigestRun
from storage.outbox import FAILED as MESSAGE_FAILED
from storage.outbox import SENT as MESSAGE_SENT
from storage.outbox import messages_with_prefix

QUEUED, SENT, FAILED, UNDELIVERED = "queued", "sent", "failed", "undelivered"
MAX_ERROR_CHARS = 2_000


def get_digest_run(*, session: Session, week: str, audience: str) -> DigestRun | None:
    return session.exec(select(DigestRun).where(DigestRun.week == week, DigestRun.audience == audience)).first()


def list_digest_runs(*, session: Session, week: str | None = None) -> list[DigestRun]:
    query = select(DigestRun)
    if week is not None:
        query = query.where(DigestRun.week == week)
    return list(session.exec(query.order_by(DigestRun.week, DigestRun.audience)))


def digest_message_prefix(week: str, audience: str) -> str:
    """The dedupe-key prefix of one run's messages in the outbox."""
    return f"digest:{week}:{audience}:"


def claim_digest_run(*, session: Session, week: str, audience: str, claimed_by: str, now: datetime,
                     late: bool) -> DigestRun | None:
    """The run (status `queued`) if this caller should build and queue it now; None if it is queued
    or sent already. The caller queues the messages in the same transaction."""
    existing = get_digest_run(session=session, week=week, audience=audience)
    if existing is None:
        try:
            with session.begin_nested():
                run = DigestRun(week=week, audience=audience, status=QUEUED, claimed_by=claimed_by,
                                claimed_at=now, late=late)
                session.add(run)
            return run
        except IntegrityError:
            return None
    if existing.status != FAILED:
        return None
    taken = session.execute(  # exactly one process takes over a failed run
        update(DigestRun).where(DigestRun.id == existing.id, DigestRun.status == FAILED,
                                DigestRun.claimed_at == existing.claimed_at)
        .values(status=QUEUED, claimed_by=claimed_by, claimed_at=now, late=existing.late or late, error=None))
    if taken.rowcount != 1:
        return None
    session.refresh(existing)
    return existing


def record_digest_failure(*, session: Session, week: str, audience: str, claimed_by: str, now: datetime,
                          late: bool, error: str) -> None:
    """The digest could not be built: remember why, so the next run tries again."""
    existing = get_digest_run(session=session, week=week, audience=audience)
    if existing is None:
        try:
            with session.begin_nested():
                session.add(DigestRun(week=week, audience=audience, status=FAILED, claimed_by=claimed_by,
                                      claimed_at=now, late=late, error=error[:MAX_ERROR_CHARS]))
        except IntegrityError:
            pass
        return
    if existing.status in (QUEUED, FAILED):
        existing.status, existing.error, existing.claimed_at = FAILED, error[:MAX_ERROR_CHARS], now
        session.add(existing)


def settle_digest_runs(*, session: Session) -> list[DigestRun]:
    """Runs whose messages are all done become `sent` (or `undelivered`, until the failed ones are sent
    again after all, e.g. once the bot was invited to the channel); returns those changed."""
    settled = []
    for run in session.exec(select(DigestRun).where(DigestRun.status.in_((QUEUED, UNDELIVERED)))):  # type: ignore[attr-defined]
        parts = messages_with_prefix(session=session, prefix=digest_message_prefix(run.week, run.audience))
        if not parts or any(p.status not in (MESSAGE_SENT, MESSAGE_FAILED) for p in parts):
            continue
        failed = [p for p in parts if p.status == MESSAGE_FAILED]
        if failed:
            if run.status == UNDELIVERED:
                continue
            run.status = UNDELIVERED
            run.error = "; ".join(f"{p.recipient}: {p.last_error}" for p in failed)[:MAX_ERROR_CHARS]
        else:
            run.status = SENT
            run.sent_at = max(p.sent_at for p in parts if p.sent_at is not None)
        session.add(run)
        settled.append(run)
    return settled
