"""Trends: "ökar fallen på Solgården?", "är det en verklig ökning?" answered with run charts –
the counts per week (half a year) and per month (two years), their medians, and Anhøj's rules.
"Signal" only when a rule fires; otherwise the variation is said to be ordinary, with the
figures that show it."""

from __future__ import annotations

from datetime import timedelta

from intents.messages import Chart
from intents.run_charts.anhoej import RunsAnalysis, runs_analysis
from intents.run_charts.series import CountSeries, count_series, whole_months, whole_weeks
from intents.run_charts.signal_text import RULES_NOTE, judgement
from intents.statistics.counts import CountAnswer, count_basis
from intents.statistics.request import StatisticsRequest
from intents.statistics.wording import capitalised, counted_thing, flagged_thing
from intents.turn import Turn
from nlp_models.times.expressions import Period, describe_period
from storage.report_counts import occurrence_days
from storage.vocabulary import Flag

_SCALE_WORDS = {"week": ("Per vecka", "veckor"), "month": ("Per månad", "månader")}


def _what(request: StatisticsRequest) -> str:
    flt = request.flt
    return capitalised(flagged_thing(Flag(flt.flag), 2) if flt.flag else counted_thing(flt.kind, flt.area, 2))


def _windows(turn: Turn, request: StatisticsRequest) -> tuple[list, list]:
    """Whole weeks and months: the default windows, or those inside the asked period."""
    yesterday = turn.now.date() - timedelta(days=1)
    asked = request.question.period
    if asked is None:
        return whole_weeks(yesterday), whole_months(yesterday)
    last = min(asked.end, yesterday)
    weeks = [b for b in whole_weeks(last, 60) if b.period.start >= asked.start]
    months = [b for b in whole_months(last, 60) if b.period.start >= asked.start]
    return weeks, months


def run_chart(title: str, series: CountSeries, analysis: RunsAnalysis) -> Chart:
    signal_points = tuple(i for run in analysis.signal_runs for i in range(run.first, run.last + 1)
                          if analysis.values[i] != analysis.median)
    return Chart(title=title, labels=[b.label for b in series.buckets], values=list(series.values),
                 over_time=True, median=analysis.median, highlighted=signal_points)


def answer_trend(turn: Turn, request: StatisticsRequest) -> CountAnswer:
    weeks, months = _windows(turn, request)
    candidates = [b.period for b in weeks + months]
    if not candidates:
        head = f"{_what(request)}{request.where}: perioden har inga hela veckor eller månader att rita ännu."
        return CountAnswer([head], head)
    span = Period(min(p.start for p in candidates), max(p.end for p in candidates))
    days = [day for _, _, day in occurrence_days(session=turn.session, flt=request.flt.between(span.start, span.end))]
    what = f"{_what(request)}{request.where}"
    lines, charts = [], []
    for scale, buckets in (("week", weeks), ("month", months)):
        if len(buckets) < 2:
            continue
        series = count_series(scale, days, buckets)
        analysis = runs_analysis(series.values)
        label, plural = _SCALE_WORDS[scale]
        lines.append(f"{label}, {describe_period(series.span)} ({len(buckets)} {plural}): {judgement(analysis, series)}")
        charts.append((analysis.signal, run_chart(f"{what} {label.lower()} – median och signaler", series, analysis)))
    head = f"{what}: körschema per vecka och per månad."
    lines = [head, *lines, count_basis(request) + " Bara hela veckor och månader räknas.", RULES_NOTE]
    chart = next((c for signal, c in charts if signal), charts[0][1] if charts else None)
    return CountAnswer(lines, head, chart)
