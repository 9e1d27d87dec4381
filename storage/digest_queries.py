"""Reads the weekly digest needs beyond `storage.report_counts`."""

from __future__ import annotations

from sqlmodel import Session, select

from storage.models import Report
from storage.report_counts import CountFilter, _where


def areas_and_descriptions(*, session: Session, flt: CountFilter) -> list[tuple[str, str]]:
    """(area, masked description) of each matching report: for grouping by the MAS's HSL areas."""
    rows = session.exec(_where(select(Report.area, Report.description), flt)).all()
    return [(area, description or "") for area, description in rows]
