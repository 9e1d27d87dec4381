"""Every shape of message a person sends: a text with a photo (file_share), a thread reply also sent
to the channel (thread_broadcast), a DM recognised by its channel_type rather than its id, and
/omsorgsbot typed in a DM between two people, where the bot never sees the answers. And the message
shortcut "Rapportera avvikelse", and a form that could not open in time."""

from __future__ import annotations

from sqlmodel import select

from bot.slack.message_shapes import PICTURE_AGAIN, PICTURE_NOTICE
from storage.database import session_scope
from storage.models import ConversationDraft, Report

PHOTO = [{"id": "F1", "name": "IMG_0042.jpg", "mimetype": "image/jpeg", "url_private": "https://files.example/F1"}]


def test_text_med_bild_besvaras_och_bilden_sparas_inte(slack):
    slack.event(slack.dm_event("brukare på Solgården hittad på golvet i badrummet i natt kl 3, ingen skada, "
                               "ssk kontaktad", subtype="file_share", files=PHOTO))
    notice, summary = slack.api.wait_for("chat.postMessage", 2)
    assert notice.params["text"] == PICTURE_NOTICE
    assert "Sammanfattning" in summary.params["text"]
    with session_scope(slack.db) as session:
        stored = str([d.state for d in session.exec(select(ConversationDraft))])
    assert "IMG_0042" not in stored and "files.example" not in stored
    assert not [c for c in slack.api.calls if c.method.startswith("files.")]  # never fetched

    slack.event(slack.dm_event("", subtype="file_share", files=PHOTO))  # a second photo, no words
    again = slack.api.wait_for("chat.postMessage", 3)[-1]
    assert again.params["text"] == PICTURE_AGAIN  # told once; then only a short line


def test_trad_svar_som_ocksa_skickas_till_kanalen_lases_som_text(slack):
    slack.event(slack.dm_event("vad gör jag om någon har ramlat?", subtype="thread_broadcast",
                               thread_ts="1773147600.000001"))
    [answer] = slack.api.wait_for("chat.postMessage", 1)
    assert "fall" in answer.params["text"].lower() and answer.params["thread_ts"] == "1773147600.000001"


def test_dm_kanns_igen_pa_channel_type_inte_pa_id(slack):
    slack.event({**slack.dm_event("hjälp"), "channel": "C0NEWSTYLEIM"})  # an id without the D
    [answer] = slack.api.wait_for("chat.postMessage", 1)
    assert answer.params["channel"] == "C0NEWSTYLEIM" and "Det här kan jag hjälpa dig med" in answer.params["text"]


def test_kommando_i_dm_mellan_tva_personer_flyttar_samtalet_till_botens_dm(slack):
    slack.command("/omsorgsbot", "brukare på Solgården hittad på golvet i natt kl 3, ingen skada, ssk kontaktad",
                  channel_id="D-anna-och-bo", channel_name="directmessage")
    [moved] = slack.api.wait_for("response_url", 1)
    assert moved.params["response_type"] == "ephemeral" and "direktmeddelande" in moved.params["text"]
    [summary] = slack.api.wait_for("chat.postMessage", 1)
    assert summary.params["channel"] == "DU-usk" and "Sammanfattning" in summary.params["text"]
    slack.dm("skicka")  # the answer comes where the bot can see it
    saved = slack.api.wait_for("chat.postMessage", 2)[-1]
    assert "AV-2026-00001" in saved.params["text"]
    assert all(c.params["channel"] == "DU-usk" for c in slack.api.made("chat.postMessage"))


def test_kommando_i_botens_egen_dm_ar_en_vanlig_tur_i_samtalet(slack):
    slack.command("/omsorgsbot", "brukare på Solgården hittad på golvet i natt kl 3, ingen skada, ssk kontaktad",
                  channel_id="DU-usk", channel_name="directmessage")
    [summary] = slack.api.wait_for("chat.postMessage", 1)
    assert summary.params["channel"] == "DU-usk" and "Sammanfattning" in summary.params["text"]
    slack.api.settle(quiet=0.5)
    assert slack.api.made("response_url") == []  # nothing ephemeral: the buttons and answers stay


def test_meddelandegenvagen_oppnar_formularet_ifyllt_och_maskerat(slack):
    slack.interact({"type": "message_action", "callback_id": "report_from_message", "trigger_id": slack.trigger(),
                    "user": {"id": "U-usk"}, "channel": {"id": "C-general", "name": "allmant"},
                    "message": {"type": "message", "user": "U-bo", "ts": "1773147600.000300",
                                "text": "bru på Solgården föll i matsalen i morse kl 8, 19450101-1234 *akut*"},
                    "response_url": f"{slack.api.base_url}/respond/s"})
    [opened] = slack.api.wait_for("views.open", 1)
    view = opened.view()
    description = next(b for b in view["blocks"] if b.get("block_id") == "description")["element"]["initial_value"]
    assert "föll i matsalen" in description and "19450101-1234" not in description
    assert view["title"]["text"] == "Ny avvikelse"
    assert next(b for b in view["blocks"] if b.get("block_id") == "area")["element"]["initial_option"]["value"] == "fall"
    with session_scope(slack.db) as session:
        assert list(session.exec(select(Report))) == []  # nothing stored until the form is sent


def test_formular_som_inte_hann_oppnas_sager_till(slack):
    slack.api.fail_next_with("views.open", "expired_trigger_id")
    slack.command("/avvikelse", "bru föll")
    [told] = slack.api.wait_for("response_url", 1)
    assert "hann inte öppnas" in told.params["text"] and told.params["response_type"] == "ephemeral"
