"""Signals going on now, for the weekly digest: for each unit and area (and each area over all the
units in scope), the avvikelser per week over half a year up to the digest's week, and Anhøj's
rules. A line only when a shift is still going on: "Fall på Solgården: signal om ökning sedan
vecka 38". Ordinary variation gives no line at all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session

from intents.run_charts.anhoej import runs_analysis
from intents.run_charts.series import WEEKS, count_series, whole_weeks
from intents.run_charts.signal_text import signal_phrase
from storage.report_counts import CountFilter, occurrence_days
from storage.vocabulary import Area, ReportKind

_AREA_ORDER = {a.value: i for i, a in enumerate(Area)}


def current_signals(*, session: Session, last_day: date, unit_ids: Sequence[int] | None = None) -> list[str]:
    """One line per series whose latest run is a shift, areas in their usual order, then units."""
    buckets = whole_weeks(last_day, WEEKS)
    flt = CountFilter(kind=ReportKind.AVVIKELSE.value, unit_ids=unit_ids, start=buckets[0].period.start,
                      end=buckets[-1].period.end)
    days: dict[tuple[str, str | None], list[date]] = defaultdict(list)
    units = set()
    for unit, area, day in occurrence_days(session=session, flt=flt):
        days[(area, unit)].append(day)
        days[(area, None)].append(day)
        units.add(unit)
    lines = []
    for (area, unit), occurred in sorted(days.items(), key=lambda kv: (_AREA_ORDER.get(kv[0][0], 99),
                                                                         kv[0][1] is not None, kv[0][1] or "")):
        if unit is None and len(units) < 2:
            continue  # one unit: its own line says it
        series = count_series("week", occurred, buckets)
        phrase = signal_phrase(runs_analysis(series.values), series)
        if phrase:
            where = f"på {unit}" if unit else "alla enheter"
            lines.append(f"{area[:1].upper()}{area[1:]} {where}: {phrase}")
    return lines
