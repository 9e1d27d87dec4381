"""Year over year: "fler fall i år än i fjol?" compares a period with the same dates a year
earlier (this year so far when no single-year period is named) and says how sure the difference is."""

from __future__ import annotations

from datetime import date

from intents.statistics.comparisons import compare_periods
from intents.statistics.counts import CountAnswer
from intents.statistics.periods import shift_years
from intents.statistics.request import StatisticsRequest
from intents.turn import Turn
from nlp_models.times.expressions import Period


def compared_periods(period: Period | None, today: date) -> tuple[Period, Period]:
    """The asked period and the same dates a year before. "i år än i fjol" parses as one span over
    both years: then this year so far against the same part of last year. "i mars jämfört med i
    fjol" parses as last year's March (the words name last year): then this year's March, when it
    has begun, against it."""
    if period is None or period.start.year != period.end.year:
        period = Period(date(today.year, 1, 1), today)
    elif period.start.year == today.year - 1 and shift_years(period.start, 1) <= today:
        period = Period(shift_years(period.start, 1), min(shift_years(period.end, 1), today))
    return period, Period(shift_years(period.start, -1), shift_years(period.end, -1))


def answer_year_over_year(turn: Turn, request: StatisticsRequest) -> CountAnswer:
    recent_period, earlier_period = compared_periods(request.question.period, turn.now.date())
    return compare_periods(turn, request, recent_period, earlier_period, earlier_words="samma tid året före")
