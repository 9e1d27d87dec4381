"""Trends: "ökar fallen på Björkhagen?" compares the last three full months with the three before,
and says in plain words how sure the difference is."""

from __future__ import annotations

import math
from datetime import date, timedelta

from intents.statistics.counts import COUNTED_BY, counted_thing, number
from intents.statistics.request import StatisticsRequest
from intents.turn import Turn
from nlp_models.times.expressions import Period, describe_period
from storage.report_counts import count_reports

MONTHS = 3


def _log_binomial(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) - n * math.log(2)


def two_sided_p(recent: int, earlier: int) -> float:
    """Exact test of "both periods have the same rate": recent ~ Binomial(recent + earlier, 1/2)."""
    n = recent + earlier
    if n == 0:
        return 1.0
    observed = _log_binomial(n, recent)
    total = sum(math.exp(lp) for k in range(n + 1) if (lp := _log_binomial(n, k)) <= observed + 1e-9)
    return min(1.0, total)


def how_sure(recent: int, earlier: int) -> str:
    if recent == earlier:
        return "Ingen skillnad."
    direction = "ökning" if recent > earlier else "minskning"
    p = two_sided_p(recent, earlier)
    if p < 0.01:
        return f"Det är en tydlig {direction} – knappast slumpen."
    if p < 0.05:
        return f"Troligen en verklig {direction}."
    if p < 0.2:
        return f"Kanske en {direction}, men det kan också vara slumpen."
    return "Ingen säker skillnad – den ryms inom det vanliga."


def last_full_months(today: date, months: int) -> tuple[Period, Period]:
    end = today.replace(day=1) - timedelta(days=1)
    start = end.replace(day=1)
    for _ in range(months - 1):
        start = (start - timedelta(days=1)).replace(day=1)
    earlier_end = start - timedelta(days=1)
    earlier_start = earlier_end.replace(day=1)
    for _ in range(months - 1):
        earlier_start = (earlier_start - timedelta(days=1)).replace(day=1)
    return Period(start, end), Period(earlier_start, earlier_end)


def compare_periods(turn: Turn, request: StatisticsRequest, recent_period: Period, earlier_period: Period,
                    earlier_words: str | None = None) -> tuple[list[str], str]:
    """Two counts side by side and how sure the difference is; the answer's lines and what it revealed."""
    recent = count_reports(session=turn.session, flt=request.with_period(recent_period.start, recent_period.end))
    earlier = count_reports(session=turn.session, flt=request.with_period(earlier_period.start, earlier_period.end))
    what = counted_thing(request.question.kind, request.question.area, 2)
    before = describe_period(earlier_period)
    before = f"{earlier_words} ({before})" if earlier_words else before
    head = (f"{what[0].upper()}{what[1:]}{request.where}: {number(recent)} under {describe_period(recent_period)} "
            f"mot {number(earlier)} under {before}.")
    return [head, how_sure(recent, earlier), COUNTED_BY], head


def answer_trend(turn: Turn, request: StatisticsRequest) -> tuple[list[str], str]:
    return compare_periods(turn, request, *last_full_months(turn.now.date(), MONTHS))
