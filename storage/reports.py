"""Creating, reading and processing reports; every change is written to the report's history."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from storage.models import Report, ReportCreate, ReportEvent, ReportUpdate
from storage.references import next_reference
from storage.timestamps import STOCKHOLM, utc_now
from storage.vocabulary import ReportStatus

# Fields whose first value means the report has been assessed (bedömd).
_ASSESSING_FIELDS = ("lagrum", "investigation", "cause", "action")


def create_report(
    *, session: Session, report_in: ReportCreate, actor_id: int | None = None, now: datetime | None = None
) -> Report:
    """Store a new report with the next reference of its kind and year (year of reporting)."""
    reported_at = now or utc_now()
    reference = next_reference(
        session=session, kind=report_in.kind, year=reported_at.astimezone(STOCKHOLM).year
    )
    data = report_in.model_dump()
    report = Report(
        **{**data, "kind": report_in.kind.value, "area": report_in.area.value,
           "consequence": report_in.consequence.value if report_in.consequence else None,
           "source": report_in.source.value},
        reference=reference,
        reported_at=reported_at,
        updated_at=reported_at,
    )
    session.add(report)
    session.flush()
    session.add(ReportEvent(report_id=report.id, at=reported_at, actor_id=actor_id, action="created",
                            new_value=reference))
    session.flush()
    return report


def link_reports(
    *, session: Session, report: Report, other_reference: str, actor_id: int | None = None, now: datetime | None = None
) -> bool:
    """Record in both histories that `report` refers to another report ("samma bru som i AV-2026-00042").
    False when no report has that reference."""
    other = get_report(session=session, reference=other_reference)
    if other is None or other.id == report.id:
        return False
    at = now or utc_now()
    session.add(ReportEvent(report_id=report.id, at=at, actor_id=actor_id, action="linked", field="related",
                            new_value=other.reference))
    session.add(ReportEvent(report_id=other.id, at=at, actor_id=actor_id, action="linked", field="related",
                            new_value=report.reference))
    session.flush()
    return True


def get_report_by_id(*, session: Session, report_id: int) -> Report | None:
    return session.get(Report, report_id)


def first_of_event(*, session: Session, report: Report) -> Report:
    """The report a chain of duplicates leads back to (the report itself when it is no duplicate)."""
    seen = {report.id}
    while report.duplicate_of_id is not None and report.duplicate_of_id not in seen:
        report = session.get(Report, report.duplicate_of_id) or report
        seen.add(report.id)
    return report


def mark_possible_duplicate(*, session: Session, report: Report, earlier: Report) -> None:
    """The reporter thinks `report` repeats `earlier`: shown to the chef, still counted until decided."""
    if earlier.id != report.id:
        report.possible_duplicate_of_id = earlier.id
        session.add(report)
        session.flush()


def get_report(*, session: Session, reference: str) -> Report | None:
    return session.exec(select(Report).where(Report.reference == reference.strip().upper())).first()


def update_report(
    *, session: Session, report: Report, changes: ReportUpdate, actor_id: int | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Apply the given changes; returns the names of the fields that really changed."""
    at = now or utc_now()
    changed: list[str] = []
    for field, value in changes.model_dump(exclude_none=True).items():
        value = getattr(value, "value", value)
        old = getattr(report, field)
        if old == value:
            continue
        setattr(report, field, value)
        changed.append(field)
        session.add(ReportEvent(report_id=report.id, at=at, actor_id=actor_id, action="changed",
                                field=field, old_value=None if old is None else str(old), new_value=str(value)))
    if not changed:
        return changed
    mark_handled(report=report, at=at)
    if report.assessed_at is None and any(f in changed for f in _ASSESSING_FIELDS):
        report.assessed_at = at
    if "action" in changed and report.action and report.action_at is None:
        report.action_at = at
    if "feedback" in changed:
        report.feedback_at = at
    if "status" in changed and report.status == ReportStatus.AVSLUTAD.value and report.closed_at is None:
        report.closed_at = at
    report.updated_at = at
    session.add(report)
    session.flush()
    return changed


def mark_handled(*, report: Report, at: datetime) -> None:
    """The first time anyone handles a report (a change, a comment, an assessment) starts its second stage."""
    if report.first_handled_at is None:
        report.first_handled_at = at


def add_comment(
    *, session: Session, report: Report, text: str, actor_id: int | None = None, now: datetime | None = None
) -> ReportEvent:
    at = now or utc_now()
    event = ReportEvent(report_id=report.id, at=at, actor_id=actor_id, action="comment", new_value=text)
    mark_handled(report=report, at=at)
    session.add_all([event, report])
    session.flush()
    return event


def record_informed(
    *, session: Session, report: Report, note: str, on: datetime, actor_id: int | None = None,
    now: datetime | None = None,
) -> None:
    """The affected person (or their family) has been told what happened: needed before a lex case is closed."""
    at = now or utc_now()
    old = report.affected_informed_at
    report.affected_informed_at = on
    mark_handled(report=report, at=at)
    report.updated_at = at
    session.add(report)
    session.add(ReportEvent(report_id=report.id, at=at, actor_id=actor_id, action="changed", field="informed",
                            old_value=None if old is None else old.isoformat(), new_value=note or on.isoformat()))
    session.flush()


def mark_duplicate(
    *, session: Session, report: Report, original: Report | None, actor_id: int | None = None,
    now: datetime | None = None,
) -> bool:
    """Mark `report` as the same event as `original` (None: not a duplicate after all). A duplicate is
    closed and left out of every count. False when nothing changed."""
    at = now or utc_now()
    new_id = original.id if original is not None else None
    if report.duplicate_of_id == new_id and (original is not None or report.possible_duplicate_of_id is None):
        return False
    report.duplicate_of_id = new_id
    report.possible_duplicate_of_id = None
    mark_handled(report=report, at=at)
    report.updated_at = at
    session.add(ReportEvent(report_id=report.id, at=at, actor_id=actor_id, action="changed", field="duplicate_of",
                            new_value=original.reference if original is not None else "ingen dubblett"))
    if original is not None and report.status != ReportStatus.AVSLUTAD.value:
        update_report(session=session, report=report, changes=ReportUpdate(status=ReportStatus.AVSLUTAD),
                      actor_id=actor_id, now=at)
    session.add(report)
    session.flush()
    return True


def report_history(*, session: Session, report: Report) -> list[ReportEvent]:
    return list(session.exec(select(ReportEvent).where(ReportEvent.report_id == report.id).order_by(ReportEvent.id)))

