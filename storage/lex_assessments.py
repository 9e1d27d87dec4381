"""Recording the lex Sarah / lex Maria assessment of a report; every change also in its history."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, select

from storage.models import LexAssessment, Person, Report, ReportEvent
from storage.reports import mark_handled
from storage.timestamps import utc_now


def lex_assessments(*, session: Session, report_id: int) -> list[tuple[LexAssessment, str | None]]:
    """The assessments of one report with the name (or user id) of who made each."""
    rows = session.exec(
        select(LexAssessment, Person.display_name, Person.platform_user_id)
        .join(Person, Person.id == LexAssessment.assessed_by_id, isouter=True)
        .where(LexAssessment.report_id == report_id).order_by(LexAssessment.law)
    ).all()
    return [(row, (name or user_id) or None) for row, name, user_id in rows]


def record_lex_assessment(
    *, session: Session, report: Report, law: str, outcome: str | None, decision: str | None,
    reported_on: date | None, actor_id: int | None, now: datetime | None = None, motivation: str | None = None,
) -> LexAssessment:
    """Set (or replace) the assessment of `report` under `law`; what is not given is kept, except that a new
    decision without a motivation leaves none (the old one was the reason for another decision)."""
    at = now or utc_now()
    row = session.exec(select(LexAssessment).where(LexAssessment.report_id == report.id,
                                                   LexAssessment.law == law)).first()
    before = _describe(row) if row else None
    if row is None:
        row = LexAssessment(report_id=report.id, law=law)
    if outcome is not None:
        row.outcome = outcome
    if decision is not None:
        row.decision = decision
        row.reported_on = reported_on
        row.motivation = None
    if motivation:
        row.motivation = motivation
    row.assessed_by_id = actor_id
    row.assessed_at = at
    session.add(row)
    mark_handled(report=report, at=at)
    report.updated_at = at
    session.add(report)
    session.add(ReportEvent(report_id=report.id, at=at, actor_id=actor_id, action="changed", field=law,
                            old_value=before, new_value=_describe(row)))
    session.flush()
    return row


def _describe(row: LexAssessment) -> str:
    parts = [p for p in (row.outcome, row.decision) if p]
    if row.reported_on is not None and row.decision == "anmäld till IVO":
        parts[-1] = f"{parts[-1]} {row.reported_on.isoformat()}"
    text = ", ".join(parts) or "bedömd"
    return f"{text} – motivering: {row.motivation}" if row.motivation else text
