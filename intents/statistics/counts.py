"""Plain counts: the number, what was counted, the exact days, and the like-for-like days before.
Grouped counts as a short sorted table, or a series per month, quarter or week."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import NamedTuple

from intents.messages import Chart
from intents.statistics.periods import BUCKETS, CountedPeriod, counted_period, describe_bucket
from intents.statistics.request import StatisticsRequest
from intents.statistics.wording import and_list, basis, counted_thing, flagged_thing, kinds_split, number
from intents.swedish_dates import format_date
from intents.turn import Turn
from nlp_models.times.expressions import Period, describe_period
from storage.report_counts import CountFilter, count_by_area, count_by_unit, count_reports, earliest_occurrence
from storage.vocabulary import Flag

TABLE_ROWS = 8


def top_rows(rows: list[tuple[str, int]], limit: int = TABLE_ROWS) -> list[tuple[str, int]]:
    """The first `limit` rows, then the rest summed as "Övriga"."""
    rest = rows[limit:]
    return rows[:limit] + ([("Övriga", sum(n for _, n in rest))] if rest else [])


def table(rows: list[tuple[str, int]], limit: int = TABLE_ROWS) -> list[str]:
    width = max((len(label) for label, _ in rows[:limit]), default=0)
    return [f"{label.ljust(width)}  {number(n)}" for label, n in top_rows(rows, limit)]


def what_was_counted(turn: Turn, flt: CountFilter, total: int) -> str:
    """'109 rapporter om fall (103 avvikelser, 6 synpunkter)', '3 fallavvikelser', '2 möjliga lex Maria':
    a count over both kinds says what it is made of, so it can be set beside a count of one kind."""
    if flt.flag is not None:
        return f"{number(total)} {flagged_thing(Flag(flt.flag), total)}"
    text = f"{number(total)} {counted_thing(flt.kind, flt.area, total)}"
    if flt.areas:
        text += f" inom {and_list(flt.areas)}"
    if flt.kind is None and total:
        avvikelser = count_reports(session=turn.session, flt=replace(flt, kind="avvikelse"))
        text += kinds_split(avvikelser, total - avvikelser)
    return text


def when_words(counted: CountedPeriod | None, turn: Turn) -> str:
    """" under 1–31 mars 2026", or for a question without a period " totalt, sedan 1 januari 2024"
    (the first report on record), so a total always says what it covers."""
    if counted:
        return f" under {counted.words}"
    first = earliest_occurrence(session=turn.session)
    return f" totalt, sedan {format_date(first)}" if first else " totalt"


def headline(turn: Turn, request: StatisticsRequest, total: int, counted: CountedPeriod | None) -> str:
    return f"{what_was_counted(turn, request.flt, total)}{request.where}{when_words(counted, turn)}."


def count_basis(request: StatisticsRequest) -> str:
    flt = request.flt
    extra = ""
    if flt.flag is not None:
        extra = f", flaggade som {flagged_thing(Flag(flt.flag), 1)} av boten eller den som rapporterade"
    return basis(flt.kind, flt.areas or ((flt.area,) if flt.area else ()), extra)


class CountAnswer(NamedTuple):
    lines: list[str]
    revealed: str  # a one-line record of what the answer revealed, for the access log
    chart: Chart | None = None


def _grouped(turn: Turn, request: StatisticsRequest, head: str) -> tuple[list[str], Chart | None]:
    question, flt = request.question, request.flt
    rows = (count_by_unit if question.group_by == "unit" else count_by_area)(session=turn.session, flt=flt)
    named = question.compared_units if question.group_by == "unit" else question.compared_areas
    if named:  # "jämför Solgården och Björkhagen": exactly those, in the order named
        counts = dict(rows)
        rows = [(name, counts.get(name, 0)) for name in named]
    shown = top_rows(rows)
    return ["", *table(rows)], Chart(title=head.rstrip("."), labels=[label for label, _ in shown],
                                     values=[n for _, n in shown])


def _series(turn: Turn, request: StatisticsRequest, head: str) -> tuple[list[str], Chart | None]:
    group = request.question.group_by
    today: date = turn.now.date()
    asked = request.question.period
    span = Period(asked.start, min(asked.end, max(today, asked.start))) if asked else Period(
        earliest_occurrence(session=turn.session) or today, today)
    lines, series = [], []
    for bucket in BUCKETS[group](span):
        n = count_reports(session=turn.session, flt=request.flt.between(bucket.start, bucket.end))
        label = describe_bucket(bucket, group)
        lines.append(f"{label}: {number(n)}")
        series.append((label, n))
    return lines, Chart(title=head.rstrip("."), labels=[label for label, _ in series],
                        values=[n for _, n in series], over_time=True)


def answer_counts(turn: Turn, request: StatisticsRequest) -> CountAnswer:
    """The answer's lines, what it revealed, and for a breakdown the same numbers as a chart."""
    session, question, flt = turn.session, request.question, request.flt
    counted = counted_period(question.period, turn.now.date()) if question.period else None
    total = count_reports(session=session, flt=flt)
    head = headline(turn, request, total, counted)
    lines, chart = [head], None
    if question.group_by in ("unit", "area") and total:
        more, chart = _grouped(turn, request, head)
        lines += more
    elif question.group_by in BUCKETS and total:
        more, chart = _series(turn, request, head)
        lines += more
    elif counted is not None and counted.before is not None:
        before = counted.before
        n_before = count_reports(session=session, flt=flt.between(before.start, before.end))
        lines.append(f"{counted.before_words[:1].upper()}{counted.before_words[1:]}, "
                     f"{describe_period(before)}: {number(n_before)}.")
    lines.append(count_basis(request))
    return CountAnswer(lines, head, chart)
