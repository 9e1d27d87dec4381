"""What really happened, as only the simulated person knows it, and how to say each part of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 3, 10, 16, 30, tzinfo=STOCKHOLM)  # a Tuesday afternoon


@dataclass(frozen=True)
class When:
    """The moment of the event: `days_ago` and the hour; `exact` when the person knows the clock time.

    For a time said only as a part of the day ("i natt"), `hour` is the hour the municipality's
    conventions give it (natt 03, morse 07, förmiddag 10, lunch 12, eftermiddag 15, kväll 20, a day 12)."""

    days_ago: int
    hour: int
    minute: int = 0
    exact: bool = True
    tidy: str = ""  # "i går kl 21.30"
    hurried: str = ""  # "igar 2130"
    day_only: str = ""  # the day without the clock, for a person who first forgets the time ("i går")

    @property
    def day(self) -> date:
        return (NOW - timedelta(days=self.days_ago)).date()

    def matches(self, moment: datetime) -> bool:
        local = moment.astimezone(STOCKHOLM)
        return local.date() == self.day and (local.hour, local.minute) == (self.hour, self.minute)

    def clock(self) -> str:
        return f"{self.hour}" if self.minute == 0 else f"{self.hour}.{self.minute:02d}"

    @property
    def four_digits(self) -> str:
        """The time as a chatty person writes it: the day and a clock without separator ("i går 1915"); a time
        without a clock as said."""
        if not (self.exact and self.day_only):
            return self.tidy
        return f"{self.day_only} {self.hour:02d}{self.minute:02d}"


@dataclass(frozen=True)
class Truth:
    kind: str  # avvikelse, synpunkt
    area: str
    unit: str
    when: When
    consequence: str | None = None  # ingen, lindrig, måttlig, allvarlig, okänd (said "vet ej"); None for a synpunkt
    action: str | None = None  # what was done at once, as the person would type it; None: nothing to add
    action_words: tuple[str, ...] = ()  # the stored action must hold one of these (typos allowed)
    given_by: str | None = None  # brukare, anhörig, personal, annan (synpunkt)
    contact: str | None = None  # telefon, skriftligt or None (synpunkt)
    phrases: dict[str, str] = field(default_factory=dict)  # how this person says a field when asked
