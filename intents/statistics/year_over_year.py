"""Year over year: "fler fall i år än i fjol?" compares a period with the same dates a year
earlier (this year so far when no single-year period is named) and says how sure the difference is."""

from __future__ import annotations

from datetime import date

from intents.statistics.request import StatisticsRequest
from intents.statistics.trends import compare_periods
from intents.turn import Turn
from nlp_models.time_expressions import Period


def year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def year_later(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def compared_periods(period: Period | None, today: date) -> tuple[Period, Period]:
    """The asked period and the same dates a year before. "i år än i fjol" parses as one span over
    both years: then this year so far against the same part of last year. "i mars jämfört med i
    fjol" parses as last year's March (the words name last year): then this year's March, when it
    has begun, against it."""
    if period is None or period.start.year != period.end.year:
        period = Period(date(today.year, 1, 1), today)
    elif period.start.year == today.year - 1 and year_later(period.start) <= today:
        period = Period(year_later(period.start), min(year_later(period.end), today))
    return period, Period(year_earlier(period.start), year_earlier(period.end))


def answer_year_over_year(turn: Turn, request: StatisticsRequest) -> tuple[list[str], str]:
    recent_period, earlier_period = compared_periods(request.question.period, turn.now.date())
    return compare_periods(turn, request, recent_period, earlier_period, earlier_words="samma tid året före")
