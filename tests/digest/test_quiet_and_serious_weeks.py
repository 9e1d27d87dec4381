"""En lugn vecka får en kort, positiv sammanfattning; allvarliga händelser listas med referens, enhet, område och kort text."""

from __future__ import annotations

from datetime import datetime

from intents.digest.iso_weeks import IsoWeek
from intents.digest.weekly_digest import build_weekly_digest
from intents.digest.weekly_digest_text import LATE_MARK
from storage.database import session_scope
from storage.timestamps import STOCKHOLM
from storage.vocabulary import Area, ReportKind
from tests.digest.helpers import add_report

WEEK = IsoWeek.parse("2026-W47")  # 16–22 november 2026


def test_tom_vecka_ger_kort_positiv_sammanfattning(engine):
    with session_scope(engine) as session:
        digest = build_weekly_digest(session=session, week=WEEK)
    assert digest.figures.quiet
    assert digest.text.startswith("🌱 En lugn vecka – vecka 47, 16–22 november 2026")
    assert "inga avvikelser" in digest.text
    assert len(digest.text.splitlines()) <= 3
    assert "Per enhet" not in digest.text
    assert digest.chart_png.startswith(b"\x89PNG")


def test_lugn_vecka_namner_synpunkter_och_gamla_obedomda(engine):
    add_report(engine, when=datetime(2026, 10, 1, 10, tzinfo=STOCKHOLM))  # unassessed for weeks
    add_report(engine, when=datetime(2026, 11, 18, 10, tzinfo=STOCKHOLM), kind=ReportKind.SYNPUNKT,
               description="maten var kall")
    with session_scope(engine) as session:
        text = build_weekly_digest(session=session, week=WEEK).text
    assert text.startswith("🌱")
    assert "Synpunkter: 1." in text
    assert "Ej bedömda avvikelser: 1 har väntat mer än 7 dagar, varav 1 äldre än 14 dagar och 1 äldre än 30 dagar." in text


def test_forsenad_lugn_vecka_ar_markerad(engine):
    with session_scope(engine) as session:
        text = build_weekly_digest(session=session, week=WEEK, late=True,
                                   scheduled_for=datetime(2026, 11, 23, 7, tzinfo=STOCKHOLM)).text
    assert text.splitlines()[0] == f"⏰ {LATE_MARK}: den skulle ha kommit måndag 23/11 kl 07.00, men boten var inte igång."


def test_allvarliga_och_lex_listas_med_kort_text(engine):
    when = datetime(2026, 11, 17, 14, tzinfo=STOCKHOLM)
    sarah = add_report(engine, unit="Björkhagen", area=Area.OVRIGT, when=when, lex_sarah=True,
                       description="bru lämnades ensam i duschen i 20 min, hittades frusen och rädd. " * 3)
    maria = add_report(engine, unit="Solgården", area=Area.LAKEMEDEL, when=when, severe=True, lex_maria=True,
                       description="dubbel dos insulin, bru till sjukhus")
    add_report(engine, unit="Solgården", area=Area.FALL, when=when)
    with session_scope(engine) as session:
        digest = build_weekly_digest(session=session, week=WEEK)
    assert not digest.figures.quiet
    assert digest.figures.serious_total == 2
    assert "Allvarliga händelser och möjliga lex Sarah/lex Maria: 2" in digest.text
    assert f"• {maria} · Solgården · läkemedel · allvarlig, lex Maria: ”dubbel dos insulin, bru till sjukhus”" in digest.text
    sarah_line = next(line for line in digest.text.splitlines() if sarah in line)
    assert "Björkhagen · övrigt · lex Sarah" in sarah_line
    assert sarah_line.endswith("…”") and len(sarah_line) < 160


def test_indikatorer_under_malvardet_visas(engine):
    from intents.digest.indicator_lines import off_target_lines
    from storage.indicators.definitions import DEFAULT_INDICATORS_FILE
    from storage.indicators.values import MUNICIPALITY, NewValue, upsert_indicator_values

    add_report(engine, when=datetime(2026, 11, 18, 10, tzinfo=STOCKHOLM))
    lines = off_target_lines(DEFAULT_INDICATORS_FILE)
    with session_scope(engine) as session:
        lines(session)  # syncs the definitions from the file
        upsert_indicator_values(session=session, values=[
            NewValue("avvikelser_med_atgard", "2026-10", MUNICIPALITY, 55.0, "beräknad")])
    with session_scope(engine) as session:
        text = build_weekly_digest(session=session, week=WEEK, off_target_lines=lines).text
    block = text.split("Indikatorer under målvärdet:\n", 1)[1]
    assert block.splitlines()[0].startswith("  ⚠️ Avvikelser med åtgärd: 55 % (mål 80 %)")
