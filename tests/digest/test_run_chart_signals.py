"""The weekly digest names a run-chart signal only when one of Anhøj's rules fires and the shift
is still going on: 'Fall på Solgården: signal om ökning sedan vecka 38', or nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

from intents.digest.iso_weeks import IsoWeek
from intents.digest.weekly_digest import build_weekly_digest
from storage.database import session_scope
from storage.timestamps import STOCKHOLM
from storage.vocabulary import Area
from tests.digest.helpers import add_report

WEEK = IsoWeek.parse("2026-W47")  # 16–22 november 2026; the chart's 26 weeks are W22–W47


def _weeks(engine, per_week, unit="Solgården", area=Area.FALL) -> None:
    first_monday = datetime.combine(WEEK.monday, datetime.min.time(), tzinfo=STOCKHOLM) - timedelta(weeks=25)
    for n, count in enumerate(per_week):
        for i in range(count):
            add_report(engine, unit=unit, area=area, when=first_monday + timedelta(weeks=n, days=i % 7, hours=10))


def test_en_pagaende_okning_ger_en_signalrad(engine):
    _weeks(engine, [1 + n % 2 for n in range(16)] + [5] * 10)
    _weeks(engine, [1 + n % 2 for n in range(26)], unit="Björkhagen", area=Area.LAKEMEDEL)
    with session_scope(engine) as session:
        text = build_weekly_digest(session=session, week=WEEK).text
    assert "  Fall på Solgården: signal om ökning sedan vecka 38" in text
    assert "Läkemedel på Björkhagen" not in text


def test_vanlig_variation_ger_ingen_signalrad(engine):
    _weeks(engine, [2, 3, 1, 2, 4, 2, 3, 1, 3, 2, 2, 4, 1, 3, 2, 3, 1, 2, 4, 2, 3, 2, 1, 3, 2, 3])
    with session_scope(engine) as session:
        digest = build_weekly_digest(session=session, week=WEEK)
    assert digest.figures.signals == [] and "Signaler i körscheman" not in digest.text
