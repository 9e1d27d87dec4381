"""Slingan sluts i Slack: rapportören får beskedet i sitt eget direktmeddelande, Hem-fliken visar det
som väntar och låter MAS bedöma lex Maria med en knapp, och påminnelserna kommer som direktmeddelanden."""

from __future__ import annotations

from datetime import timedelta

import json

from bot.scheduling.reminders import queue_due_reminders
from bot.settings import Settings
from bot.slack.home import SAY_ACTIONS
from storage.database import session_scope
from storage.lex_assessments import lex_assessments
from storage.outbox import list_messages
from storage.models import ReportCreate
from storage.people import get_or_create_person
from storage.reports import create_report, get_report, update_report
from storage.models import ReportUpdate
from storage.units import get_unit_by_name
from tests.slack.conftest import NOW
from tests.slack.test_channels_home_commands import all_text, home_of


def _report(slack, *, days_ago: float = 5, **fields) -> str:
    with session_scope(slack.db) as session:
        person = get_or_create_person(session=session, platform_user_id="U-usk")
        unit = get_unit_by_name(session=session, name="Solgården")
        at = NOW - timedelta(days=days_ago)
        return create_report(session=session, actor_id=person.id, now=at, report_in=ReportCreate(
            kind="avvikelse", area=fields.pop("area", "fall"), unit_id=unit.id, occurred_at=at, reporter_id=person.id,
            description="bru på golvet", **fields)).reference


def test_aterkoppling_kommer_i_rapportorens_eget_direktmeddelande(slack):
    reference = _report(slack)
    slack.dm(f"{reference} åtgärd: sänglarm beställt, återkoppling: tack, vi har beställt sänglarm", user="U-chef")
    opened = slack.api.wait_for("conversations.open", 1)
    assert [c.params["users"] for c in opened] == ["U-usk"]
    posted = slack.api.wait_for("chat.postMessage", 2)
    to_reporter = [c for c in posted if "Tack för din rapport" in c.params.get("text", "")]
    chef_reply = [c for c in posted if "Klart!" in c.params.get("text", "")]
    assert len(to_reporter) == 1 and len(chef_reply) == 1
    assert to_reporter[0].params["channel"] != chef_reply[0].params["channel"]


def buttons(view: dict) -> list[dict]:
    return [e for b in view["blocks"] for e in b.get("elements") or [b.get("accessory") or {}]
            if e.get("type") == "button"]


def press_on_home(slack, user: str, button: dict) -> None:
    slack.interact({"type": "block_actions", "user": {"id": user}, "trigger_id": slack.trigger(),
                    "container": {"type": "view", "view_id": "V-home"}, "view": {"id": "V-home", "type": "home"},
                    "actions": [{**button, "block_id": "b", "action_ts": f"{NOW.timestamp():.6f}"}]})


def lex_button(view: dict, reference: str, says: str) -> dict:
    return next(b for b in buttons(view) if b["action_id"].startswith("home_say_")
                and json.loads(b["value"]).get("t") == f"{reference} lex maria: {says}")


def test_mas_bedomer_lex_maria_med_en_knapp_pa_hemfliken(slack):
    reference = _report(slack, area="läkemedel", lex_maria_candidate=True, severe=True)
    view = home_of(slack, "U-mas", 1)
    assert "Möjliga lex Maria att bedöma" in all_text(view) and reference in all_text(view)
    press_on_home(slack, "U-mas", lex_button(view, reference, "anmäls till IVO"))
    slack.api.wait_for("views.publish", 2)
    replies = [c.params.get("text", "") for c in slack.api.wait_for("chat.postMessage", 1)]
    assert any("lex Maria: anmäls till IVO" in text for text in replies)
    with session_scope(slack.db) as session:
        report = get_report(session=session, reference=reference)
        [(row, who)] = lex_assessments(session=session, report_id=report.id)
    assert (row.decision, who) == ("anmäls till IVO", "U-mas")

    press_on_home(slack, "U-mas", lex_button(view, reference, "ej anmälningspliktig"))  # the same, older tab
    slack.api.wait_for("views.publish", 3)
    told = slack.api.wait_for("chat.postMessage", 2)[-1]
    assert told.params["text"].startswith(f"Rapporten {reference} har ändrats sedan fliken visades")
    with session_scope(slack.db) as session:
        [(row, _)] = lex_assessments(session=session, report_id=get_report(session=session, reference=reference).id)
    assert row.decision == "anmäls till IVO"


def test_hemflikens_knappar_har_unika_id_per_block_och_ar_bundna_till_rapporten(slack):
    maria = [_report(slack, area="läkemedel", lex_maria_candidate=True, days_ago=2 + i) for i in range(3)]
    view = home_of(slack, "U-mas", 1)
    for block in view["blocks"]:
        ids = [e["action_id"] for e in block.get("elements") or [] if e.get("type") == "button"]
        assert len(ids) == len(set(ids)), block
    for reference in maria:
        value = json.loads(lex_button(view, reference, "ej anmälningspliktig")["value"])
        assert value["r"] == reference and value["v"]
    assert {b["action_id"] for b in buttons(view)} >= {SAY_ACTIONS["lex_report"], SAY_ACTIONS["open"]}


