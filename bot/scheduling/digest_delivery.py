"""Sending the weekly digest exactly once per week and audience, whichever process gets there first.

1. Claim the DigestRun row by inserting it (committed at once); a unique violation means
   another process has it. 2. Build and send. 3. Mark it sent, or failed with the error,
   so the next run retries it. Each recipient is also recorded, so a retry after a partial
   failure sends only what did not arrive.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine

from bot.scheduling.digest_audiences import Audience, digest_audiences
from bot.scheduling.digest_due import DueDigest, due_digest
from bot.scheduling.digest_sender import DigestSender
from bot.settings import Settings
from intents.digest.indicator_lines import off_target_lines
from intents.digest.weekly_digest import WeeklyDigest, build_weekly_digest
from storage.alert_candidates import release_notification
from storage.database import session_scope
from storage.digest_runs import claim_digest_run, mark_digest_failed, mark_digest_sent
from storage.notifications import claim_notification
from storage.timestamps import utc_now

log = logging.getLogger(__name__)

SENT, SKIPPED, FAILED = "sent", "skipped", "failed"


def process_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class DeliveryOutcome:
    week: str
    audience: str
    result: str  # sent, skipped (sent or being sent elsewhere), failed
    late: bool = False
    error: str | None = None


def _send_once(engine: Engine, key: str, recipient: str, send: Callable[[], None]) -> None:
    """Send one part to one recipient unless an earlier attempt already did; a failure releases the record."""
    with session_scope(engine) as session:
        if not claim_notification(session=session, key=key[:160], recipient=recipient[:64]):
            return
    try:
        send()
    except BaseException:
        with session_scope(engine) as session:
            release_notification(session=session, key=key[:160])
        raise


def _send(sender: DigestSender, engine: Engine, digest: WeeklyDigest, week: str, audience: Audience) -> None:
    for recipient in audience.recipients:
        key = f"digest:{week}:{audience.key}:{recipient}"
        _send_once(engine, key + ":text", recipient, lambda: sender.send_text(recipient, digest.text))
        _send_once(engine, key + ":chart", recipient,
                   lambda: sender.send_png(recipient, digest.chart_png, digest.chart_name, digest.chart_title))


def deliver_digest(
    *, engine: Engine, settings: Settings, sender: DigestSender, audience: Audience, due: DueDigest,
    now: datetime, claimed_by: str | None = None,
) -> DeliveryOutcome:
    """Claim, build, send and record one audience's digest for the due week."""
    week = due.week.label
    with session_scope(engine) as session:
        run = claim_digest_run(session=session, week=week, audience=audience.key,
                               claimed_by=claimed_by or process_name(), now=now, late=due.late)
        run_id, late = (run.id, run.late) if run else (None, False)
    if run_id is None:
        return DeliveryOutcome(week, audience.key, SKIPPED)
    try:
        with session_scope(engine) as session:
            digest = build_weekly_digest(
                session=session, week=due.week, unit_ids=audience.unit_ids, scope_name=audience.scope_name,
                off_target_lines=off_target_lines(settings.indicators_file), late=late,
                scheduled_for=due.scheduled_for)
        _send(sender, engine, digest, week, audience)
    except Exception as exc:  # logged, recorded and retried on the next run
        log.exception("weekly digest %s for %s failed", week, audience.key)
        with session_scope(engine) as session:
            mark_digest_failed(session=session, run_id=run_id, error=f"{type(exc).__name__}: {exc}")
        return DeliveryOutcome(week, audience.key, FAILED, late, str(exc))
    with session_scope(engine) as session:
        mark_digest_sent(session=session, run_id=run_id, now=utc_now())
    log.info("weekly digest %s sent to %s%s", week, audience.key, " (late)" if late else "")
    return DeliveryOutcome(week, audience.key, SENT, late)


def deliver_due_digests(
    *, engine: Engine, settings: Settings, sender: DigestSender, now: datetime | None = None,
    claimed_by: str | None = None,
) -> list[DeliveryOutcome]:
    """Send every audience's digest that is due and not yet sent: on the cron time, after downtime, after a failure."""
    now = now or utc_now()
    due = due_digest(settings.digest_cron, now)
    if due is None:
        return []
    with session_scope(engine) as session:
        audiences = digest_audiences(session=session, settings=settings)
    if not audiences:
        log.warning("weekly digest %s has no recipients (set MAS_USER_IDS or DIGEST_CHANNEL)", due.week.label)
    return [deliver_digest(engine=engine, settings=settings, sender=sender, audience=a, due=due, now=now,
                           claimed_by=claimed_by) for a in audiences]

