"""Veckosammanfattningen visar tid per steg (median per enhet och område), andelen med återkoppling,
och att dubbletter inte räknas."""

from __future__ import annotations

from datetime import datetime, timedelta

from intents.digest.iso_weeks import IsoWeek
from intents.digest.weekly_digest import build_weekly_digest
from storage.database import session_scope
from storage.models import ReportUpdate
from storage.reports import get_report, mark_duplicate, update_report
from storage.timestamps import STOCKHOLM
from storage.vocabulary import Area
from tests.digest.helpers import add_report

WEEK = IsoWeek.parse("2026-W47")  # 16–22 november 2026
MONDAY = datetime(2026, 11, 16, 9, tzinfo=STOCKHOLM)


def _handle(engine, reference, after_days: float, **changes):
    with session_scope(engine) as session:
        report = get_report(session=session, reference=reference)
        update_report(session=session, report=report, changes=ReportUpdate(**changes),
                      now=report.reported_at + timedelta(days=after_days))


def test_tid_per_steg_och_andel_med_aterkoppling(engine):
    handled = add_report(engine, when=MONDAY)
    started = add_report(engine, unit="Björkhagen", area=Area.LAKEMEDEL, when=MONDAY)
    add_report(engine, when=MONDAY + timedelta(days=1))
    _handle(engine, handled, 1, status="utreds")
    _handle(engine, handled, 2, action="sänglarm")
    _handle(engine, handled, 4, feedback="tack")
    _handle(engine, started, 3, status="utreds")
    with session_scope(engine) as session:
        text = build_weekly_digest(session=session, week=WEEK).text
    assert ("median från rapport: första hantering 2 dagar, åtgärd 2 dagar, återkoppling 4 dagar." in text)
    assert "Återkoppling till den som rapporterade: 1 av 3 (33 %)." in text
    assert "Per enhet" in text and "Björkhagen: 3 dagar / – / –" in text
    assert "Per område" in text


def test_dubbletter_raknas_inte_och_det_sags(engine):
    first = add_report(engine, when=MONDAY)
    again = add_report(engine, when=MONDAY + timedelta(hours=1))
    with session_scope(engine) as session:
        mark_duplicate(session=session, report=get_report(session=session, reference=again),
                       original=get_report(session=session, reference=first))
    with session_scope(engine) as session:
        digest = build_weekly_digest(session=session, week=WEEK)
    assert digest.figures.avvikelser.count == 1
    assert "Dubbletter (samma händelse rapporterad igen) som inte räknats ovan: 1." in digest.text
