"""A count this week against the mean of the weeks before, with an arrow a committee reads at a glance."""

from __future__ import annotations

from dataclasses import dataclass

# within this many reports of the mean (or this share of it, if larger) counts as "as usual"
SAME_ABSOLUTE = 1.0
SAME_SHARE = 0.15

ARROW_LEGEND = "↑ fler än snittet för de fyra veckorna före, ↓ färre, → ungefär som vanligt"


@dataclass(frozen=True)
class Comparison:
    name: str
    count: int
    mean_before: float

    @property
    def arrow(self) -> str:
        margin = max(SAME_ABSOLUTE, SAME_SHARE * self.mean_before)
        if self.count > self.mean_before + margin:
            return "↑"
        if self.count < self.mean_before - margin:
            return "↓"
        return "→"


def format_mean(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def compare(this_week: dict[str, int], weeks_before: dict[str, int], n_weeks: int,
            order: tuple[str, ...] | None = None) -> list[Comparison]:
    """One comparison per name seen in either period; in `order` if given, else most this week first."""
    names = set(this_week) | set(weeks_before)
    rows = [Comparison(name, this_week.get(name, 0), weeks_before.get(name, 0) / n_weeks) for name in names]
    if order is not None:
        rank = {name: i for i, name in enumerate(order)}
        return sorted(rows, key=lambda r: (rank.get(r.name, len(rank)), r.name))
    return sorted(rows, key=lambda r: (-r.count, -r.mean_before, r.name))
