"""Which process sends a weekly digest: the DigestRun row, claimed by insert.

The UNIQUE(week, audience) constraint is the lock. Inserting the row claims the digest;
a unique violation means another process has it. A failed run, or a claim left behind by
a process that died while sending, may be taken over by one process (a guarded UPDATE).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.models import DigestRun

CLAIMED, SENT, FAILED = "claimed", "sent", "failed"
STALE_CLAIM = timedelta(hours=1)
MAX_ERROR_CHARS = 2_000


def get_digest_run(*, session: Session, week: str, audience: str) -> DigestRun | None:
    return session.exec(select(DigestRun).where(DigestRun.week == week, DigestRun.audience == audience)).first()


def list_digest_runs(*, session: Session, week: str | None = None) -> list[DigestRun]:
    query = select(DigestRun)
    if week is not None:
        query = query.where(DigestRun.week == week)
    return list(session.exec(query.order_by(DigestRun.week, DigestRun.audience)))


def claim_digest_run(
    *, session: Session, week: str, audience: str, claimed_by: str, now: datetime, late: bool,
    stale_after: timedelta = STALE_CLAIM,
) -> DigestRun | None:
    """The run if this caller may send it now; None if it is sent or someone else is sending it.

    The caller must commit before sending, so that other processes see the claim.
    """
    existing = get_digest_run(session=session, week=week, audience=audience)  # the usual case after the first try
    if existing is None:
        try:
            with session.begin_nested():
                run = DigestRun(week=week, audience=audience, status=CLAIMED, claimed_by=claimed_by,
                                claimed_at=now, late=late)
                session.add(run)
            return run
        except IntegrityError:
            existing = get_digest_run(session=session, week=week, audience=audience)
    if existing is None or existing.status == SENT:
        return None
    if existing.status == CLAIMED and existing.claimed_at > now - stale_after:
        return None
    # a failed run, or an abandoned claim: exactly one process wins the guarded update
    taken = session.execute(
        update(DigestRun)
        .where(DigestRun.id == existing.id, DigestRun.status == existing.status,
               DigestRun.claimed_at == existing.claimed_at)
        .values(status=CLAIMED, claimed_by=claimed_by, claimed_at=now, late=existing.late or late, error=None)
    )
    if taken.rowcount != 1:
        return None
    session.refresh(existing)
    return existing


def mark_digest_sent(*, session: Session, run_id: int, now: datetime) -> None:
    session.execute(update(DigestRun).where(DigestRun.id == run_id).values(status=SENT, sent_at=now, error=None))


def mark_digest_failed(*, session: Session, run_id: int, error: str) -> None:
    session.execute(update(DigestRun).where(DigestRun.id == run_id)
                    .values(status=FAILED, error=error[:MAX_ERROR_CHARS]))
