"""`Period`: an inclusive range of dates, the answer to "which time is asked about"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends before it starts: {self.start}..{self.end}")

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end
