"""Calendar arithmetic for the time resolver: months, ISO weeks, quarters."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from nlp_models.times.period import Period


def month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def valid_date(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= year <= 9999) or not 1 <= day <= month_length(year, month):
        return None
    return date(year, month, day)


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, month_length(year, month)))


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def add_months(day: date, by: int) -> date:
    """The same day `by` months away, clamped to the month's last day (31 May - 3 = 28 Feb)."""
    year, month = shift_month(day.year, day.month, by)
    return date(year, month, min(day.day, month_length(year, month)))


def latest_month_year(month: int, today: date) -> int:
    """The year of the latest `month` that has begun by `today`."""
    return today.year if month <= today.month else today.year - 1


def weeks_in_year(year: int) -> int:
    return date(year, 12, 28).isocalendar().week


def iso_week_period(year: int, week: int) -> Period | None:
    if not 1 <= year <= 9998 or not 1 <= week <= weeks_in_year(year):
        return None
    monday = date.fromisocalendar(year, week, 1)
    return Period(monday, monday + timedelta(days=6))


def latest_iso_week(week: int, today: date) -> Period | None:
    """ISO week `week` of today's year, or of the year before where it has not begun.

    Around New Year the ISO year can run ahead of the calendar year (2025-12-30 lies in
    2026-W01), so the latest week `week` that has begun is taken over both years.
    """
    for year in (today.year + 1, today.year, today.year - 1):
        period = iso_week_period(year, week)
        if period is not None and period.start <= today:
            return period
    return None


def week_of(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6))


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    return Period(date(year, first, 1), month_period(year, first + 2).end)


def latest_quarter_year(quarter: int, today: date) -> int:
    return today.year if 3 * (quarter - 1) + 1 <= today.month else today.year - 1


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


def latest_date_on_or_before(month: int, day: int, today: date) -> date | None:
    """The latest `day` `month` on or before `today` (29 February: the latest leap year)."""
    for year in range(today.year, today.year - 8, -1):
        candidate = valid_date(year, month, day)
        if candidate is not None and candidate <= today:
            return candidate
    return None


def latest_weekday_before(weekday: int, today: date) -> date:
    """"i måndags": the latest such weekday strictly before today."""
    back = (today.weekday() - weekday) % 7 or 7
    return today - timedelta(days=back)
