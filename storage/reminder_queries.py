"""What reminders are about: reports still new, åtgärdade without återkoppling, and lex candidates
not yet assessed - each older than a moment. Duplicates and closed reports are never reminded of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from storage.models import LexAssessment, Report, ReportEvent, Unit
from storage.report_counts import not_duplicate
from storage.vocabulary import ReportStatus


@dataclass(frozen=True)
class Waiting:
    report_id: int
    reference: str
    area: str
    unit_id: int
    unit_name: str
    since: datetime  # when it started waiting: reported, or became åtgärdad


def _rows(session: Session, query) -> list[Waiting]:
    return [Waiting(r.id, r.reference, r.area, r.unit_id, name, since) for r, name, since in session.exec(query).all()]


def new_reports_before(*, session: Session, before: datetime) -> list[Waiting]:
    """Status ny, reported before `before`."""
    query = (select(Report, Unit.name, Report.reported_at).join(Unit, Unit.id == Report.unit_id)
             .where(Report.status == ReportStatus.NY.value, Report.reported_at < before, not_duplicate())
             .order_by(Report.reported_at, Report.id))
    return _rows(session, query)


def done_without_feedback_before(*, session: Session, before: datetime) -> list[Waiting]:
    """Status åtgärdad and no återkoppling, since before `before` (when it became åtgärdad; for reports
    with no such history, when they were last changed)."""
    became = (select(ReportEvent.report_id, func.max(ReportEvent.at).label("at"))
              .where(ReportEvent.field == "status", ReportEvent.new_value == ReportStatus.ATGARDAD.value)
              .group_by(ReportEvent.report_id).subquery())
    since = func.coalesce(became.c.at, Report.updated_at)
    query = (select(Report, Unit.name, since).join(Unit, Unit.id == Report.unit_id)
             .join(became, became.c.report_id == Report.id, isouter=True)
             .where(Report.status == ReportStatus.ATGARDAD.value, Report.feedback.is_(None),  # type: ignore[union-attr]
                    not_duplicate(), since < before)
             .order_by(Report.reported_at, Report.id))
    return [Waiting(w.report_id, w.reference, w.area, w.unit_id, w.unit_name,
                    _aware(w.since)) for w in _rows(session, query)]


def unassessed_lex_before(*, session: Session, law: str, before: datetime) -> list[Waiting]:
    """Candidates for `law` ("lex sarah" | "lex maria") with no assessment yet, not closed, reported before `before`."""
    candidate = Report.lex_sarah_candidate if law == "lex sarah" else Report.lex_maria_candidate
    assessed = select(LexAssessment.id).where(LexAssessment.report_id == Report.id, LexAssessment.law == law).exists()
    query = (select(Report, Unit.name, Report.reported_at).join(Unit, Unit.id == Report.unit_id)
             .where(candidate.is_(True), ~assessed, Report.status != ReportStatus.AVSLUTAD.value,  # type: ignore[attr-defined]
                    Report.reported_at < before, not_duplicate())
             .order_by(Report.reported_at, Report.id))
    return _rows(session, query)


def _aware(moment: datetime) -> datetime:
    from datetime import timezone

    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
