"""Plain counts: the number, what was counted, the exact period, and the period before.
Grouped counts as a short sorted table or a series per month or week."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from intents.messages import Chart
from intents.statistics.request import StatisticsRequest
from intents.turn import Turn
from nlp_models.times.expressions import Period, describe_period
from storage.report_counts import count_by_area, count_by_unit, count_reports, earliest_occurrence

TABLE_ROWS = 8
MAX_SERIES = 60
_AREA_COMPOUND = {"fall": "fall", "läkemedel": "läkemedels", "trycksår": "trycksårs", "larm": "larm"}
COUNTED_BY = "Räknat på datum då händelsen inträffade."


def counted_thing(kind: str | None, area: str | None, n: int) -> str:
    """'fallavvikelser', 'synpunkter om larm', 'rapporter om trycksår', 'avvikelser och synpunkter'."""
    one = n == 1
    if kind == "avvikelse":
        noun = "avvikelse" if one else "avvikelser"
        if area in _AREA_COMPOUND:
            return _AREA_COMPOUND[area] + noun
        return noun + (" inom övrigt" if area == "övrigt" else "")
    if kind == "synpunkt":
        noun = "synpunkt" if one else "synpunkter"
        return noun + (f" om {area}" if area else "")
    if area:
        return ("rapport" if one else "rapporter") + f" om {area}"
    return "avvikelse eller synpunkt" if one else "avvikelser och synpunkter"


def number(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def previous_period(period: Period) -> Period:
    """The period just before, of the same length (whole months compare with the months before)."""
    start, end = period.start, period.end
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first = start
        for _ in range(months):
            first = (first - timedelta(days=1)).replace(day=1)
        return Period(first, start - timedelta(days=1))
    length = (end - start).days + 1
    return Period(start - timedelta(days=length), start - timedelta(days=1))


def months_of(period: Period) -> list[Period]:
    out, first = [], period.start.replace(day=1)
    while first <= period.end and len(out) < MAX_SERIES:
        following = (first + timedelta(days=32)).replace(day=1)
        out.append(Period(max(first, period.start), min(following - timedelta(days=1), period.end)))
        first = following
    return out


def weeks_of(period: Period) -> list[Period]:
    out, monday = [], period.start - timedelta(days=period.start.weekday())
    while monday <= period.end and len(out) < MAX_SERIES:
        out.append(Period(max(monday, period.start), min(monday + timedelta(days=6), period.end)))
        monday += timedelta(days=7)
    return out


def top_rows(rows: list[tuple[str, int]], limit: int = TABLE_ROWS) -> list[tuple[str, int]]:
    """The first `limit` rows, then the rest summed as "Övriga"."""
    rest = rows[limit:]
    return rows[:limit] + ([("Övriga", sum(n for _, n in rest))] if rest else [])


def table(rows: list[tuple[str, int]], limit: int = TABLE_ROWS) -> list[str]:
    width = max((len(label) for label, _ in rows[:limit]), default=0)
    return [f"{label.ljust(width)}  {number(n)}" for label, n in top_rows(rows, limit)]


def headline(request: StatisticsRequest, total: int) -> str:
    question = request.question
    when = f" under {describe_period(question.period)}" if question.period else " totalt"
    return f"{number(total)} {counted_thing(question.kind, question.area, total)}{request.where}{when}."


class CountAnswer(NamedTuple):
    lines: list[str]
    revealed: str  # a one-line record of what the answer revealed, for the access log
    chart: Chart | None = None


def answer_counts(turn: Turn, request: StatisticsRequest) -> CountAnswer:
    """The answer's lines, what it revealed, and for a breakdown the same numbers as a chart."""
    session, question, flt = turn.session, request.question, request.flt
    total = count_reports(session=session, flt=flt)
    head = headline(request, total)
    lines = [head]
    chart = None
    if question.group_by in ("unit", "area") and total:
        rows = (count_by_unit if question.group_by == "unit" else count_by_area)(session=session, flt=flt)
        lines += ["", *table(rows)]
        shown = top_rows(rows)
        chart = Chart(title=head.rstrip("."), labels=[label for label, _ in shown], values=[n for _, n in shown])
    elif question.group_by in ("month", "week") and total:
        today: date = turn.now.date()
        span = question.period or Period(earliest_occurrence(session=session) or today, today)
        buckets = months_of(span) if question.group_by == "month" else weeks_of(span)
        series = []
        for bucket in buckets:
            n = count_reports(session=session, flt=request.with_period(bucket.start, bucket.end))
            lines.append(f"{describe_period(bucket)}: {number(n)}")
            series.append((describe_period(bucket), n))
        chart = Chart(title=head.rstrip("."), labels=[label for label, _ in series],
                      values=[n for _, n in series], over_time=True)
    elif question.period:
        before = previous_period(question.period)
        n_before = count_reports(session=session, flt=request.with_period(before.start, before.end))
        lines.append(f"Perioden före, {describe_period(before)}: {number(n_before)}.")
    lines.append(COUNTED_BY)
    return CountAnswer(lines, head, chart)
