"""Swedish words for a period: "1–31 mars 2026", "16–22 mars 2026 (vecka 12)", "2025"."""

from __future__ import annotations

from datetime import date, timedelta

from nlp_models.times.calendar_math import month_period, quarter_period, year_period
from nlp_models.times.period import Period

MONTH_NAMES = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
DASH = "–"


def _day_month(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]}"


def _span(start: date, end: date) -> str:
    if start == end:
        return f"{_day_month(start)} {start.year}"
    if start.year != end.year:
        return f"{_day_month(start)} {start.year}{DASH}{_day_month(end)} {end.year}"
    if start.month != end.month:
        return f"{_day_month(start)}{DASH}{_day_month(end)} {end.year}"
    return f"{start.day}{DASH}{_day_month(end)} {end.year}"


def _quarter_of(period: Period) -> int | None:
    if period.start.day != 1 or period.start.month % 3 != 1:
        return None
    quarter = period.start.month // 3 + 1
    return quarter if quarter_period(period.start.year, quarter) == period else None


def describe_period(period: Period) -> str:
    """The period in Swedish words, naming the ISO week or quarter where it is exactly one.

    >>> describe_period(Period(date(2026, 3, 16), date(2026, 3, 22)))
    '16–22 mars 2026 (vecka 12)'
    """
    start, end = period.start, period.end
    if period == year_period(start.year):
        return str(start.year)
    text = _span(start, end)
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return f"{text} (vecka {start.isocalendar().week})"
    if period != month_period(start.year, start.month) and (quarter := _quarter_of(period)):
        return f"{text} (kvartal {quarter})"
    return text
