"""Immediate alerts for flagged reports that did not get one when saved (imported, or created elsewhere).

Same rule and key as the chat's alerts at save time (`alert:{reference}:{recipient}`): severe
reports and lex Maria candidates to the MAS; lex Sarah candidates also to the SAS and the unit's
chefs. The sweep only queues what is missing in the outbox; the outbox worker sends it. Only
reports from the last days are swept, so importing history sends no old alerts.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from bot.settings import Settings
from intents.immediate_alerts import queue_alerts
from storage.alert_candidates import serious_reports_reported_since
from storage.database import session_scope
from storage.timestamps import utc_now

SWEEP_WINDOW = timedelta(days=3)


def sweep_alerts(*, engine: Engine, settings: Settings, now: datetime | None = None,
                 window: timedelta = SWEEP_WINDOW) -> int:
    """Queue the alerts not queued yet; returns how many were queued."""
    now = now or utc_now()
    queued = 0
    with session_scope(engine) as session:
        for report, unit_name in serious_reports_reported_since(session=session, since=now - window):
            _, new = queue_alerts(session=session, report=report, unit_name=unit_name, now=now,
                                  mas_user_ids=settings.mas_user_ids, sas_user_ids=settings.sas_user_ids)
            queued += len(new)
    return queued
