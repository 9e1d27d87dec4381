"""Timezone-aware timestamps: stored in UTC, shown in Europe/Stockholm.

SQLite has no time zone type, so `UTCDateTime` stores naive UTC there and hands back
aware UTC datetimes on every database; PostgreSQL gets `timestamptz`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a time zone first")
        utc = value.astimezone(timezone.utc)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def local_day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC instants [start 00:00, end+1 00:00) of inclusive Stockholm dates."""
    lo = datetime.combine(start, time.min, tzinfo=STOCKHOLM)
    hi = datetime.combine(end + timedelta(days=1), time.min, tzinfo=STOCKHOLM)
    return lo.astimezone(timezone.utc), hi.astimezone(timezone.utc)


def to_stockholm(moment: datetime) -> datetime:
    return moment.astimezone(STOCKHOLM)
