"""Which days an answer counts and which days it is compared with, like for like.

A calendar year, quarter, month or ISO week that has not ended yet is counted up to today and
compared with the same days of the one before ("i år" with the same days last year, "den här
månaden" with the same days of the month before); a whole one with the whole one before; any
other span with the span of the same length just before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from intents.swedish_dates import MONTHS
from nlp_models.times.calendar_math import add_months, month_period, quarter_period, week_of, year_period
from nlp_models.times.expressions import Period, describe_period

MAX_BUCKETS = 60
# the calendar unit a period is, and how its predecessor is named
_BEFORE = {"year": "året före", "quarter": "kvartalet före", "month": "månaden före", "week": "veckan före"}
_SO_FAR = {"year": "hittills i år", "quarter": "kvartalet hittills", "month": "månaden hittills",
           "week": "veckan hittills"}


def shift_years(day: date, years: int) -> date:
    """The same date `years` later (negative: earlier); 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _quarter_of(day: date) -> Period:
    return quarter_period(day.year, (day.month - 1) // 3 + 1)


def calendar_unit(period: Period) -> tuple[str, Period] | None:
    """("year" | "quarter" | "month" | "week", the whole unit) when the period starts where a calendar
    unit starts and ends inside it; None for any other span."""
    start = period.start
    units = (("year", year_period(start.year)), ("quarter", _quarter_of(start)),
             ("month", month_period(start.year, start.month)), ("week", week_of(start)))
    exact = [(unit, whole) for unit, whole in units if whole == period]  # "första kvartalet" is a quarter
    if exact:
        return exact[0]
    for unit, whole in units:  # the largest unit it begins ("i år" up to today is the year so far)
        if whole.start == start and period.end <= whole.end:
            return unit, whole
    return None


def _unit_before(unit: str, whole: Period) -> Period:
    if unit == "year":
        return year_period(whole.start.year - 1)
    if unit == "week":
        return Period(whole.start - timedelta(days=7), whole.start - timedelta(days=1))
    months = 3 if unit == "quarter" else 1
    first = add_months(whole.start, -months)
    return Period(first, whole.start - timedelta(days=1))


def _whole_months(period: Period) -> int | None:
    start, end = period.start, period.end
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


@dataclass(frozen=True)
class CountedPeriod:
    """The days an answer counts, in words, and what they are compared with."""

    counted: Period  # the asked period, ended at today when it runs past it
    words: str  # "1 januari–23 november 2026 (hittills i år)"
    before: Period | None  # the comparison period (None: the asked period has not begun)
    before_words: str  # "samma dagar året före" / "månaden före" / "perioden före"
    partial: bool  # the asked calendar unit has not ended


def counted_period(period: Period, today: date) -> CountedPeriod:
    """The asked period as counted on `today`, and the like-for-like period to compare it with."""
    if period.start > today:
        return CountedPeriod(period, describe_period(period), None, "", False)
    counted = Period(period.start, min(period.end, today))
    unit = calendar_unit(period)
    if unit is not None:
        name, whole = unit
        earlier = _unit_before(name, whole)
        if counted.end < whole.end and counted.end == today:  # not over yet: the same days of the one before
            if name == "year":
                before = Period(earlier.start, shift_years(counted.end, -1))
            elif name == "week":
                before = Period(earlier.start, counted.end - timedelta(days=7))
            else:  # the same day of the month, one month or one quarter back
                before = Period(earlier.start, min(earlier.end, add_months(counted.end, -3 if name == "quarter" else -1)))
            words = f"{describe_period(counted)} ({_SO_FAR[name]})"
            return CountedPeriod(counted, words, before, f"samma dagar {_BEFORE[name]}", True)
        if counted == whole:
            return CountedPeriod(counted, describe_period(counted), earlier, _BEFORE[name], False)
    months = _whole_months(counted)
    if months is not None:
        first = add_months(counted.start, -months)
        return CountedPeriod(counted, describe_period(counted), Period(first, counted.start - timedelta(days=1)),
                             "perioden före", False)
    length = (counted.end - counted.start).days + 1
    before = Period(counted.start - timedelta(days=length), counted.start - timedelta(days=1))
    return CountedPeriod(counted, describe_period(counted), before, "perioden före", False)


def _stepped(period: Period, first: date, months: int) -> list[Period]:
    """The period cut into parts of `months` calendar months from `first`, each part ended by the period."""
    out = []
    while first <= period.end and len(out) < MAX_BUCKETS:
        following = add_months(first, months)
        out.append(Period(max(first, period.start), min(following - timedelta(days=1), period.end)))
        first = following
    return out


def months_of(period: Period) -> list[Period]:
    return _stepped(period, period.start.replace(day=1), 1)


def quarters_of(period: Period) -> list[Period]:
    return _stepped(period, _quarter_of(period.start).start, 3)


def weeks_of(period: Period) -> list[Period]:
    out, monday = [], period.start - timedelta(days=period.start.weekday())
    while monday <= period.end and len(out) < MAX_BUCKETS:
        out.append(Period(max(monday, period.start), min(monday + timedelta(days=6), period.end)))
        monday += timedelta(days=7)
    return out


BUCKETS = {"month": months_of, "quarter": quarters_of, "week": weeks_of}


def describe_bucket(bucket: Period, group: str) -> str:
    """"januari 2026", "kvartal 1 2026", "vecka 12 2026" – a part of a series, with its exact dates
    where the part is cut short by the asked period."""
    if group == "quarter":
        whole = _quarter_of(bucket.start)
        name = f"kvartal {(bucket.start.month - 1) // 3 + 1} {bucket.start.year}"
        return name if bucket == whole else f"{name} ({describe_period(bucket)})"
    if group == "month" and bucket == month_period(bucket.start.year, bucket.start.month):
        return f"{MONTHS[bucket.start.month - 1]} {bucket.start.year}"
    if group == "week" and bucket == week_of(bucket.start):
        return f"vecka {bucket.start.isocalendar().week} {bucket.start.isocalendar().year}"
    return describe_period(bucket)
