"""Severe reports and lex Sarah/Maria candidates that may still need an immediate alert."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from storage.models import Report, Unit
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
