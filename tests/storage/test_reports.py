"""Storing and processing reports: references, times, history. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timezone

from storage.database import session_scope
from storage.models import ReportCreate, ReportUpdate, UnitCreate
from storage.people import get_or_create_person, set_role, units_of
from storage.references import next_reference
from storage.reports import create_report, get_report, report_history, update_report
from storage.timestamps import STOCKHOLM
from storage.units import create_unit, get_or_create_unit, get_unit_by_name
from storage.vocabulary import Area, ReportKind, ReportStatus, Role, UnitRelation


def _report(session, unit_id, kind=ReportKind.AVVIKELSE, **extra):
    return ReportCreate(kind=kind, area=Area.FALL, unit_id=unit_id, description="hittad på golvet",
                        occurred_at=datetime(2026, 3, 5, 2, 30, tzinfo=STOCKHOLM), **extra)


def test_referenser_ar_lopande_per_ar_och_typ(engine):
    now = datetime(2026, 3, 5, 12, tzinfo=timezone.utc)
    with session_scope(engine) as session:
        unit = get_or_create_unit(session=session, name="Solgården")
        refs = [create_report(session=session, report_in=_report(session, unit.id), now=now).reference for _ in range(3)]
        synpunkt = create_report(session=session, report_in=_report(session, unit.id, kind=ReportKind.SYNPUNKT), now=now)
        next_year = create_report(session=session, report_in=_report(session, unit.id),
                                  now=datetime(2027, 1, 1, 0, 30, tzinfo=STOCKHOLM))
    assert refs == ["AV-2026-00001", "AV-2026-00002", "AV-2026-00003"]
    assert synpunkt.reference == "SP-2026-00001"
    assert next_year.reference == "AV-2027-00001"


def test_referens_hoppar_over_nummer_som_redan_finns(engine):
    with session_scope(engine) as session:
        unit = get_or_create_unit(session=session, name="Ekbacken")
        first = create_report(session=session, report_in=_report(session, unit.id),
                              now=datetime(2026, 5, 1, tzinfo=timezone.utc))
        first.reference = "AV-2026-00002"  # e.g. a number already taken by an import
        session.add(first)
        session.flush()
        assert next_reference(session=session, kind=ReportKind.AVVIKELSE, year=2026) == "AV-2026-00003"


def test_tider_lagras_i_utc_och_kommer_tillbaka_med_tidszon(engine):
    with session_scope(engine) as session:
        unit = get_or_create_unit(session=session, name="Björkhagen")
        ref = create_report(session=session, report_in=_report(session, unit.id)).reference
    with session_scope(engine) as session:
        stored = get_report(session=session, reference=ref.lower())
        assert stored.occurred_at.tzinfo is not None
        assert stored.occurred_at == datetime(2026, 3, 5, 1, 30, tzinfo=timezone.utc)
        assert stored.occurred_at.astimezone(STOCKHOLM).hour == 2


def test_enhetsnamn_ar_unika_oavsett_skiftlage(engine):
    with session_scope(engine) as session:
        create_unit(session=session, unit_in=UnitCreate(name="Hemtjänst Norr", aliases=["HT Norr"]))
        again = get_or_create_unit(session=session, name="HEMTJÄNST  norr")
        assert again.name == "Hemtjänst Norr"
        assert get_unit_by_name(session=session, name="hemtjänst norr").aliases == ["HT Norr"]


def test_andringar_och_kommentarer_hamnar_i_historiken(engine):
    with session_scope(engine) as session:
        unit = get_or_create_unit(session=session, name="Solgården")
        chef = set_role(session=session, platform_user_id="UCHEF", role=Role.CHEF, unit_name="Solgården")
        report = create_report(session=session, report_in=_report(session, unit.id))
        changed = update_report(session=session, report=report, actor_id=chef.id,
                                changes=ReportUpdate(lagrum="HSL", action="extra tillsyn nattetid",
                                                     status=ReportStatus.ATGARDAD))
        assert sorted(changed) == ["action", "lagrum", "status"]
        assert report.assessed_at is not None and report.closed_at is None
        assert update_report(session=session, report=report, changes=ReportUpdate(lagrum="HSL")) == []
        update_report(session=session, report=report, changes=ReportUpdate(status=ReportStatus.AVSLUTAD,
                                                                           feedback="Tack, vi har ändrat rutinen"))
        assert report.closed_at is not None and report.feedback_at is not None
        history = report_history(session=session, report=report)
        assert [e.action for e in history][0] == "created"
        assert {(e.field, e.new_value) for e in history if e.action == "changed"} >= {
            ("lagrum", "HSL"), ("status", "åtgärdad"), ("status", "avslutad"), ("action", "extra tillsyn nattetid")}
        assert units_of(session=session, person=chef, relation=UnitRelation.MANAGER)[0].name == "Solgården"


def test_samma_person_skapas_bara_en_gang(engine):
    with session_scope(engine) as session:
        a = get_or_create_person(session=session, platform_user_id="U1", display_name="Anna")
        b = get_or_create_person(session=session, platform_user_id="U1")
        assert a.id == b.id and b.role == "personal"
