"""Where the weekly digest is built: figures, text and chart for one ISO week and one scope."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from intents.digest.iso_weeks import IsoWeek
from intents.digest.weekly_chart import chart_file_name, weekly_chart_png
from intents.digest.weekly_digest_text import digest_text
from intents.digest.weekly_figures import OffTargetLines, WeeklyFigures, build_weekly_figures


@dataclass(frozen=True)
class WeeklyDigest:
    figures: WeeklyFigures
    text: str
    chart_png: bytes
    chart_name: str

    @property
    def chart_title(self) -> str:
        return f"Avvikelser per område, 12 veckor t.o.m. vecka {self.figures.week.number}"


def build_weekly_digest(
    *, session: Session, week: IsoWeek, unit_ids: Sequence[int] | None = None, scope_name: str | None = None,
    off_target_lines: OffTargetLines | None = None, late: bool = False, scheduled_for: datetime | None = None,
) -> WeeklyDigest:
    figures = build_weekly_figures(session=session, week=week, unit_ids=unit_ids, scope_name=scope_name,
                                   off_target_lines=off_target_lines)
    return WeeklyDigest(
        figures=figures,
        text=digest_text(figures, late=late, scheduled_for=scheduled_for),
        chart_png=weekly_chart_png(figures),
        chart_name=chart_file_name(figures),
    )
