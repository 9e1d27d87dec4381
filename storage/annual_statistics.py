"""Counts for the statistics part of the kvalitetsberättelse: per month, how completely reports
were processed, and the days from report to closure. Periods are Stockholm dates of occurrence."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from storage.models import Report
from storage.report_counts import CountFilter, _where, count_reports, flag_condition
from storage.vocabulary import Flag


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    return first, last


def monthly_counts(*, session: Session, year: int, kind: str, unit_ids: list[int] | None = None,
                   last_day: date | None = None) -> list[int]:
    """Reports of a kind per month of the year (January first), up to `last_day` (later months: 0)."""
    counts = []
    for month in range(1, 13):
        start, end = month_bounds(year, month)
        if last_day is not None:
            end = min(end, last_day)
        counts.append(count_reports(session=session, flt=CountFilter(kind=kind, unit_ids=unit_ids, start=start,
                                                                     end=end)) if start <= end else 0)
    return counts


def count_flagged(*, session: Session, flt: CountFilter) -> dict[str, int]:
    """How many were flagged severe (or consequence allvarlig), lex Sarah candidate and lex Maria candidate,
    and of the candidates how many are to be or have been reported to IVO."""
    query = _where(select(
        func.count().filter(flag_condition(Flag.SEVERE)),
        func.count().filter(flag_condition(Flag.LEX_SARAH)),
        func.count().filter(flag_condition(Flag.LEX_MARIA)),
    ).select_from(Report), flt)
    severe, sarah, maria = session.exec(query).one()
    reported = {name: count_reports(session=session, flt=replace(flt, flag=flag, lex_stage="reported"))
                for name, flag in (("lex_sarah_reported", Flag.LEX_SARAH), ("lex_maria_reported", Flag.LEX_MARIA))}
    return {"severe": severe, "lex_sarah": sarah, "lex_maria": maria, **reported}


@dataclass(frozen=True)
class Completeness:
    """How far the reports of a period have been processed."""

    total: int
    assessed: int  # has a lagrum or an assessment time
    investigated: int  # händelseutredning
    with_cause: int
    with_action: int
    with_feedback: int  # återkoppling to the reporter
    closed: int  # status avslutad


def _filled(column):
    return column.is_not(None) & (func.length(func.trim(column)) > 0)  # type: ignore[union-attr]


def processing_completeness(*, session: Session, flt: CountFilter) -> Completeness:
    query = _where(select(
        func.count(),
        func.count().filter(Report.assessed_at.is_not(None) | _filled(Report.lagrum)),  # type: ignore[union-attr]
        func.count().filter(_filled(Report.investigation)),
        func.count().filter(_filled(Report.cause)),
        func.count().filter(_filled(Report.action)),
        func.count().filter(_filled(Report.feedback)),
        func.count().filter(Report.status == "avslutad"),
    ).select_from(Report), flt)
    return Completeness(*session.exec(query).one())


def closure_days(*, session: Session, flt: CountFilter) -> list[float]:
    """Days from report to closure, for each report with a recorded closure time."""
    rows = session.exec(_where(select(Report.reported_at, Report.closed_at), flt)
                        .where(Report.closed_at.is_not(None))).all()  # type: ignore[union-attr]
    return [max(0.0, (closed - reported).total_seconds() / 86_400) for reported, closed in rows]
