"""The weekly digest queued exactly once per week and audience, whichever process gets there first.

In one transaction: claim the DigestRun row by inserting it, build the digest and queue its text
and chart for every recipient in the outbox. A unique violation means another process has it.
The outbox worker sends the parts (and only what did not arrive, after a failure); a digest that
could not be built is recorded as failed and built again on the next run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.scheduling.digest_audiences import Audience, digest_audiences
from bot.scheduling.digest_due import DueDigest, due_digest
from bot.settings import Settings
from intents.delivery import process_name
from intents.digest.indicator_lines import off_target_lines
from intents.digest.weekly_digest import WeeklyDigest, build_weekly_digest
from storage.database import session_scope
from storage.digest_runs import claim_digest_run, digest_message_prefix, record_digest_failure, settle_digest_runs
from storage.outbox import enqueue_message
from storage.timestamps import utc_now
from storage.vocabulary import MessageKind

log = logging.getLogger(__name__)

QUEUED, SKIPPED, FAILED = "queued", "skipped", "failed"


@dataclass(frozen=True)
class DeliveryOutcome:
    week: str
    audience: str
    result: str  # queued, skipped (queued or sent before, or being queued elsewhere), failed
    late: bool = False
    error: str | None = None


def queue_digest(*, session: Session, digest: WeeklyDigest, week: str, audience: Audience, now: datetime) -> int:
    """The text, then the chart, for each recipient; returns how many messages were queued."""
    prefix = digest_message_prefix(week, audience.key)
    queued = 0
    for recipient in audience.recipients:
        queued += enqueue_message(session=session, kind=MessageKind.DIGEST, recipient=recipient, text=digest.text,
                                  dedupe_key=f"{prefix}{recipient}:text", now=now) is not None
        queued += enqueue_message(session=session, kind=MessageKind.DIGEST, recipient=recipient,
                                  text=digest.chart_title, attachment=digest.chart_png,
                                  attachment_name=digest.chart_name, attachment_title=digest.chart_title,
                                  dedupe_key=f"{prefix}{recipient}:chart", now=now) is not None
    return queued


def deliver_digest(
    *, engine: Engine, settings: Settings, audience: Audience, due: DueDigest, now: datetime,
    claimed_by: str | None = None,
) -> DeliveryOutcome:
    """Claim, build and queue one audience's digest for the due week."""
    week = due.week.label
    claimed_by = claimed_by or process_name()
    try:
        with session_scope(engine) as session:
            run = claim_digest_run(session=session, week=week, audience=audience.key, claimed_by=claimed_by,
                                   now=now, late=due.late)
            if run is None:
                return DeliveryOutcome(week, audience.key, SKIPPED)
            late = run.late
            digest = build_weekly_digest(
                session=session, week=due.week, unit_ids=audience.unit_ids, scope_name=audience.scope_name,
                off_target_lines=off_target_lines(settings.indicators_file), late=late,
                scheduled_for=due.scheduled_for)
            queue_digest(session=session, digest=digest, week=week, audience=audience, now=now)
    except Exception as exc:  # logged, recorded and built again on the next run
        log.exception("weekly digest %s for %s failed", week, audience.key)
        with session_scope(engine) as session:
            record_digest_failure(session=session, week=week, audience=audience.key, claimed_by=claimed_by,
                                  now=now, late=due.late, error=f"{type(exc).__name__}: {exc}")
        return DeliveryOutcome(week, audience.key, FAILED, due.late, str(exc))
    log.info("weekly digest %s queued for %s%s", week, audience.key, " (late)" if late else "")
    return DeliveryOutcome(week, audience.key, QUEUED, late)


def deliver_due_digests(
    *, engine: Engine, settings: Settings, now: datetime | None = None, claimed_by: str | None = None,
) -> list[DeliveryOutcome]:
    """Queue every audience's digest that is due and not yet queued: on the cron time, after downtime,
    after a failure. Runs whose messages have all gone out are marked sent first."""
    now = now or utc_now()
    with session_scope(engine) as session:
        settle_digest_runs(session=session)
    due = due_digest(settings.digest_cron, now)
    if due is None:
        return []
    with session_scope(engine) as session:
        audiences = digest_audiences(session=session, settings=settings)
    if not audiences:
        log.warning("weekly digest %s has no recipients (give someone the role mas, or set MAS_USER_IDS or "
                    "DIGEST_CHANNEL)", due.week.label)
    return [deliver_digest(engine=engine, settings=settings, audience=a, due=due, now=now, claimed_by=claimed_by)
            for a in audiences]
