"""Indicators the bot computes from its own avvikelser, per calendar month, for the
municipality (scope "kommun") and for each unit (scope = the unit's name).

Only reports of kind *avvikelse* count; synpunkter never do. Months are Stockholm calendar
months, and only whole months before `today` are computed (the running month would show a
half-finished value). Definitions, exactly:

- `fallavvikelser` – the number of avvikelser whose main area is *fall*, in the month the
  fall **occurred** (`occurred_at`; as the count answers do). Every month from a scope's
  first avvikelse (any area) to the last whole month gets a value, 0 included.
- `bedomda_inom_14_dagar` – of the avvikelser **reported** (`reported_at`) in the month, the
  percentage assessed within 14 days (14 × 24 h) of being reported. Assessed means
  `assessed_at` is set and is at most 14 days after `reported_at`; a report without
  `assessed_at` that still has lagrum, investigation, cause or action filled in (e.g. imported
  history) counts when its earliest known later time (`feedback_at`, `closed_at`,
  `updated_at`) is within the 14 days – the assessment cannot have happened after that.
  A month's value can still rise until 14 days after the month has ended.
- `avvikelser_med_atgard` – of the avvikelser reported in the month, the percentage with a
  non-blank action (`action`) now.
- `avvikelser_med_aterkoppling` – of the avvikelser reported in the month, the percentage with
  feedback to the reporter now (non-blank `feedback`, or `feedback_at` set).
- `dagar_till_avslut` – of the avvikelser **closed** (`closed_at`) in the month, the median
  number of days from `reported_at` to `closed_at` (fractional days, negative spans count
  as 0), rounded to one decimal.

Percentages are rounded to one decimal. A month without reports in the denominator has no
value (no row), never 0 %. Values are stored with source "beräknad"; computing again
replaces them, and computed rows that no longer have a value are removed.

Fast enough for 100k reports: one streamed query fetches only dates, ids and 0/1 flags
(text columns are reduced to "filled or not" in SQL), and the grouping is done in Python
because Stockholm months cannot be computed the same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median

from sqlalchemy import case, func, or_
from sqlmodel import Session, select

from storage.indicators.periods import month_period
from storage.indicators.values import MUNICIPALITY, NewValue, UpsertCounts, upsert_indicator_values
from storage.models import IndicatorDefinition, IndicatorValue, Report, Unit
from storage.report_counts import not_duplicate
from storage.timestamps import to_stockholm, utc_now
from storage.vocabulary import Area, ReportKind

COMPUTED_SOURCE = "beräknad"
FALLS = "fallavvikelser"
ASSESSED_WITHIN_14_DAYS = "bedomda_inom_14_dagar"
WITH_ACTION = "avvikelser_med_atgard"
WITH_FEEDBACK = "avvikelser_med_aterkoppling"
DAYS_TO_CLOSURE = "dagar_till_avslut"
COMPUTED_IDS = (FALLS, ASSESSED_WITHIN_14_DAYS, WITH_ACTION, WITH_FEEDBACK, DAYS_TO_CLOSURE)
ASSESSMENT_DEADLINE = timedelta(days=14)
STREAM_BATCH = 5_000

Month = tuple[int, int]


@dataclass
class _ScopeTally:
    first_month: Month | None = None
    falls: dict[Month, int] = field(default_factory=lambda: defaultdict(int))
    reported: dict[Month, int] = field(default_factory=lambda: defaultdict(int))
    assessed: dict[Month, int] = field(default_factory=lambda: defaultdict(int))
    with_action: dict[Month, int] = field(default_factory=lambda: defaultdict(int))
    with_feedback: dict[Month, int] = field(default_factory=lambda: defaultdict(int))
    days_to_closure: dict[Month, list[float]] = field(default_factory=lambda: defaultdict(list))

    def seen(self, month: Month) -> None:
        if self.first_month is None or month < self.first_month:
            self.first_month = month


@dataclass
class ComputationResult:
    counts: UpsertCounts
    removed: int
    months: int


def _filled(column):
    return func.coalesce(func.length(func.trim(column)), 0) > 0


def _month(moment: datetime) -> Month:
    local = to_stockholm(moment)
    return local.year, local.month


def _assessed_in_time(reported_at: datetime, assessed_at: datetime | None, has_assessment: bool,
                      later_times: tuple[datetime | None, ...]) -> bool:
    deadline = reported_at + ASSESSMENT_DEADLINE
    if assessed_at is not None:
        return assessed_at <= deadline
    if not has_assessment:
        return False
    known = [t for t in later_times if t is not None]
    return bool(known) and min(known) <= deadline


def _tally(session: Session) -> dict[str, _ScopeTally]:
    units = dict(session.exec(select(Unit.id, Unit.name)).all())
    query = select(
        Report.unit_id, Report.area, Report.occurred_at, Report.reported_at, Report.assessed_at,
        Report.feedback_at, Report.closed_at, Report.updated_at,
        case((or_(_filled(Report.lagrum), _filled(Report.investigation), _filled(Report.cause),
                  _filled(Report.action)), 1), else_=0),
        case((_filled(Report.action), 1), else_=0),
        case((or_(_filled(Report.feedback), Report.feedback_at.is_not(None)), 1), else_=0),  # type: ignore[union-attr]
    ).where(Report.kind == ReportKind.AVVIKELSE.value, not_duplicate()).execution_options(yield_per=STREAM_BATCH)
    tallies: dict[str, _ScopeTally] = defaultdict(_ScopeTally)
    for (unit_id, area, occurred_at, reported_at, assessed_at, feedback_at, closed_at, updated_at,
         has_assessment, has_action, has_feedback) in session.execute(query):
        occurred, reported = _month(occurred_at), _month(reported_at)
        in_time = _assessed_in_time(reported_at, assessed_at, bool(has_assessment),
                                    (feedback_at, closed_at, updated_at))
        closed = _month(closed_at) if closed_at is not None else None
        days = max((closed_at - reported_at).total_seconds(), 0) / 86400 if closed_at is not None else 0.0
        for scope in (MUNICIPALITY, units.get(unit_id, f"enhet {unit_id}")):
            tally = tallies[scope]
            tally.seen(min(occurred, reported))
            if area == Area.FALL.value:
                tally.falls[occurred] += 1
            tally.reported[reported] += 1
            tally.assessed[reported] += in_time
            tally.with_action[reported] += has_action
            tally.with_feedback[reported] += has_feedback
            if closed is not None:
                tally.days_to_closure[closed].append(days)
    return tallies


def _months_from(first: Month, last: Month) -> list[Month]:
    out, (year, month) = [], first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1)


def _values_for_scope(scope: str, tally: _ScopeTally, last: Month, wanted: set[str]) -> list[NewValue]:
    out: list[NewValue] = []

    def add(indicator_id: str, month: Month, value: float) -> None:
        if indicator_id in wanted:
            out.append(NewValue(indicator_id, month_period(*month), scope, value, COMPUTED_SOURCE))

    if tally.first_month is None:
        return out
    for month in _months_from(tally.first_month, last):
        add(FALLS, month, float(tally.falls.get(month, 0)))
        reported = tally.reported.get(month, 0)
        if reported:
            add(ASSESSED_WITHIN_14_DAYS, month, _share(tally.assessed[month], reported))
            add(WITH_ACTION, month, _share(tally.with_action[month], reported))
            add(WITH_FEEDBACK, month, _share(tally.with_feedback[month], reported))
        if tally.days_to_closure.get(month):
            add(DAYS_TO_CLOSURE, month, round(median(tally.days_to_closure[month]), 1))
    return out


def compute_indicator_values(*, session: Session, today: date | None = None) -> ComputationResult:
    """Compute and store every computed indicator whose definition is in the database.

    Definitions must be synced first (`sync_indicator_definitions`); unknown ids are skipped.
    """
    today = today or to_stockholm(utc_now()).date()
    last = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    defined = set(session.exec(select(IndicatorDefinition.id).where(
        IndicatorDefinition.id.in_(COMPUTED_IDS))).all())  # type: ignore[attr-defined]
    values: list[NewValue] = []
    months: set[str] = set()
    for scope, tally in _tally(session).items():
        scope_values = _values_for_scope(scope, tally, last, defined)
        values += scope_values
        months.update(v.period for v in scope_values)
    counts = upsert_indicator_values(session=session, values=values)
    keep = {(v.indicator_id, v.period, v.scope) for v in values}
    removed = 0
    stale = session.exec(select(IndicatorValue).where(
        IndicatorValue.indicator_id.in_(sorted(defined)),  # type: ignore[attr-defined]
        IndicatorValue.source == COMPUTED_SOURCE))
    for row in stale:
        if (row.indicator_id, row.period, row.scope) not in keep:
            session.delete(row)
            removed += 1
    session.flush()
    return ComputationResult(counts=counts, removed=removed, months=len(months))
