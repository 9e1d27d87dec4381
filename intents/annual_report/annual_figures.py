"""The numbers of the annual statistics, the year and the year before side by side."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from storage.annual_statistics import Completeness, closure_days, count_flagged, monthly_counts, processing_completeness
from storage.report_counts import CountFilter, count_by_area, count_by_unit, count_duplicates, count_reports
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
    completeness: Completeness
    completeness_last_year: Completeness
    median_days_to_closure: float | None
    median_days_last_year: float | None
    closures_with_date: int  # avvikelser with a recorded closure time this year
    duplicates: Row = Row("Dubbletter", 0, 0)  # reports marked as the same event as an earlier one: not counted


def year_filter(year: int, kind: str | None = None) -> CountFilter:
    return CountFilter(kind=kind, start=date(year, 1, 1), end=date(year, 12, 31))


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


def build_annual_figures(*, session: Session, year: int) -> AnnualFigures:
    def by(counter, kind: str, order=None) -> list[Row]:
        return _rows(counter(session=session, flt=year_filter(year, kind)),
                     counter(session=session, flt=year_filter(year - 1, kind)), order)

    def total(kind: str) -> Row:
        name = "Avvikelser" if kind == AVVIKELSE else "Synpunkter"
        return Row(name, count_reports(session=session, flt=year_filter(year, kind)),
                   count_reports(session=session, flt=year_filter(year - 1, kind)))

    months_now = monthly_counts(session=session, year=year, kind=AVVIKELSE)
    months_before = monthly_counts(session=session, year=year - 1, kind=AVVIKELSE)
    flags_now = count_flagged(session=session, flt=year_filter(year))
    flags_before = count_flagged(session=session, flt=year_filter(year - 1))
    closures = closure_days(session=session, flt=year_filter(year, AVVIKELSE))
    return AnnualFigures(
        year=year,
        avvikelser=total(AVVIKELSE),
        avvikelser_by_area=by(count_by_area, AVVIKELSE, AREAS),
        avvikelser_by_unit=by(count_by_unit, AVVIKELSE),
        avvikelser_by_month=[Row(str(m), months_now[m - 1], months_before[m - 1]) for m in range(1, 13)],
        synpunkter=total(SYNPUNKT),
        synpunkter_by_area=by(count_by_area, SYNPUNKT, AREAS),
        synpunkter_by_unit=by(count_by_unit, SYNPUNKT),
        severe=Row("Allvarliga händelser", flags_now["severe"], flags_before["severe"]),
        lex_sarah=Row("Möjliga lex Sarah", flags_now["lex_sarah"], flags_before["lex_sarah"]),
        lex_maria=Row("Möjliga lex Maria", flags_now["lex_maria"], flags_before["lex_maria"]),
        completeness=processing_completeness(session=session, flt=year_filter(year, AVVIKELSE)),
        completeness_last_year=processing_completeness(session=session, flt=year_filter(year - 1, AVVIKELSE)),
        median_days_to_closure=_median(closures),
        median_days_last_year=_median(closure_days(session=session, flt=year_filter(year - 1, AVVIKELSE))),
        closures_with_date=len(closures),
        duplicates=Row("Dubbletter", count_duplicates(session=session, flt=year_filter(year)),
                       count_duplicates(session=session, flt=year_filter(year - 1))),
    )
