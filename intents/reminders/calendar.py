"""Working days in Sweden: Monday to Friday except public holidays (the `holidays` package)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays

from storage.timestamps import STOCKHOLM


@lru_cache(maxsize=16)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("SE", years=year, include_sundays=False))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def working_days_back(moment: datetime, days: int) -> datetime:
    """The same time of day `days` working days before `moment` (Stockholm time)."""
    local = moment.astimezone(STOCKHOLM)
    day, left = local.date(), days
    while left > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=STOCKHOLM)
