"""Counting by the Stockholm date the event happened, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timezone

from storage.database import session_scope
from storage.models import ReportCreate
from storage.report_counts import CountFilter, count_by_area, count_by_unit, count_reports, earliest_occurrence
from storage.reports import create_report
from storage.timestamps import STOCKHOLM
from storage.units import get_or_create_unit
from storage.vocabulary import Area, ReportKind


def add(session, unit: str, area: Area, when: datetime, kind=ReportKind.AVVIKELSE):
    unit_id = get_or_create_unit(session=session, name=unit).id
    create_report(session=session, report_in=ReportCreate(kind=kind, area=area, unit_id=unit_id, occurred_at=when,
                                                          description="x"))


def test_dygnsgrans_raknas_i_svensk_tid(engine):
    with session_scope(engine) as session:
        # 2026-02-28 23:30 UTC is 1 March 00:30 in Stockholm: it belongs to March
        add(session, "Solgården", Area.FALL, datetime(2026, 2, 28, 23, 30, tzinfo=timezone.utc))
        # 31 March 23:59 local (summer time has begun: UTC+2)
        add(session, "Solgården", Area.FALL, datetime(2026, 3, 31, 23, 59, tzinfo=STOCKHOLM))
        add(session, "Solgården", Area.FALL, datetime(2026, 4, 1, 0, 1, tzinfo=STOCKHOLM))
        march = CountFilter(start=date(2026, 3, 1), end=date(2026, 3, 31))
        assert count_reports(session=session, flt=march) == 2
        assert earliest_occurrence(session=session) == date(2026, 3, 1)


def test_filter_pa_typ_omrade_och_enhet_och_gruppering(engine):
    with session_scope(engine) as session:
        when = datetime(2026, 5, 5, 12, tzinfo=STOCKHOLM)
        add(session, "Solgården", Area.FALL, when)
        add(session, "Solgården", Area.LAKEMEDEL, when)
        add(session, "Björkhagen", Area.FALL, when)
        add(session, "Björkhagen", Area.FALL, when, kind=ReportKind.SYNPUNKT)
        solgarden = get_or_create_unit(session=session, name="Solgården").id
        assert count_reports(session=session, flt=CountFilter(kind="avvikelse", area="fall")) == 2
        assert count_reports(session=session, flt=CountFilter(area="fall", unit_ids=[solgarden])) == 1
        assert count_reports(session=session, flt=CountFilter(kind="synpunkt")) == 1
        assert count_by_unit(session=session, flt=CountFilter(area="fall")) == [("Björkhagen", 2), ("Solgården", 1)]
        assert count_by_area(session=session, flt=CountFilter()) == [("fall", 3), ("läkemedel", 1)]
        assert count_reports(session=session, flt=CountFilter(unit_ids=[])) == 0
