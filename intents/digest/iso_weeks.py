"""ISO weeks (Monday–Sunday) as the digest counts them, and their Swedish names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from intents.swedish_dates import MONTHS


@dataclass(frozen=True, order=True)
class IsoWeek:
    monday: date

    @classmethod
    def containing(cls, day: date) -> IsoWeek:
        return cls(day - timedelta(days=day.weekday()))

    @classmethod
    def parse(cls, label: str) -> IsoWeek:
        """'2026-W47' → that week."""
        year, week = label.upper().split("-W")
        return cls(date.fromisocalendar(int(year), int(week), 1))

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def number(self) -> int:
        return self.monday.isocalendar().week

    @property
    def label(self) -> str:
        """The key stored in DigestRun.week, e.g. '2026-W47'."""
        iso = self.monday.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek(self.monday + timedelta(weeks=weeks))

    def before(self, count: int) -> list[IsoWeek]:
        """The `count` weeks just before this one, oldest first."""
        return [self.shifted(-n) for n in range(count, 0, -1)]

    def describe(self) -> str:
        """'vecka 47, 16–22 november 2026' (months and years only where needed)."""
        start, end = self.monday, self.sunday
        if start.year != end.year:
            span = f"{start.day} {MONTHS[start.month - 1]} {start.year}–{end.day} {MONTHS[end.month - 1]} {end.year}"
        elif start.month != end.month:
            span = f"{start.day} {MONTHS[start.month - 1]}–{end.day} {MONTHS[end.month - 1]} {end.year}"
        else:
            span = f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
        return f"vecka {self.number}, {span}"


def last_full_week(today: date) -> IsoWeek:
    """The last Monday–Sunday week that ended before `today`."""
    return IsoWeek.containing(today).shifted(-1)
