"""The moments of each report's stages - reported, first handled, åtgärd, återkoppling - for timing
how fast reports are handled. Duplicates are left out, as in every count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from storage.models import Report, Unit
from storage.report_counts import not_duplicate


@dataclass(frozen=True)
class StageMoments:
    unit: str
    area: str
    reported_at: datetime
    first_handled_at: datetime | None
    action_at: datetime | None
    feedback_at: datetime | None


def stage_moments(
    *, session: Session, reported_from: datetime, reported_to: datetime, unit_ids: Sequence[int] | None = None,
    kind: str | None = "avvikelse", area: str | None = None,
) -> list[StageMoments]:
    """Reports made in [reported_from, reported_to) with the moments they reached each stage."""
    query = (select(Unit.name, Report.area, Report.reported_at, Report.first_handled_at, Report.action_at,
                    Report.feedback_at)
             .join(Unit, Unit.id == Report.unit_id)
             .where(not_duplicate(), Report.reported_at >= reported_from, Report.reported_at < reported_to))
    if unit_ids is not None:
        query = query.where(Report.unit_id.in_(list(unit_ids)))  # type: ignore[attr-defined]
    if kind:
        query = query.where(Report.kind == kind)
    if area:
        query = query.where(Report.area == area)
    return [StageMoments(*row) for row in session.exec(query).all()]
