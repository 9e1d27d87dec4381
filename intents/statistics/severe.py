"""Severe reports and lex Sarah / lex Maria candidates in a period (the last 30 days by default)."""

from __future__ import annotations

from datetime import timedelta

from intents.statistics.counts import number
from intents.statistics.request import StatisticsRequest
from intents.swedish_dates import format_date
from intents.turn import Turn
from nlp_models.times.expressions import Period, describe_period
from storage.report_counts import severe_reports
from storage.timestamps import to_stockholm

DEFAULT_DAYS = 30


def answer_severe(turn: Turn, request: StatisticsRequest) -> tuple[list[str], str]:
    period = request.question.period
    if period is None:
        today = turn.now.date()
        period = Period(today - timedelta(days=DEFAULT_DAYS - 1), today)
    total, latest = severe_reports(session=turn.session, flt=request.with_period(period.start, period.end))
    head = (f"{number(total)} allvarliga händelser eller möjliga lex Sarah/lex Maria{request.where} "
            f"under {describe_period(period)}.")
    lines = [head]
    for report, unit in latest:
        flags = [name for name, on in (("lex Sarah?", report.lex_sarah_candidate), ("lex Maria?", report.lex_maria_candidate)) if on]
        lines.append(f"• {report.reference} – {unit}, {report.area}, {format_date(to_stockholm(report.occurred_at).date())}"
                     + (f" ({', '.join(flags)})" if flags else ""))
    if total > len(latest):
        lines.append(f"… och {number(total - len(latest))} till.")
    return lines, head
