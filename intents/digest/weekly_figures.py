"""The numbers of one weekly digest, gathered from storage: nothing here is worded or drawn."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlmodel import Session

from intents.digest.comparison import Comparison, compare
from intents.digest.hsl_areas import HSL_AREAS, hsl_area
from intents.digest.iso_weeks import IsoWeek
from intents.immediate_alerts import is_severe
from intents.run_charts.current_signals import current_signals
from storage.digest_queries import areas_and_descriptions
from intents.stage_times import StageTimes, stage_times
from storage.report_counts import (CountFilter, count_by_area, count_by_unit, count_duplicates, count_reports,
                                   count_unassessed, count_without_feedback, flagged_reports)
from storage.timestamps import STOCKHOLM
from storage.vocabulary import Area, ReportKind

WEEKS_COMPARED = 4
CHART_WEEKS = 12
UNASSESSED_AGES = (7, 14, 30)
SERIOUS_LISTED = 15
SUMMARY_CHARS = 90
AREAS = tuple(a.value for a in Area)

OffTargetLines = Callable[..., list[str]]  # (session, unit_ids=None) -> lines


@dataclass(frozen=True)
class SeriousReport:
    reference: str
    unit: str
    area: str
    reasons: tuple[str, ...]  # "allvarlig", "lex Sarah", "lex Maria"
    summary: str  # the start of the (masked) description


@dataclass(frozen=True)
class WeeklyFigures:
    week: IsoWeek
    scope_name: str | None  # None: the whole municipality
    avvikelser: Comparison
    by_area: list[Comparison]
    by_unit: list[Comparison]
    by_hsl_area: list[Comparison]
    synpunkter: Comparison
    synpunkter_by_area: list[tuple[str, int]]
    serious_total: int
    serious: list[SeriousReport]
    unassessed_older_than: dict[int, int]  # days → avvikelser unassessed for longer than that at the week's end
    without_feedback: int  # avvikelser with an action or closed but no feedback, of the chart's weeks
    off_target: list[str]  # one line per indicator under its target
    series: list[tuple[IsoWeek, dict[str, int]]] = field(default_factory=list)  # avvikelser per area, 12 weeks
    stages: StageTimes | None = None  # time per stage of the avvikelser reported in the chart's weeks
    duplicates: int = 0  # avvikelser of the week marked as duplicates: not counted above
    signals: list[str] = field(default_factory=list)  # run-chart shifts going on now, one line each

    @property
    def quiet(self) -> bool:
        """Nothing to review: no avvikelser and nothing serious this week."""
        return self.avvikelser.count == 0 and self.serious_total == 0


def _filter(kind: str, unit_ids: Sequence[int] | None, start: date, end: date) -> CountFilter:
    return CountFilter(kind=kind, unit_ids=unit_ids, start=start, end=end)


def _summary(description: str) -> str:
    text = " ".join(description.split())
    return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip(" ,.;") + "…"


def _reasons(report) -> tuple[str, ...]:
    reasons = []
    if is_severe(report):
        reasons.append("allvarlig")
    if report.lex_sarah_candidate:
        reasons.append("lex Sarah")
    if report.lex_maria_candidate:
        reasons.append("lex Maria")
    return tuple(reasons)


def _hsl_counts(session: Session, flt: CountFilter) -> Counter[str]:
    return Counter(hsl_area(area, text) for area, text in areas_and_descriptions(session=session, flt=flt))


def week_start(week: IsoWeek) -> datetime:
    """The moment the week begins: its Monday 00:00 in Stockholm."""
    return datetime.combine(week.monday, time.min, tzinfo=STOCKHOLM)


def week_end(week: IsoWeek) -> datetime:
    """The moment the week ends: the next Monday 00:00 in Stockholm."""
    return datetime.combine(week.sunday + timedelta(days=1), time.min, tzinfo=STOCKHOLM)


def build_weekly_figures(
    *, session: Session, week: IsoWeek, unit_ids: Sequence[int] | None = None, scope_name: str | None = None,
    off_target_lines: OffTargetLines | None = None,
) -> WeeklyFigures:
    before = week.before(WEEKS_COMPARED)
    avv = _filter(ReportKind.AVVIKELSE.value, unit_ids, week.monday, week.sunday)
    avv_before = _filter(ReportKind.AVVIKELSE.value, unit_ids, before[0].monday, before[-1].sunday)
    syn = _filter(ReportKind.SYNPUNKT.value, unit_ids, week.monday, week.sunday)
    syn_before = _filter(ReportKind.SYNPUNKT.value, unit_ids, before[0].monday, before[-1].sunday)

    area_order = AREAS
    by_area = compare(dict(count_by_area(session=session, flt=avv)),
                      dict(count_by_area(session=session, flt=avv_before)), WEEKS_COMPARED, order=area_order)
    by_unit = compare(dict(count_by_unit(session=session, flt=avv)),
                      dict(count_by_unit(session=session, flt=avv_before)), WEEKS_COMPARED)
    by_hsl = compare(dict(_hsl_counts(session, avv)), dict(_hsl_counts(session, avv_before)), WEEKS_COMPARED,
                     order=HSL_AREAS)

    total, latest = flagged_reports(session=session, flt=CountFilter(unit_ids=unit_ids, start=week.monday,
                                                                    end=week.sunday), limit=SERIOUS_LISTED)
    serious = [SeriousReport(r.reference, unit, r.area, _reasons(r), _summary(r.description)) for r, unit in latest]

    end = week_end(week)
    all_avv = CountFilter(kind=ReportKind.AVVIKELSE.value, unit_ids=unit_ids)
    unassessed = {days: count_unassessed(session=session, flt=all_avv, reported_before=end - timedelta(days=days))
                  for days in UNASSESSED_AGES}

    chart_weeks = week.before(CHART_WEEKS - 1) + [week]
    without_feedback = count_without_feedback(
        session=session, flt=_filter(ReportKind.AVVIKELSE.value, unit_ids, chart_weeks[0].monday, week.sunday))
    series = [(w, dict(count_by_area(session=session,
                                     flt=_filter(ReportKind.AVVIKELSE.value, unit_ids, w.monday, w.sunday))))
              for w in chart_weeks]

    stages = stage_times(session=session, reported_from=week_start(chart_weeks[0]), reported_to=end,
                         unit_ids=unit_ids)
    return WeeklyFigures(
        week=week,
        scope_name=scope_name,
        avvikelser=Comparison("Avvikelser", count_reports(session=session, flt=avv),
                              count_reports(session=session, flt=avv_before) / WEEKS_COMPARED),
        by_area=by_area,
        by_unit=by_unit,
        by_hsl_area=by_hsl,
        synpunkter=Comparison("Synpunkter", count_reports(session=session, flt=syn),
                              count_reports(session=session, flt=syn_before) / WEEKS_COMPARED),
        synpunkter_by_area=count_by_area(session=session, flt=syn),
        serious_total=total,
        serious=serious,
        unassessed_older_than=unassessed,
        without_feedback=without_feedback,
        off_target=off_target_lines(session, unit_ids=unit_ids) if off_target_lines else [],
        series=series,
        stages=stages,
        duplicates=count_duplicates(session=session, flt=avv),
        signals=current_signals(session=session, last_day=week.sunday, unit_ids=unit_ids),
    )
