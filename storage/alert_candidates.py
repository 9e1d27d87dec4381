"""Severe reports and lex Sarah/Maria candidates that may still need an immediate alert."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, delete, select

from storage.models import Report, SentNotification, Unit
from storage.report_counts import flagged


def serious_reports_reported_since(*, session: Session, since: datetime) -> list[tuple[Report, str]]:
    """Flagged reports (severe or serious consequence, lex Sarah, lex Maria) reported at or after `since`,
    oldest first, with unit names."""
    rows = session.exec(
        select(Report, Unit.name).join(Unit, Unit.id == Report.unit_id)
        .where(flagged(), Report.reported_at >= since)
        .order_by(Report.reported_at, Report.id)  # type: ignore[arg-type]
    ).all()
    return [(report, name) for report, name in rows]


def sent_notification_keys(*, session: Session, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    rows = session.exec(select(SentNotification.key).where(SentNotification.key.in_(keys)))  # type: ignore[attr-defined]
    return set(rows)


def release_notification(*, session: Session, key: str) -> None:
    """Forget a claimed notification whose delivery failed, so a later sweep tries again."""
    session.exec(delete(SentNotification).where(SentNotification.key == key))  # type: ignore[arg-type]
