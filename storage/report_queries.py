"""Reads for handling reports: the queue of new or unassessed reports in a set of units, and one
report together with its unit name, its reporter's chat user id and a readable history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func
from sqlmodel import Session, select

from storage.models import Person, Report, ReportEvent, Unit
from storage.vocabulary import ReportStatus


class Queue(StrEnum):
    NEW = "new"  # status ny: nobody has started on it
    UNASSESSED = "unassessed"  # not yet assessed (no lagrum, investigation, cause or action) and not closed


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

    def age_days(self, now: datetime) -> int:
        """Whole days since it was reported."""
        return max(0, (now - self.reported_at).days)


@dataclass(frozen=True)
class QueuePage:
    reports: list[QueuedReport]  # oldest first, at most the limit asked for
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


def _queue_where(query, queue: Queue, unit_ids: Sequence[int] | None, kind: str | None):
    if queue is Queue.NEW:
        query = query.where(Report.status == ReportStatus.NY.value)
    else:
        query = query.where(Report.assessed_at.is_(None), Report.status != ReportStatus.AVSLUTAD.value)  # type: ignore[union-attr]
    if unit_ids is not None:
        query = query.where(Report.unit_id.in_(list(unit_ids)))  # type: ignore[attr-defined]
    if kind:
        query = query.where(Report.kind == kind)
    return query


def queued_reports(
    *, session: Session, queue: Queue, unit_ids: Sequence[int] | None, kind: str | None = None, limit: int = 10
) -> QueuePage:
    """Reports waiting for handling in the given units (None: all units), oldest reported first."""
    if unit_ids is not None and not unit_ids:
        return QueuePage([], 0)
    total = session.exec(_queue_where(select(func.count()).select_from(Report), queue, unit_ids, kind)).one()
    query = _queue_where(select(Report, Unit.name).join(Unit, Unit.id == Report.unit_id), queue, unit_ids, kind)
    rows = session.exec(query.order_by(Report.reported_at, Report.id).limit(limit)).all()  # type: ignore[arg-type]
    reports = [
        QueuedReport(reference=r.reference, kind=r.kind, area=r.area, unit_name=name, status=r.status,
                     description=r.description, occurred_at=r.occurred_at, reported_at=r.reported_at)
        for r, name in rows
    ]
    return QueuePage(reports, total)


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
