"""Reads for handling reports: the queues (new, unassessed, without feedback, severe, lex Sarah,
lex Maria, possible duplicates) in a set of units, a page at a time, and one report together with
its unit name, its reporter's chat user id and a readable history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import case, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from storage.models import LexAssessment, Person, Report, ReportEvent, Unit
from storage.report_counts import flagged, not_duplicate, without_feedback
from storage.vocabulary import ReportStatus

LEX_SARAH, LEX_MARIA = "lex sarah", "lex maria"


class Queue(StrEnum):
    NEW = "new"  # status ny: nobody has started on it
    UNASSESSED = "unassessed"  # not yet assessed (no lagrum, investigation, cause or action) and not closed
    WITHOUT_FEEDBACK = "without_feedback"  # handled, but the reporter has had no återkoppling
    SEVERE = "severe"  # severe or consequence allvarlig, not closed
    LEX_SARAH = "lex_sarah"  # lex Sarah candidates not yet assessed or not closed
    LEX_MARIA = "lex_maria"
    POSSIBLE_DUPLICATES = "possible_duplicates"  # pointed out when reported, not yet decided


@dataclass(frozen=True)
class QueuedReport:
    reference: str
    kind: str
    area: str
    unit_name: str
    status: str
    description: str
    occurred_at: datetime
    reported_at: datetime
    serious: bool = False  # severe, consequence allvarlig, or a lex candidate
    lex_sarah: bool = False
    lex_maria: bool = False
    lex_decisions: tuple[tuple[str, str], ...] = ()  # (law, decision or outcome) recorded so far
    possible_duplicate_of: str | None = None  # the reference it may repeat
    version: str = ""  # when it last changed: what a button shown for it is bound to

    def age_days(self, now: datetime) -> int:
        """Whole days since it was reported."""
        return max(0, (now - self.reported_at).days)


@dataclass(frozen=True)
class QueuePage:
    reports: list[QueuedReport]  # most serious first, then newest first; at most the limit asked for
    total: int  # all that match


@dataclass(frozen=True)
class ReportInContext:
    report: Report
    unit_name: str
    reporter_user_id: str | None  # the chat platform user id of whoever reported it, if known


@dataclass(frozen=True)
class HistoryLine:
    event: ReportEvent
    actor_name: str | None


def _assessed(law: str):
    return select(LexAssessment.id).where(LexAssessment.report_id == Report.id, LexAssessment.law == law).exists()


def _lex_open(candidate, law: str):
    """A candidate (or an assessed case) that is not assessed yet, or not closed yet."""
    return (candidate | _assessed(law)) & (~_assessed(law) | (Report.status != ReportStatus.AVSLUTAD.value))


def queue_condition(queue: Queue):
    """The SQL condition of a queue (confirmed duplicates are never in a queue)."""
    open_ = Report.status != ReportStatus.AVSLUTAD.value
    if queue is Queue.NEW:
        return Report.status == ReportStatus.NY.value
    if queue is Queue.UNASSESSED:
        return Report.assessed_at.is_(None) & open_  # type: ignore[union-attr]
    if queue is Queue.WITHOUT_FEEDBACK:
        return without_feedback()
    if queue is Queue.SEVERE:
        return (Report.severe.is_(True) | (Report.consequence == "allvarlig")) & open_  # type: ignore[attr-defined]
    if queue is Queue.LEX_SARAH:
        return _lex_open(Report.lex_sarah_candidate.is_(True), LEX_SARAH)  # type: ignore[attr-defined]
    if queue is Queue.LEX_MARIA:
        return _lex_open(Report.lex_maria_candidate.is_(True), LEX_MARIA)  # type: ignore[attr-defined]
    return Report.possible_duplicate_of_id.is_not(None)  # type: ignore[union-attr]


def _queue_where(query, queue: Queue, unit_ids: Sequence[int] | None, kind: str | None,
                 as_of: datetime | None):
    query = query.where(queue_condition(queue), not_duplicate())
    if unit_ids is not None:
        query = query.where(Report.unit_id.in_(list(unit_ids)))  # type: ignore[attr-defined]
    if kind:
        query = query.where(Report.kind == kind)
    if as_of is not None:
        query = query.where(Report.reported_at <= as_of)
    return query


def _first_order(queue: Queue):
    """What comes first in a queue: for the lex queues the cases not yet assessed, otherwise the serious."""
    if queue in (Queue.LEX_SARAH, Queue.LEX_MARIA):
        law = LEX_SARAH if queue is Queue.LEX_SARAH else LEX_MARIA
        return case((_assessed(law), 0), else_=1)
    return case((flagged(), 1), else_=0)


def queued_reports(
    *, session: Session, queue: Queue, unit_ids: Sequence[int] | None, kind: str | None = None, limit: int = 10,
    offset: int = 0, as_of: datetime | None = None,
) -> QueuePage:
    """Reports of a queue in the given units (None: all units), the most serious (or, in the lex
    queues, the not yet assessed) first, then the newest; `as_of` leaves out reports made later, so
    that the pages of one list stay put while new reports come in."""
    if unit_ids is not None and not unit_ids:
        return QueuePage([], 0)
    total = session.exec(_queue_where(select(func.count()).select_from(Report), queue, unit_ids, kind, as_of)).one()
    original = aliased(Report)
    query = _queue_where(
        select(Report, Unit.name, original.reference)
        .join(Unit, Unit.id == Report.unit_id)
        .join(original, original.id == Report.possible_duplicate_of_id, isouter=True),
        queue, unit_ids, kind, as_of)
    order = (_first_order(queue).desc(), Report.reported_at.desc(), Report.id.desc())  # type: ignore[attr-defined]
    rows = session.exec(query.order_by(*order).offset(offset).limit(limit)).all()
    decisions = lex_decisions_by_report(session=session, report_ids=[r.id for r, _, _ in rows])
    reports = [
        QueuedReport(reference=r.reference, kind=r.kind, area=r.area, unit_name=name, status=r.status,
                     description=r.description, occurred_at=r.occurred_at, reported_at=r.reported_at,
                     serious=bool(r.severe or r.consequence == "allvarlig" or r.lex_sarah_candidate
                                  or r.lex_maria_candidate),
                     lex_sarah=r.lex_sarah_candidate, lex_maria=r.lex_maria_candidate,
                     lex_decisions=decisions.get(r.id, ()), possible_duplicate_of=original_reference,
                     version=r.updated_at.isoformat())
        for r, name, original_reference in rows
    ]
    return QueuePage(reports, total)


def lex_decisions_by_report(*, session: Session, report_ids: Sequence[int]) -> dict[int, tuple[tuple[str, str], ...]]:
    if not report_ids:
        return {}
    rows = session.exec(select(LexAssessment).where(LexAssessment.report_id.in_(list(report_ids)))  # type: ignore[attr-defined]
                        .order_by(LexAssessment.law)).all()
    out: dict[int, list[tuple[str, str]]] = {}
    for row in rows:
        out.setdefault(row.report_id, []).append((row.law, row.decision or row.outcome or "bedömd"))
    return {key: tuple(value) for key, value in out.items()}


def reports_by_reporter(
    *, session: Session, reporter_id: int, statuses: Sequence[str] | None = None, limit: int = 5, offset: int = 0,
    as_of: datetime | None = None, area: str | None = None, kind: str | None = None,
) -> tuple[list[tuple[Report, str]], int]:
    """One person's own reports with unit names, newest first, optionally only some statuses, one area or
    one kind; and how many in all."""
    conditions = [Report.reporter_id == reporter_id]
    if statuses:
        conditions.append(Report.status.in_(list(statuses)))  # type: ignore[attr-defined]
    if area is not None:
        conditions.append(Report.area == area)
    if kind is not None:
        conditions.append(Report.kind == kind)
    if as_of is not None:
        conditions.append(Report.reported_at <= as_of)
    total = session.exec(select(func.count()).select_from(Report).where(*conditions)).one()
    rows = session.exec(select(Report, Unit.name).join(Unit, Unit.id == Report.unit_id).where(*conditions)
                        .order_by(Report.reported_at.desc(), Report.id.desc())  # type: ignore[attr-defined]
                        .offset(offset).limit(limit)).all()
    return [(report, name) for report, name in rows], total


def report_in_context(*, session: Session, reference: str) -> ReportInContext | None:
    query = (
        select(Report, Unit.name, Person.platform_user_id)
        .join(Unit, Unit.id == Report.unit_id)
        .join(Person, Person.id == Report.reporter_id, isouter=True)
        .where(Report.reference == reference.strip().upper())
    )
    row = session.exec(query).first()
    if row is None:
        return None
    report, unit_name, reporter_user_id = row
    return ReportInContext(report=report, unit_name=unit_name, reporter_user_id=reporter_user_id)


def history_with_actors(*, session: Session, report_id: int) -> list[HistoryLine]:
    """The report's history, oldest first, with the display name (or user id) of who did each thing."""
    query = (
        select(ReportEvent, Person.display_name, Person.platform_user_id)
        .join(Person, Person.id == ReportEvent.actor_id, isouter=True)
        .where(ReportEvent.report_id == report_id)
        .order_by(ReportEvent.id)
    )
    return [HistoryLine(event, (name or user_id) if (name or user_id) else None)
            for event, name, user_id in session.exec(query).all()]


def similar_report_candidates(
    *, session: Session, unit_id: int, area: str, kind: str, around: datetime, hours: float, exclude_id: int | None = None,
) -> list[tuple[int, str, str, datetime, datetime]]:
    """(id, reference, description, occurred_at, reported_at) of reports of the same unit, area and kind
    that happened within `hours` of `around` and are not themselves marked duplicates."""
    window = timedelta(hours=hours)
    query = select(Report.id, Report.reference, Report.description, Report.occurred_at, Report.reported_at).where(
        Report.unit_id == unit_id, Report.area == area, Report.kind == kind, not_duplicate(),
        Report.occurred_at >= around - window, Report.occurred_at <= around + window)
    if exclude_id is not None:
        query = query.where(Report.id != exclude_id)
    return [tuple(row) for row in session.exec(query.order_by(Report.reported_at.desc())).all()]  # type: ignore[misc]
