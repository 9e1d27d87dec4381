"""The bot's notion of "now": the real clock, or a fixed moment given on the command line for tests."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class ClockError(ValueError):
    pass


def end_of_day(day: date) -> datetime:
    """`--today D` means D 23:59 in Stockholm: every earlier time that day is in the past."""
    return datetime.combine(day, time(23, 59), tzinfo=STOCKHOLM)


def parse_today(value: str) -> datetime:
    try:
        return end_of_day(date.fromisoformat(value.strip()))
    except ValueError:
        raise ClockError(f"Ogiltigt datum ”{value}”: skriv ÅÅÅÅ-MM-DD.") from None


def parse_now(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ClockError(f"Ogiltig tidpunkt ”{value}”: skriv ÅÅÅÅ-MM-DD TT:MM.") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=STOCKHOLM)


def current_moment(today: str | None = None, now: str | None = None) -> datetime:
    if now:
        return parse_now(now)
    if today:
        return parse_today(today)
    return datetime.now(STOCKHOLM)
