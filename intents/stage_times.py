"""Time per stage: how long reports take from being reported to first handling, to an åtgärd and to
återkoppling to the reporter - medians per unit and area - and the share that got feedback at all
(the number one municipal review found at 0.8 %). Used by the statistics answer ("hur snabbt
hanteras avvikelserna på Solgården") and by the weekly digest."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from storage.stage_times import StageMoments, stage_moments

STAGES = (("first_handled_at", "första hantering"), ("action_at", "åtgärd"), ("feedback_at", "återkoppling"))


@dataclass(frozen=True)
class StageFigures:
    name: str  # "" for the whole scope, else a unit or an area
    reports: int
    medians_days: tuple[float | None, ...]  # per stage in STAGES: median days from reported, None if none reached it
    reached: tuple[int, ...]  # per stage: how many reports reached it

    @property
    def with_feedback(self) -> int:
        return self.reached[-1]


@dataclass(frozen=True)
class StageTimes:
    total: StageFigures
    by_unit: list[StageFigures]
    by_area: list[StageFigures]


def _days(start: datetime, end: datetime | None) -> float | None:
    return None if end is None else max(0.0, (end - start).total_seconds() / 86_400)


def figures_of(name: str, rows: Sequence[StageMoments]) -> StageFigures:
    medians, reached = [], []
    for attribute, _ in STAGES:
        days = [d for d in (_days(r.reported_at, getattr(r, attribute)) for r in rows) if d is not None]
        medians.append(statistics.median(days) if days else None)
        reached.append(len(days))
    return StageFigures(name, len(rows), tuple(medians), tuple(reached))


def stage_times(*, session: Session, reported_from: datetime, reported_to: datetime,
                unit_ids: Sequence[int] | None = None, kind: str | None = "avvikelse",
                area: str | None = None) -> StageTimes:
    rows = stage_moments(session=session, reported_from=reported_from, reported_to=reported_to, unit_ids=unit_ids,
                         kind=kind, area=area)
    by_unit: dict[str, list[StageMoments]] = defaultdict(list)
    by_area: dict[str, list[StageMoments]] = defaultdict(list)
    for row in rows:
        by_unit[row.unit].append(row)
        by_area[row.area].append(row)
    return StageTimes(figures_of("", rows),
                      sorted((figures_of(n, r) for n, r in by_unit.items()), key=lambda f: (-f.reports, f.name)),
                      sorted((figures_of(n, r) for n, r in by_area.items()), key=lambda f: (-f.reports, f.name)))


def duration(days: float | None) -> str:
    """"3 tim", "1,5 dagar", "12 dagar"; "–" when nothing reached the stage."""
    if days is None:
        return "–"
    if days < 1:
        hours = max(1, round(days * 24))
        return f"{hours} tim"
    value = round(days, 1) if days < 10 else round(days)
    text = f"{value:g}".replace(".", ",")
    return f"{text} {'dag' if value == 1 else 'dagar'}"


def share(part: int, whole: int) -> str:
    if not whole:
        return "–"
    percent = 100 * part / whole
    return f"{percent:.1f} %".replace(".", ",") if percent < 10 else f"{round(percent)} %"


def stage_lines(figures: StageFigures, *, indent: str = "• ") -> list[str]:
    lines = []
    for (_, label), median, reached in zip(STAGES, figures.medians_days, figures.reached):
        lines.append(f"{indent}till {label}: median {duration(median)} ({reached} av {figures.reports})")
    return lines


def feedback_line(figures: StageFigures) -> str:
    return (f"Återkoppling till den som rapporterade: {figures.with_feedback} av {figures.reports} "
            f"({share(figures.with_feedback, figures.reports)}).")


def table_line(figures: StageFigures) -> str:
    medians = " / ".join(duration(m) for m in figures.medians_days)
    return f"  {figures.name}: {medians} ({figures.reports} st, återkoppling {share(figures.with_feedback, figures.reports)})"
