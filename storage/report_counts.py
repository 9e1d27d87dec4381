"""Counting reports by kind, area, unit and the Stockholm date the event happened.

Periods are inclusive local dates; they become a half-open UTC range on `occurred_at`,
so every count is an index range scan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import func
from sqlmodel import Session, select

from storage.models import Report, Unit
from storage.timestamps import local_day_bounds, to_stockholm


@dataclass(frozen=True)
class CountFilter:
    kind: str | None = None
    area: str | None = None
    unit_ids: Sequence[int] | None = None  # None: all units
    start: date | None = None
    end: date | None = None


def not_duplicate():
    """SQL condition: not marked as a duplicate of an earlier report. Every count uses it: the same
    event reported twice is counted once."""
    return Report.duplicate_of_id.is_(None)  # type: ignore[union-attr]


def _where(query, flt: CountFilter, *, duplicates: bool = False):
    """The filter's conditions; duplicates are left out unless `duplicates` (then only they count)."""
    query = query.where(Report.duplicate_of_id.is_not(None) if duplicates else not_duplicate())  # type: ignore[union-attr]
    if flt.kind:
        query = query.where(Report.kind == flt.kind)
    if flt.area:
        query = query.where(Report.area == flt.area)
    if flt.unit_ids is not None:
        query = query.where(Report.unit_id.in_(list(flt.unit_ids)))  # type: ignore[attr-defined]
    if flt.start or flt.end:
        lo, hi = local_day_bounds(flt.start or date(1900, 1, 1), flt.end or date(2999, 12, 31))
        query = query.where(Report.occurred_at >= lo, Report.occurred_at < hi)
    return query


def count_reports(*, session: Session, flt: CountFilter) -> int:
    return session.exec(_where(select(func.count()).select_from(Report), flt)).one()


def count_duplicates(*, session: Session, flt: CountFilter) -> int:
    """Reports in the filter marked as duplicates: left out of every count, and said so."""
    return session.exec(_where(select(func.count()).select_from(Report), flt, duplicates=True)).one()


def count_by_unit(*, session: Session, flt: CountFilter) -> list[tuple[str, int]]:
    query = _where(select(Unit.name, func.count(Report.id)).join(Unit, Unit.id == Report.unit_id), flt)
    rows = session.exec(query.group_by(Unit.name)).all()
    return sorted(((name, n) for name, n in rows), key=lambda row: (-row[1], row[0]))


def count_by_area(*, session: Session, flt: CountFilter) -> list[tuple[str, int]]:
    rows = session.exec(_where(select(Report.area, func.count(Report.id)), flt).group_by(Report.area)).all()
    return sorted(((area, n) for area, n in rows), key=lambda row: (-row[1], row[0]))


def earliest_occurrence(*, session: Session) -> date | None:
    first = session.exec(select(func.min(Report.occurred_at))).one()
    if first is None:
        return None
    if first.tzinfo is None:  # SQLite's aggregate bypasses the column type
        first = first.replace(tzinfo=timezone.utc)
    return to_stockholm(first).date()


def _unassessed(query):
    return query.where(Report.assessed_at.is_(None), Report.lagrum.is_(None),  # type: ignore[union-attr]
                       Report.status.in_(["ny", "utreds"]))  # type: ignore[attr-defined]


def count_unassessed(*, session: Session, flt: CountFilter, reported_before: datetime | None = None) -> int:
    """Reports not yet assessed (no lagrum, never assessed, not closed), optionally older than a moment."""
    query = _unassessed(_where(select(func.count()).select_from(Report), flt))
    if reported_before is not None:
        query = query.where(Report.reported_at < reported_before)
    return session.exec(query).one()


def oldest_unassessed(*, session: Session, flt: CountFilter) -> datetime | None:
    first = session.exec(_unassessed(_where(select(func.min(Report.reported_at)), flt))).one()
    if first is not None and first.tzinfo is None:
        first = first.replace(tzinfo=timezone.utc)
    return first


def without_feedback():
    """SQL condition: handled (an action, or åtgärdad or avslutad) but the reporter has had no återkoppling."""
    return Report.feedback.is_(None) & (  # type: ignore[union-attr]
        Report.action.is_not(None) | Report.status.in_(["åtgärdad", "avslutad"]))  # type: ignore[union-attr]


def count_without_feedback(*, session: Session, flt: CountFilter) -> int:
    """Avvikelser with an action or closed, whose reporter has had no återkoppling."""
    return session.exec(_where(select(func.count()).select_from(Report), flt).where(without_feedback())).one()


def flagged():
    """SQL condition for a flagged report: severe or consequence "allvarlig", or a lex Sarah / lex Maria
    candidate (intents.immediate_alerts.needs_alert says the same of one report)."""
    return (Report.severe.is_(True)) | (Report.lex_sarah_candidate.is_(True)) | (  # type: ignore[attr-defined]
        Report.lex_maria_candidate.is_(True)) | (Report.consequence == "allvarlig")  # type: ignore[attr-defined]


def severe_reports(*, session: Session, flt: CountFilter, limit: int = 5) -> tuple[int, list[tuple[Report, str]]]:
    """Severe reports and lex Sarah/Maria candidates: the total and the latest few with unit names."""
    serious = flagged()
    total = session.exec(_where(select(func.count()).select_from(Report), flt).where(serious)).one()
    rows = session.exec(
        _where(select(Report, Unit.name).join(Unit, Unit.id == Report.unit_id), flt)
        .where(serious).order_by(Report.occurred_at.desc()).limit(limit)  # type: ignore[attr-defined]
    ).all()
    return total, [(report, name) for report, name in rows]
