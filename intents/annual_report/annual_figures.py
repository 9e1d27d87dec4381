"""The numbers of the annual statistics, the year and the year before side by side."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from storage.annual_statistics import Completeness, closure_days, count_flagged, monthly_counts, processing_completeness
from storage.report_counts import (CountFilter, count_by_area, count_by_unit, count_duplicates, count_reports,
                                   earliest_occurrence)
from storage.timestamps import to_stockholm, utc_now
from storage.vocabulary import Area, ReportKind

AREAS = tuple(a.value for a in Area)
AVVIKELSE, SYNPUNKT = ReportKind.AVVIKELSE.value, ReportKind.SYNPUNKT.value


@dataclass(frozen=True)
class Row:
    """One line of a table: the year and the year before."""

    name: str
    this_year: int
    last_year: int


@dataclass(frozen=True)
class AnnualFigures:
    year: int
    last_day: date  # 31 December, or today while the year is still going on
    before_last_day: date  # the same day of the year before: the comparison is like for like
    first_report: date | None  # the earliest occurrence in the database (None: no reports at all)
    reports_this_year: int  # all reports of the counted days, both kinds
    avvikelser: Row
    avvikelser_by_area: list[Row]
    avvikelser_by_unit: list[Row]
    avvikelser_by_month: list[Row]  # name = month number as text "1".."12"
    synpunkter: Row
    synpunkter_by_area: list[Row]
    synpunkter_by_unit: list[Row]
    severe: Row
    lex_sarah: Row
    lex_maria: Row
    lex_sarah_reported: Row  # of the candidates: assessed as to be reported, or reported, to IVO
    lex_maria_reported: Row
    completeness: Completeness
    completeness_last_year: Completeness
    median_days_to_closure: float | None
    median_days_last_year: float | None
    closures_with_date: int  # avvikelser with a recorded closure time this year
    duplicates: Row = Row("Dubbletter", 0, 0)  # reports marked as the same event as an earlier one: not counted

    @property
    def partial(self) -> bool:
        """The year has not ended: it is counted up to today and compared with the same days before."""
        return self.last_day < date(self.year, 12, 31)

    @property
    def has_data(self) -> bool:
        return self.reports_this_year > 0


def year_filter(year: int, kind: str | None = None, last_day: date | None = None) -> CountFilter:
    """The year's reports of `kind`, up to `last_day` (default 31 December)."""
    return CountFilter(kind=kind, start=date(year, 1, 1), end=last_day or date(year, 12, 31))


def same_day_year_before(day: date) -> date:
    """The same date a year earlier; 29 February becomes the 28th."""
    return day.replace(year=day.year - 1) if (day.month, day.day) != (2, 29) else date(day.year - 1, 2, 28)


def _rows(this_year: list[tuple[str, int]], last_year: list[tuple[str, int]],
          order: tuple[str, ...] | None = None) -> list[Row]:
    now, before = dict(this_year), dict(last_year)
    rows = [Row(name, now.get(name, 0), before.get(name, 0)) for name in set(now) | set(before)]
    if order is not None:
        rank = {name: i for i, name in enumerate(order)}
        return sorted(rows, key=lambda r: (rank.get(r.name, len(rank)), r.name))
    return sorted(rows, key=lambda r: (-r.this_year, -r.last_year, r.name))


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def build_annual_figures(*, session: Session, year: int, today: date | None = None) -> AnnualFigures:
    """The year's figures against the year before; a year still going on is counted up to `today`
    (default: today in Stockholm) and compared with the same days of the year before."""
    today = today or to_stockholm(utc_now()).date()
    last = min(date(year, 12, 31), max(today, date(year, 1, 1) - timedelta(days=1)))
    before_last = same_day_year_before(last) if last >= date(year, 1, 1) else date(year - 1, 1, 1) - timedelta(days=1)

    def now(kind: str | None = None) -> CountFilter:
        return year_filter(year, kind, last)

    def before(kind: str | None = None) -> CountFilter:
        return year_filter(year - 1, kind, before_last)

    def by(counter, kind: str, order=None) -> list[Row]:
        return _rows(counter(session=session, flt=now(kind)), counter(session=session, flt=before(kind)), order)

    def total(kind: str) -> Row:
        name = "Avvikelser" if kind == AVVIKELSE else "Synpunkter"
        return Row(name, count_reports(session=session, flt=now(kind)), count_reports(session=session, flt=before(kind)))

    months_now = monthly_counts(session=session, year=year, kind=AVVIKELSE, last_day=last)
    months_before = monthly_counts(session=session, year=year - 1, kind=AVVIKELSE, last_day=before_last)
    shown_months = 12 if last == date(year, 12, 31) else max(last.month, 1) if last.year == year else 0
    flags_now = count_flagged(session=session, flt=now())
    flags_before = count_flagged(session=session, flt=before())
    closures = closure_days(session=session, flt=now(AVVIKELSE))
    return AnnualFigures(
        year=year,
        last_day=last,
        before_last_day=before_last,
        first_report=earliest_occurrence(session=session),
        reports_this_year=count_reports(session=session, flt=now()) if last.year == year else 0,
        avvikelser=total(AVVIKELSE),
        avvikelser_by_area=by(count_by_area, AVVIKELSE, AREAS),
        avvikelser_by_unit=by(count_by_unit, AVVIKELSE),
        avvikelser_by_month=[Row(str(m), months_now[m - 1], months_before[m - 1]) for m in range(1, shown_months + 1)],
        synpunkter=total(SYNPUNKT),
        synpunkter_by_area=by(count_by_area, SYNPUNKT, AREAS),
        synpunkter_by_unit=by(count_by_unit, SYNPUNKT),
        severe=Row("Allvarliga händelser", flags_now["severe"], flags_before["severe"]),
        lex_sarah=Row("Möjliga lex Sarah", flags_now["lex_sarah"], flags_before["lex_sarah"]),
        lex_maria=Row("Möjliga lex Maria", flags_now["lex_maria"], flags_before["lex_maria"]),
        lex_sarah_reported=Row("Lex Sarah anmälda till IVO", flags_now["lex_sarah_reported"],
                               flags_before["lex_sarah_reported"]),
        lex_maria_reported=Row("Lex Maria anmälda till IVO", flags_now["lex_maria_reported"],
                               flags_before["lex_maria_reported"]),
        completeness=processing_completeness(session=session, flt=now(AVVIKELSE)),
        completeness_last_year=processing_completeness(session=session, flt=before(AVVIKELSE)),
        median_days_to_closure=_median(closures),
        median_days_last_year=_median(closure_days(session=session, flt=before(AVVIKELSE))),
        closures_with_date=len(closures),
        duplicates=Row("Dubbletter", count_duplicates(session=session, flt=now()),
                       count_duplicates(session=session, flt=before())),
    )
