"""Counts per week or per month over a window of whole weeks or months, ready for a run chart.

Only whole weeks and months are used: the week or month still going on would look like a dip.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from intents.swedish_dates import MONTHS
from nlp_models.times.calendar_math import add_months
from nlp_models.times.expressions import Period

WEEKS = 26  # half a year of weeks: limits 8 (run) and 8 (crossings) at 26 useful points
MONTHS_SHOWN = 24  # two years of months


@dataclass(frozen=True)
class Bucket:
    period: Period
    label: str  # short, for a chart axis: "v38", "okt -26"
    name: str  # in a sentence: "vecka 38", "oktober 2026"


@dataclass(frozen=True)
class CountSeries:
    scale: str  # "week" | "month"
    buckets: tuple[Bucket, ...]
    values: tuple[int, ...]

    @property
    def span(self) -> Period:
        return Period(self.buckets[0].period.start, self.buckets[-1].period.end)


def _week_bucket(monday: date) -> Bucket:
    week = monday.isocalendar().week
    return Bucket(Period(monday, monday + timedelta(days=6)), f"v{week}", f"vecka {week}")


def _month_bucket(first: date) -> Bucket:
    last = add_months(first, 1) - timedelta(days=1)
    name = MONTHS[first.month - 1]
    return Bucket(Period(first, last), f"{name[:3]} -{first.year % 100:02d}", f"{name} {first.year}")


def whole_weeks(last_day: date, count: int = WEEKS) -> list[Bucket]:
    """The `count` ISO weeks that ended on or before `last_day`, oldest first."""
    sunday = last_day - timedelta(days=(last_day.weekday() + 1) % 7)
    return [_week_bucket(sunday - timedelta(days=6 + 7 * n)) for n in range(count - 1, -1, -1)]


def whole_months(last_day: date, count: int = MONTHS_SHOWN) -> list[Bucket]:
    """The `count` calendar months that ended on or before `last_day`, oldest first."""
    following = last_day + timedelta(days=1)
    first_after = following if following.day == 1 else last_day.replace(day=1)  # the first month left out
    return [_month_bucket(add_months(first_after, -n)) for n in range(count, 0, -1)]


def bucket_counts(days: Iterable[date], buckets: list[Bucket]) -> tuple[int, ...]:
    """How many of `days` fall in each bucket (buckets are consecutive, oldest first)."""
    starts = [b.period.start for b in buckets]
    counts = [0] * len(buckets)
    for day in days:
        index = bisect_right(starts, day) - 1
        if index >= 0 and day <= buckets[index].period.end:
            counts[index] += 1
    return tuple(counts)


def count_series(scale: str, days: Iterable[date], buckets: list[Bucket]) -> CountSeries:
    return CountSeries(scale, tuple(buckets), bucket_counts(days, buckets))
