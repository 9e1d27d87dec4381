"""Questions to the bot: routines, help, statistics within the role, the access log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert

from intents.messages import ChannelKind
from storage.access_log import access_entries
from storage.database import session_scope
from storage.models import Report
from storage.people import set_role
from storage.timestamps import STOCKHOLM
from storage.units import get_unit_by_name
from storage.vocabulary import Role


def add_reports(conversation, unit: str, area: str, days: list[str], kind: str = "avvikelse") -> None:
    with session_scope(conversation.db) as session:
        unit_id = get_unit_by_name(session=session, name=unit).id
        session.execute(insert(Report), [
            {"reference": f"T-{unit}-{area}-{i}-{kind}", "kind": kind, "area": area, "secondary_areas": [],
             "unit_id": unit_id, "occurred_at": datetime.fromisoformat(day).replace(tzinfo=STOCKHOLM),
             "reported_at": datetime.fromisoformat(day).replace(tzinfo=STOCKHOLM), "description": "x",
             "updated_at": datetime.fromisoformat(day).replace(tzinfo=STOCKHOLM)}
            for i, day in enumerate(days)
        ])


def test_rutin_hittas_med_stavfel(conversation):
    answer = conversation.say("vad gor jag om nagon har rammlat?")
    assert "Ansvarig:" in answer and "1." in answer


def test_ingen_rutin_ger_narmaste_titlar(conversation):
    answer = conversation.say("finns det en rutin för julbordet?")
    assert "ingen rutin" in answer.lower() or "Ansvarig:" not in answer


def test_hjalp_anpassas_efter_roll(conversation):
    staff = conversation.say("hjälp")
    assert "Rapportera" in staff and "Statistik" not in staff
    assert "Statistik" in conversation.say("hjälp", user="U-mas")


def test_personal_far_inte_se_statistik_och_inga_siffror_avslojas(conversation):
    add_reports(conversation, "Solgården", "fall", ["2026-03-02T10:00", "2026-03-03T10:00"])
    answer = conversation.say("hur många fallavvikelser i mars")
    assert "sjuksköterskor, chefer och MAS" in answer
    assert not any(ch.isdigit() for ch in answer)


def test_mas_far_antal_med_period_och_jamforelse_och_det_loggas(conversation):
    add_reports(conversation, "Solgården", "fall", ["2026-03-02T10:00", "2026-03-03T10:00", "2026-02-09T23:30",
                                                    "2026-02-27T23:30"])
    add_reports(conversation, "Björkhagen", "fall", ["2026-03-05T00:30"])
    answer = conversation.say("hur många fallavvikelser på Solgården i mars", user="U-mas")
    assert answer.startswith("2 fallavvikelser på Solgården under 1–10 mars 2026 (månaden hittills)")
    assert "Samma dagar månaden före, 1–10 februari 2026: 1." in answer
    with session_scope(conversation.db) as session:
        [entry] = access_entries(session=session, user_key="U-mas")
        assert entry.role == "mas" and "Solgården" in entry.question


def test_personnummer_i_en_fraga_maskeras_i_atkomstloggen(conversation):
    conversation.say("hur många fallavvikelser i mars för 19450101-1234, ring 070-123 45 67", user="U-mas")
    with session_scope(conversation.db) as session:
        [entry] = access_entries(session=session, user_key="U-mas")
    assert "1234" not in entry.question and "45 67" not in entry.question
    assert "[personnummer]" in entry.question


def test_chef_ser_bara_sina_enheter(conversation):
    add_reports(conversation, "Björkhagen", "fall", ["2026-03-05T10:00"])
    answer = conversation.say("hur många fallavvikelser på Björkhagen i mars", user="U-chef")
    assert "bara för enheter du har ansvar för" in answer and "1" not in answer
    own = conversation.say("hur många fallavvikelser i mars", user="U-chef")
    assert own.startswith("0 fallavvikelser på dina enheter (Solgården)")


def test_statistik_i_kanal_hanvisas_till_direktmeddelande(conversation):
    answer = conversation.say("hur många fallavvikelser i mars", user="U-mas", channel=ChannelKind.PUBLIC)
    assert "direktmeddelande" in answer and not any(ch.isdigit() for ch in answer)


def test_mina_rapporter_visar_status(conversation):
    conversation.say("brukare på Solgården hittad på golvet i natt, ingen skada, ssk kontaktad")
    conversation.say("skicka")
    answer = conversation.say("visa mina rapporter")
    assert "AV-2026-00001" in answer and "inte hanterad" in answer


def test_sjukskoterska_far_statistik_for_sin_enhet(conversation):
    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id="U-ssk", role=Role.SJUKSKOTERSKA, unit_name="Björkhagen")
    add_reports(conversation, "Björkhagen", "läkemedel", ["2026-03-05T10:00", "2026-03-06T10:00"])
    answer = conversation.say("antal läkemedelsavvikelser i mars", user="U-ssk")
    assert answer.startswith("2 läkemedelsavvikelser på dina enheter (Björkhagen)")
