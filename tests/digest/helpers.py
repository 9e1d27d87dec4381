"""Small builders for digest tests: a report at a Stockholm moment."""

from __future__ import annotations

from datetime import datetime

from storage.database import session_scope
from storage.models import ReportCreate
from storage.reports import create_report
from storage.units import get_or_create_unit
from storage.vocabulary import Area, ReportKind


def add_report(engine, *, unit: str = "Solgården", area: Area = Area.FALL, when: datetime,
               kind: ReportKind = ReportKind.AVVIKELSE, description: str = "bru hittad på golvet",
               severe: bool = False, lex_sarah: bool = False, lex_maria: bool = False) -> str:
    with session_scope(engine) as session:
        unit_id = get_or_create_unit(session=session, name=unit).id
        report = create_report(session=session, now=when, report_in=ReportCreate(
            kind=kind, area=area, unit_id=unit_id, occurred_at=when, description=description, severe=severe,
            lex_sarah_candidate=lex_sarah, lex_maria_candidate=lex_maria))
        return report.reference
