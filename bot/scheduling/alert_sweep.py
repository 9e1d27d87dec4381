"""Immediate alerts for flagged reports that did not get one when saved (imported, or created elsewhere).

Same rule and key as the chat's alerts at save time (`alert:{reference}:{recipient}`):
severe reports and lex Maria candidates to the MAS; lex Sarah candidates also to the unit's
chefs and the SAS. Each alert is claimed (committed) before it is sent, so two sweeping
processes never both send it; a failed send releases the claim for the next sweep.
Only reports from the last days are swept, so importing history sends no old alerts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from bot.scheduling.digest_sender import DigestSender
from bot.settings import Settings
from intents.immediate_alerts import alert_key, alert_recipients, alert_text
from storage.alert_candidates import release_notification, sent_notification_keys, serious_reports_reported_since
from storage.database import session_scope
from storage.notifications import claim_notification
from storage.timestamps import utc_now

log = logging.getLogger(__name__)

SWEEP_WINDOW = timedelta(days=3)


@dataclass(frozen=True)
class PendingAlert:
    key: str
    recipient: str
    report_id: int
    text: str


def pending_alerts(*, engine: Engine, settings: Settings, now: datetime,
                   window: timedelta = SWEEP_WINDOW) -> list[PendingAlert]:
    pending: list[PendingAlert] = []
    with session_scope(engine) as session:
        for report, unit_name in serious_reports_reported_since(session=session, since=now - window):
            text = alert_text(report, unit_name, now)
            pending += [PendingAlert(alert_key(report.reference, r), r, report.id, text)
                        for r in alert_recipients(session=session, report=report, mas_user_ids=settings.mas_user_ids,
                                                  sas_user_ids=settings.sas_user_ids)]
        already = sent_notification_keys(session=session, keys=[p.key for p in pending])
    return [p for p in pending if p.key not in already]


def sweep_alerts(*, engine: Engine, settings: Settings, sender: DigestSender, now: datetime | None = None,
                 window: timedelta = SWEEP_WINDOW) -> int:
    """Send the alerts not sent yet; returns how many were sent."""
    now = now or utc_now()
    sent = 0
    for alert in pending_alerts(engine=engine, settings=settings, now=now, window=window):
        with session_scope(engine) as session:
            if not claim_notification(session=session, key=alert.key, recipient=alert.recipient,
                                      report_id=alert.report_id):
                continue
        try:
            sender.send_text(alert.recipient, alert.text)
        except Exception:
            log.exception("alert %s could not be sent; it is tried again on the next sweep", alert.key)
            with session_scope(engine) as session:
                release_notification(session=session, key=alert.key)
            continue
        sent += 1
    return sent
