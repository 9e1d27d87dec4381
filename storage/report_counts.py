"""Counting reports by kind, area, unit and the Stockholm date the event happened.

Periods are inclusive local dates; they become a half-open UTC range on `occurred_at`,
so every count is an index range scan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from sqlalchemy import func
from sqlmodel import Session, select

from storage.models import LexAssessment, Report, Unit
from storage.timestamps import local_day_bounds, to_stockholm
from storage.vocabulary import Flag


@dataclass(frozen=True)
class CountFilter:
    kind: str | None = None
    area: str | None = None
    unit_ids: Sequence[int] | None = None  # None: all units
    start: date | None = None
    end: date | None = None
    flag: Flag | None = None  # only severe reports, or lex Sarah / lex Maria candidates, or any of them
    areas: tuple[str, ...] = ()  # several areas ("jämför fall och läkemedel"); empty: `area` decides
    reported_until: datetime | None = None  # leave out reports that came in later (a list being paged)
    lex_stage: str | None = None  # with a lex flag: "assessed" (an assessment recorded) or "reported" (to IVO)

    def between(self, start: date | None, end: date | None) -> "CountFilter":
        """The same filter over another period."""
        return replace(self, start=start, end=end)


def flag_condition(flag: Flag):
    """SQL condition for one kind of flagged report (intents.immediate_alerts says the same of one report)."""
    severe = (Report.severe.is_(True)) | (Report.consequence == "allvarlig")  # type: ignore[attr-defined]
    if flag is Flag.SEVERE:
        return severe
    if flag is Flag.LEX_SARAH:
        return Report.lex_sarah_candidate.is_(True)  # type: ignore[attr-defined]
    if flag is Flag.LEX_MARIA:
        return Report.lex_maria_candidate.is_(True)  # type: ignore[attr-defined]
    return severe | Report.lex_sarah_candidate.is_(True) | Report.lex_maria_candidate.is_(True)  # type: ignore[attr-defined]


_LAW = {Flag.LEX_SARAH: "lex sarah", Flag.LEX_MARIA: "lex maria"}
REPORTED_DECISIONS = ("anmäls till IVO", "anmäld till IVO")


def lex_stage_condition(flag: Flag, stage: str):
    """SQL condition: the report's lex Sarah / lex Maria assessment is recorded ("assessed"), or says
    it is to be or has been reported to IVO ("reported")."""
    query = select(LexAssessment.id).where(LexAssessment.report_id == Report.id, LexAssessment.law == _LAW[flag])
    if stage == "reported":
        query = query.where(LexAssessment.decision.in_(REPORTED_DECISIONS))  # type: ignore[union-attr]
    return query.exists()


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
    if flt.areas:
        query = query.where(Report.area.in_(list(flt.areas)))  # type: ignore[attr-defined]
    if flt.unit_ids is not None:
        query = query.where(Report.unit_id.in_(list(flt.unit_ids)))  # type: ignore[attr-defined]
    if flt.start or flt.end:
        lo, hi = local_day_bounds(flt.start or date(1900, 1, 1), flt.end or date(2999, 12, 31))
        query = query.where(Report.occurred_at >= lo, Report.occurred_at < hi)
    if flt.flag is not None:
        query = query.where(flag_condition(Flag(flt.flag)))
    if flt.lex_stage is not None and flt.flag in (Flag.LEX_SARAH, Flag.LEX_MARIA):
        query = query.where(lex_stage_condition(Flag(flt.flag), flt.lex_stage))
    if flt.reported_until is not None:
        query = query.where(Report.reported_at <= flt.reported_until)
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
    return flag_condition(Flag.ANY)


def flagged_reports(*, session: Session, flt: CountFilter, limit: int = 5,
                    offset: int = 0) -> tuple[int, list[tuple[Report, str]]]:
    """Flagged reports (the filter's flag, any flag when it has none), newest first: the total and
    one page of them with their unit names."""
    flt = flt if flt.flag is not None else replace(flt, flag=Flag.ANY)
    total = session.exec(_where(select(func.count()).select_from(Report), flt)).one()
    rows = session.exec(
        _where(select(Report, Unit.name).join(Unit, Unit.id == Report.unit_id), flt)
        .order_by(Report.occurred_at.desc(), Report.id.desc()).offset(offset).limit(limit)  # type: ignore[attr-defined,union-attr]
    ).all()
    return total, [(report, name) for report, name in rows]


def occurrence_days(*, session: Session, flt: CountFilter) -> list[tuple[str, str, date]]:
    """(unit name, area, Stockholm date of occurrence) of every report in the filter: the raw
    material of series over time, bucketed by the caller (one query for many series)."""
    rows = session.exec(_where(select(Unit.name, Report.area, Report.occurred_at)
                               .join(Unit, Unit.id == Report.unit_id), flt)).all()
    out = []
    for unit, area, occurred in rows:
        if occurred.tzinfo is None:
            occurred = occurred.replace(tzinfo=timezone.utc)
        out.append((unit, area, to_stockholm(occurred).date()))
    return out
