"""Slingan sluts i Slack: rapportören får beskedet i sitt eget direktmeddelande, Hem-fliken visar det
som väntar och låter MAS bedöma lex Maria med en knapp, och påminnelserna kommer som direktmeddelanden."""

from __future__ import annotations

from datetime import timedelta

from bot.scheduling.reminders import send_due_reminders
from bot.settings import Settings
from bot.slack.digest_sender import SlackDigestSender
from bot.slack.app_factory import make_web_client
from storage.database import session_scope
from storage.lex_assessments import lex_assessments
from storage.models import ReportCreate
from storage.people import get_or_create_person
from storage.reports import create_report, get_report
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


def test_mas_bedomer_lex_maria_med_en_knapp_pa_hemfliken(slack):
    reference = _report(slack, area="läkemedel", lex_maria_candidate=True, severe=True)
    view = home_of(slack, "U-mas", 1)
    assert "Möjliga lex Maria att bedöma" in all_text(view) and reference in all_text(view)
    button = next(e for b in view["blocks"] for e in b.get("elements") or []
                  if e.get("type") == "button" and e.get("value") == f"{reference} lex maria: anmäls till IVO")
    slack.interact({"type": "block_actions", "user": {"id": "U-mas"}, "trigger_id": "t1",
                    "container": {"type": "view", "view_id": "V-home"}, "view": {"id": "V-home", "type": "home"},
                    "actions": [{**button, "block_id": "b", "action_ts": f"{NOW.timestamp():.6f}"}]})
    slack.api.wait_for("views.publish", 2)
    replies = [c.params.get("text", "") for c in slack.api.made("chat.postMessage")]
    assert any("lex Maria: anmäls till IVO" in text for text in replies)
    with session_scope(slack.db) as session:
        report = get_report(session=session, reference=reference)
        [(row, who)] = lex_assessments(session=session, report_id=report.id)
    assert (row.decision, who) == ("anmäls till IVO", "U-mas")


def test_hemfliken_visar_det_som_vantar_pa_chefen(slack):
    reference = _report(slack, days_ago=6)
    text = all_text(home_of(slack, "U-chef", 1))
    assert "Väntar på dig (1)" in text and reference in text and "ny, ingen har börjat" in text


def test_paminnelsen_kommer_som_direktmeddelande(slack):
    reference = _report(slack, days_ago=8)
    settings = Settings(_env_file=None, slack_bot_token="xoxb-test", slack_api_url=slack.api.api_url)
    sender = SlackDigestSender(make_web_client(settings))
    monday_morning = NOW.replace(hour=9) - timedelta(days=1)  # måndag 9 mars kl 9
    assert send_due_reminders(engine=slack.db, settings=settings, sender=sender, now=monday_morning) == 1
    opened = slack.api.wait_for("conversations.open", 1)
    assert opened[-1].params["users"] == "U-chef"
    text = slack.api.wait_for("chat.postMessage", 1)[-1].params["text"]
    assert reference in text and "väntar på dig" in text
    assert send_due_reminders(engine=slack.db, settings=settings, sender=sender, now=monday_morning) == 0
