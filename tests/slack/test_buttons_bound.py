"""Buttons act only on what they were shown for: a button's value carries the draft and its
revision, and a click after the conversation moved on answers "Den här knappen hör till en rapport
som redan är skickad" and changes nothing. Used buttons give way to the choice (the message is
updated; an ephemeral one is replaced)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from intents.engine import STALE_CHOICE
from storage.database import session_scope
from storage.models import ConversationDraft, Report
from tests.slack.conftest import start_slack, stop_slack

REPORT_A = "brukare på Solgården hittad på golvet i badrummet i natt kl 3, ingen skada, ssk kontaktad"
REPORT_B = "kvällsmedicinen gavs inte till bru på Björkhagen i går kväll kl 20, ingen skada, ssk informerad"


def drafts(slack) -> list[ConversationDraft]:
    with session_scope(slack.db) as session:
        return list(session.exec(select(ConversationDraft)))


def reports(slack) -> list[Report]:
    with session_scope(slack.db) as session:
        return list(session.exec(select(Report)))


def summary_of(slack, text: str, count: int):
    slack.dm(text)
    return slack.api.wait_for("chat.postMessage", count)[-1]


def test_gammal_avbryt_knapp_tar_inte_bort_nasta_rapport(slack):
    summary_a = summary_of(slack, REPORT_A, 1)
    slack.dm("avbryt")
    slack.api.wait_for("chat.postMessage", 2)
    summary_b = summary_of(slack, REPORT_B, 3)
    assert "Björkhagen" in summary_b.params["text"]
    [draft_b] = drafts(slack)

    slack.click(summary_a, "Avbryt")  # report A's old button
    stale = slack.api.wait_for("chat.postMessage", 4)[-1]
    assert stale.params["text"].startswith("Den här knappen hör till en rapport som redan är skickad")
    [still] = drafts(slack)
    assert (still.id, still.revision, still.state) == (draft_b.id, draft_b.revision, draft_b.state)
    [update] = slack.api.wait_for("chat.update", 1)
    assert "gäller inte längre" in update.params["text"] and not any(b["type"] == "actions" for b in update.blocks())

    slack.click(summary_b, "Skicka")  # B's own button still works
    saved = slack.api.wait_for("chat.postMessage", 5)[-1]
    assert "registrerad som AV-2026-00001" in saved.params["text"]
    assert [r.unit_id for r in reports(slack)] and drafts(slack) == []


def test_efter_omstart_sparar_en_gammal_skicka_knapp_inte_en_annan_rapport(slack, shared_nlu, routine_library):
    summary_a = summary_of(slack, REPORT_A, 1)
    slack.dm("avbryt")
    slack.api.wait_for("chat.postMessage", 2)
    summary_of(slack, REPORT_B, 3)  # report C, waiting for "skicka"
    restarted, _, _ = start_slack(slack.db, shared_nlu, routine_library)  # another process, same database
    try:
        restarted.click(summary_a, "Skicka")
        [answer] = restarted.api.wait_for("chat.postMessage", 1)
        assert answer.params["text"] == STALE_CHOICE
        restarted.api.settle(quiet=0.5)
    finally:
        stop_slack(restarted)
    assert reports(slack) == [] and len(drafts(slack)) == 1


def test_knappar_i_ett_tillfalligt_meddelande_ersatts_nar_de_anvants(slack):
    slack.dm(REPORT_A)
    [summary] = slack.api.wait_for("chat.postMessage", 1)
    payload = {
        "type": "block_actions", "user": {"id": "U-usk"}, "trigger_id": slack.trigger(),
        "container": {"type": "message", "message_ts": "1773147600.000900", "channel_id": "DU-usk",
                      "is_ephemeral": True},
        "channel": {"id": "DU-usk", "name": "directmessage"},
        "message": {"type": "message", "text": summary.params["text"], "blocks": summary.blocks()},
        "response_url": f"{slack.api.base_url}/respond/eph",
        "actions": [{**next(e for b in summary.blocks() if b["type"] == "actions" for e in b["elements"]
                            if e["text"]["text"] == "Ändra"), "block_id": "choice-0", "action_ts": "1773147600.9"}],
    }
    slack.interact(payload)
    replaced, *answers = slack.api.wait_for("response_url", 2)
    assert replaced.params["replace_original"] in (True, "true")
    assert "Du valde: *Ändra*" in replaced.params["text"]
    assert not any(b["type"] == "actions" for b in replaced.params["blocks"])
    assert answers[0].params["response_type"] == "ephemeral" and "Vad vill du ändra" in answers[0].params["text"]
    assert slack.api.made("chat.update") == []


def test_hemflikens_knapp_for_en_rapport_som_andrats_gor_ingenting(slack):
    from tests.slack.test_channels_home_commands import _report, home_of
    from storage.reports import get_report, update_report
    from storage.models import ReportUpdate
    from storage.vocabulary import ReportStatus

    reference = _report(slack, "U-usk", "Solgården")
    view = home_of(slack, "U-chef", 1)
    button = next(b["accessory"] for b in view["blocks"] if reference in b.get("accessory", {}).get("value", ""))
    with session_scope(slack.db) as session:  # someone else closes it meanwhile
        report = get_report(session=session, reference=reference)
        update_report(session=session, report=report, changes=ReportUpdate(status=ReportStatus.AVSLUTAD),
                      actor_id=None, now=report.reported_at + timedelta(hours=1))
    slack.interact({"type": "block_actions", "user": {"id": "U-chef"}, "trigger_id": slack.trigger(),
                    "container": {"type": "view", "view_id": "V-home"}, "view": {"id": "V-home", "type": "home"},
                    "actions": [{**button, "block_id": "b", "action_ts": "1773147600.1"}]})
    [note] = slack.api.wait_for("chat.postMessage", 1)
    assert "har ändrats sedan fliken visades" in note.params["text"]
    slack.api.wait_for("views.publish", 2)  # the tab is drawn again
    with session_scope(slack.db) as session:
        assert get_report(session=session, reference=reference).status == "avslutad"
