"""Frågor för hanteringen: kön av nya och obedömda rapporter, en rapport med sitt sammanhang.
Körs på SQLite och PostgreSQL."""

from __future__ import annotations

from storage.database import session_scope
from storage.models import ReportUpdate
from storage.people import get_person
from storage.report_queries import Queue, history_with_actors, queued_reports, report_in_context
from storage.reports import add_comment, get_report, update_report
from storage.units import get_unit_by_name
from storage.vocabulary import ReportStatus


def _unit_ids(session, *names):
    return [get_unit_by_name(session=session, name=name).id for name in names]


def test_nya_ar_de_som_ingen_rort_och_obedomda_de_utan_bedomning(desk):
    ny = desk.report(days_ago=9)
    bedomd_men_ny = desk.report(days_ago=8)
    utreds_utan_bedomning = desk.report(days_ago=7)
    avslutad = desk.report(days_ago=6)
    with session_scope(desk.engine) as session:
        update_report(session=session, report=get_report(session=session, reference=bedomd_men_ny),
                      changes=ReportUpdate(lagrum="HSL"))
        update_report(session=session, report=get_report(session=session, reference=utreds_utan_bedomning),
                      changes=ReportUpdate(status=ReportStatus.UTREDS))
        update_report(session=session, report=get_report(session=session, reference=avslutad),
                      changes=ReportUpdate(status=ReportStatus.AVSLUTAD))
    with session_scope(desk.engine) as session:
        units = _unit_ids(session, "Solgården")
        new = queued_reports(session=session, queue=Queue.NEW, unit_ids=units)
        unassessed = queued_reports(session=session, queue=Queue.UNASSESSED, unit_ids=units)
    assert [r.reference for r in new.reports] == [bedomd_men_ny, ny]
    assert [r.reference for r in unassessed.reports] == [utreds_utan_bedomning, ny]


def test_kon_galler_bara_de_enheter_som_ges_nyast_forst_med_alder_och_total(desk):
    mine = [desk.report(days_ago=d) for d in (2, 12, 5)]
    desk.report("Björkhagen", reporter="U-usk-bh", days_ago=20)
    with session_scope(desk.engine) as session:
        page = queued_reports(session=session, queue=Queue.NEW, unit_ids=_unit_ids(session, "Solgården"), limit=2)
        everything = queued_reports(session=session, queue=Queue.NEW, unit_ids=None)
        nothing = queued_reports(session=session, queue=Queue.NEW, unit_ids=[])
    assert page.total == 3
    assert [r.reference for r in page.reports] == [mine[0], mine[2]]
    assert [r.age_days(desk.now) for r in page.reports] == [2, 5]
    assert page.reports[0].unit_name == "Solgården" and page.reports[0].area == "fall"
    assert everything.total == 4 and everything.reports[-1].unit_name == "Björkhagen"
    assert nothing.total == 0 and nothing.reports == []


def test_kon_kan_begransas_till_synpunkter(desk):
    desk.report()
    synpunkt = desk.report(kind="synpunkt")
    with session_scope(desk.engine) as session:
        page = queued_reports(session=session, queue=Queue.NEW, unit_ids=None, kind="synpunkt")
    assert [r.reference for r in page.reports] == [synpunkt]


def test_rapport_med_enhetsnamn_och_rapportorens_anvandar_id(desk):
    with_reporter = desk.report()
    imported = desk.report(reporter=None)
    with session_scope(desk.engine) as session:
        found = report_in_context(session=session, reference=with_reporter.lower())
        anonymous = report_in_context(session=session, reference=imported)
        missing = report_in_context(session=session, reference="AV-2026-09999")
    assert found.report.reference == with_reporter
    assert found.unit_name == "Solgården" and found.reporter_user_id == "U-usk"
    assert anonymous.reporter_user_id is None and anonymous.unit_name == "Solgården"
    assert missing is None


def test_historik_med_vem_som_gjorde_vad(desk):
    reference = desk.report()
    with session_scope(desk.engine) as session:
        chef = get_person(session=session, platform_user_id="U-chef")
        report = get_report(session=session, reference=reference)
        update_report(session=session, report=report, changes=ReportUpdate(status=ReportStatus.UTREDS), actor_id=chef.id)
        add_comment(session=session, report=report, text="ssk tittar på det", actor_id=chef.id)
        lines = history_with_actors(session=session, report_id=report.id)
    assert [(line.event.action, line.actor_name) for line in lines] == [
        ("created", "U-usk"), ("changed", "U-chef"), ("comment", "U-chef")]
