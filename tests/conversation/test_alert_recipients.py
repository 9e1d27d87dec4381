"""Who hears of a severe event: the people with the role mas (sas for lex Sarah) and the unit's chef
for lex Sarah, the settings only while no one has the role; the reporter is told who was alerted,
and told nothing about alerts when no one could be."""

from __future__ import annotations

from datetime import timedelta

from bot.cli.serve_command import warn_if_no_mas
from bot.settings import Settings
from intents.delivery import NotifierDelivery, deliver_now
from intents.engine import DialogueEngine
from intents.messages import IncomingMessage
from intents.notifier import RecordingNotifier
from intents.turn import BotServices
from storage.database import session_scope
from storage.people import set_role
from storage.timestamps import utc_now
from storage.vocabulary import Role

SEVERE = "brukare på Solgården föll i natt, misstänkt höftfraktur, ambulans kom, ssk kontaktad"
LEX_SARAH = ("en brukare på Solgården berättade att en personal slagit henne i går kväll, blåmärke på armen, "
             "chefen informerad")


def alerted(conversation, reference: str = "AV-2026-00001") -> list[str]:
    return [to for to, text in conversation.notifier.sent if reference in text and text.startswith("⚠️")]


def without_configured_ids(conversation):
    services = conversation.engine.services
    services.mas_user_ids, services.sas_user_ids = [], []
    return conversation


def test_den_som_fatt_rollen_mas_larmas_och_rapportoren_far_veta_det(conversation):
    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id="U-ny-mas", role=Role.MAS)
    summary = conversation.say(SEVERE)
    assert "Flaggad som: allvarlig händelse" in summary and "får veta" not in summary  # no promise before it is true
    answer = conversation.say("skicka")
    assert "AV-2026-00001" in answer and "MAS får veta direkt." in answer
    assert sorted(alerted(conversation)) == ["U-mas", "U-ny-mas"]


def test_lex_sarah_till_sas_och_chefen_och_rapportoren_far_veta_vilka(conversation):
    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id="U-sas-roll", role=Role.SAS)
    conversation.say(LEX_SARAH)
    answer = conversation.say("skicka")
    assert "MAS, SAS och enhetschefen får veta direkt." in answer
    assert sorted(alerted(conversation)) == ["U-chef", "U-mas", "U-sas-roll"]  # not U-sas from the settings


def test_utan_nagon_mas_sags_inget_om_larm(conversation):
    conversation = without_configured_ids(conversation)
    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id="U-mas", role=Role.PERSONAL)  # no longer MAS
    conversation.say(SEVERE)
    answer = conversation.say("skicka")
    assert "AV-2026-00001" in answer and "får veta" not in answer and "MAS" not in answer
    assert alerted(conversation) == []


def test_serve_varnar_nar_ingen_mas_kan_nas(conversation, capsys, caplog):
    settings = Settings(_env_file=None, mas_user_ids=[])
    assert warn_if_no_mas(conversation.db, settings) is False  # U-mas has the role
    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id="U-mas", role=Role.PERSONAL)
    assert warn_if_no_mas(conversation.db, Settings(_env_file=None, mas_user_ids=["U-reserv"])) is False
    with caplog.at_level("WARNING"):
        assert warn_if_no_mas(conversation.db, settings) is True
    assert "ingen MAS kan nås" in capsys.readouterr().err and "ingen MAS kan nås" in caplog.text


def test_ett_larm_som_inte_kom_fram_ligger_kvar_och_kommer_fram_nasta_gang(conversation):
    class Flaky(RecordingNotifier):
        down = True

        def send(self, user_id, text):
            if self.down:
                raise ConnectionError("nätet är nere")
            super().send(user_id, text)

    flaky = Flaky()
    services = conversation.engine.services
    engine = DialogueEngine(BotServices(engine=services.engine, nlu=services.nlu, routines=services.routines,
                                        routine_search=services.routine_search, notifier=flaky,
                                        mas_user_ids=["U-mas"]))

    engine.handle(IncomingMessage(user_id="U-usk", text=SEVERE, at=conversation.now))
    saved = engine.handle(IncomingMessage(user_id="U-usk", text="skicka", at=conversation.now))
    assert "AV-2026-00001" in saved[0].text and flaky.sent == []  # the report is safe; the alert waits
    flaky.down = False
    deliver_now(engine=services.engine, deliverer=NotifierDelivery(flaky), now=utc_now() + timedelta(minutes=1))
    assert [to for to, _ in flaky.sent] == ["U-mas"]