def test_en_gammal_lex_knapp_andrar_inget_nar_rapporten_har_andrats(slack):
    reference = _report(slack, area="läkemedel", lex_maria_candidate=True, severe=True)
    view = home_of(slack, "U-mas", 1)
    with session_scope(slack.db) as session:  # someone handles it after the tab was drawn
        update_report(session=session, report=get_report(session=session, reference=reference),
                      changes=ReportUpdate(status="utreds"), now=NOW)
    press_on_home(slack, "U-mas", lex_button(view, reference, "ej anmälningspliktig"))
    [told] = slack.api.wait_for("chat.postMessage", 1)
    assert told.params["text"].startswith(f"Rapporten {reference} har ändrats sedan fliken visades")
    slack.api.wait_for("views.publish", 2)
    with session_scope(slack.db) as session:
        assert lex_assessments(session=session, report_id=get_report(session=session, reference=reference).id) == []


def test_hemfliken_visar_det_som_vantar_pa_chefen(slack):
    reference = _report(slack, days_ago=6)
    text = all_text(home_of(slack, "U-chef", 1))
    assert "Väntar på dig (1)" in text and reference in text and "ny, ingen har börjat" in text


MONDAY_MORNING = NOW.replace(hour=9) - timedelta(days=1)  # måndag 9 mars kl 9


def test_paminnelsen_kommer_som_direktmeddelande(slack):
    reference = _report(slack, days_ago=8)
    assert queue_due_reminders(engine=slack.db, settings=Settings(_env_file=None), now=MONDAY_MORNING) == 1
    slack.bot.worker.wake()
    text = slack.api.wait_for("chat.postMessage", 1, timeout=20)[-1]
    assert text.params["channel"] == "DU-chef"
    assert reference in text.params["text"] and "väntar på dig" in text.params["text"]
    assert queue_due_reminders(engine=slack.db, settings=Settings(_env_file=None), now=MONDAY_MORNING) == 0


def test_paminnelsen_kommer_fram_en_gang_fast_slack_felar(slack):
    reference = _report(slack, days_ago=8)
    for status in (503, 429, 503, 429, 503):  # more than one send retries: the outbox tries again later
        slack.api.fail_next("chat.postMessage", status)
    slack.api.fail_next("chat.postMessage", 503, after_effect=True)  # posted, but the answer says it failed
    assert queue_due_reminders(engine=slack.db, settings=Settings(_env_file=None), now=MONDAY_MORNING) == 1
    slack.bot.worker.wake()
    for minutes in (5, 10):  # later sweeps queue nothing again
        assert queue_due_reminders(engine=slack.db, settings=Settings(_env_file=None),
                                   now=MONDAY_MORNING + timedelta(minutes=minutes)) == 0
        slack.bot.worker.wake()
    slack.api.wait_for("chat.postMessage", 1, timeout=20, where=lambda c: c.params["channel"] == "DU-chef")
    slack.api.settle(quiet=1.5)
    arrived = [c for c in slack.api.made("chat.postMessage") if c.params["channel"] == "DU-chef"]
    assert len(arrived) == 1 and reference in arrived[0].params["text"]
    with session_scope(slack.db) as session:
        [row] = list_messages(session=session, kind="reminder")
        assert (row.recipient, row.status) == ("U-chef", "sent") and row.attempts >= 2
    assert len([c for c in slack.api.made("chat.postMessage", ok_only=False) if c.params["channel"] == "DU-chef"]) >= 6


def test_hemfliken_visar_rapportoren_atgard_och_aterkoppling(slack):
    reference = _report(slack, days_ago=3)
    with session_scope(slack.db) as session:
        update_report(session=session, report=get_report(session=session, reference=reference),
                      changes=ReportUpdate(status="åtgärdad", action="sänglarm beställt",
                                           feedback="tack, sänglarmet kommer på fredag"), now=NOW)
    text = all_text(home_of(slack, "U-usk", 1))
    assert reference in text and "åtgärdad" in text
    assert "_Åtgärd:_ sänglarm beställt" in text and "_Återkoppling:_ tack, sänglarmet kommer på fredag" in text


def test_mas_bedomer_lex_maria_i_direktmeddelandet(slack):
    reference = _report(slack, area="läkemedel", lex_maria_candidate=True, severe=True)
    slack.dm(f"{reference} lex maria: anmäls till IVO", user="U-mas")
    [reply] = slack.api.wait_for("chat.postMessage", 1)
    assert reply.params["channel"] == "DU-mas" and "lex Maria: anmäls till IVO" in reply.params["text"]
    with session_scope(slack.db) as session:
        [(row, who)] = lex_assessments(session=session, report_id=get_report(session=session, reference=reference).id)
    assert (row.decision, who) == ("anmäls till IVO", "U-mas")


def test_hemfliken_visar_mas_obedomda_lex_maria_som_vantar(slack):
    reference = _report(slack, days_ago=2, area="läkemedel", lex_maria_candidate=True)
    text = all_text(home_of(slack, "U-mas", 1))
    assert "Väntar på dig (1)" in text and reference in text and "möjlig lex Maria, ej bedömd" in text
