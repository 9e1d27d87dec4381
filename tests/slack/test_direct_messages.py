"""Direct messages: the whole dialogue over Slack, buttons, retries and markup injection."""

from __future__ import annotations

from sqlmodel import select

from storage.database import session_scope
from storage.models import Report


def stored_reports(slack) -> list[Report]:
    with session_scope(slack.db) as session:
        return list(session.exec(select(Report).order_by(Report.id)))


def test_a_whole_dm_dialogue_ends_in_a_stored_report(slack):
    assert slack.dm("brukare på Björkhagen ramlade i korridoren, blåmärke på armen, hjälpte upp henne").status == 200
    [question] = slack.api.wait_for("chat.postMessage", 1)
    assert "När hände det?" in question.params["text"]
    assert question.params["channel"] == "DU-usk"

    slack.dm("i går kväll")
    summary = slack.api.wait_for("chat.postMessage", 2)[-1]
    assert "Sammanfattning" in summary.params["text"]

    slack.dm("skicka")
    saved = slack.api.wait_for("chat.postMessage", 3)[-1]
    assert "AV-2026-00001" in saved.params["text"]
    [report] = stored_reports(slack)
    assert (report.kind, report.area, report.source) == ("avvikelse", "fall", "slack")


def test_choices_are_buttons_and_a_click_is_like_typing(slack):
    slack.dm("brukare på Solgården hittad på golvet i badrummet i natt kl 3, ingen skada, ssk kontaktad")
    [summary] = slack.api.wait_for("chat.postMessage", 1)
    labels = [e["text"]["text"] for b in summary.blocks() if b["type"] == "actions" for e in b["elements"]]
    assert labels == ["Skicka", "Ändra", "Avbryt"]
    assert "1) Skicka" in summary.params["text"]  # the top-level text carries the choices too

    assert slack.click(summary, "Skicka").status == 200
    saved = slack.api.wait_for("chat.postMessage", 2)[-1]
    assert "AV-2026-00001" in saved.params["text"]
    [update] = slack.api.wait_for("chat.update", 1)
    assert "Du valde: *Skicka*" in update.params["text"]
    assert not any(b["type"] == "actions" for b in update.blocks())
    assert len(stored_reports(slack)) == 1


def test_a_double_click_makes_one_report(slack):
    slack.dm("brukare på Solgården hittad på golvet i badrummet i natt kl 3, ingen skada, ssk kontaktad")
    [summary] = slack.api.wait_for("chat.postMessage", 1)
    payload_click = slack.click(summary, "Skicka")
    assert payload_click.status == 200
    slack.api.wait_for("chat.postMessage", 2)
    # the same message's button again (same container message_ts): replay the exact payload
    blocks = summary.blocks()
    button = next(e for b in blocks if b["type"] == "actions" for e in b["elements"])
    first = [c for c in slack.api.calls if c.method == "chat.update"][0]
    again = slack.interact({
        "type": "block_actions", "user": {"id": "U-usk"},
        "container": {"type": "message", "message_ts": first.params["ts"], "channel_id": "DU-usk"},
        "channel": {"id": "DU-usk", "name": "directmessage"}, "trigger_id": "t",
        "message": {"text": summary.params["text"], "blocks": blocks, "ts": first.params["ts"]},
        "actions": [{**button, "block_id": "choice-0", "action_ts": "1773147600.5"}],
    })
    assert again.status == 200
    slack.api.settle()
    assert len(stored_reports(slack)) == 1
    assert len(slack.api.made("chat.postMessage")) == 2


def test_a_retried_event_gets_no_second_reply(slack):
    event = slack.dm_event("hjälp")
    assert slack.event(event, event_id="Ev-retry").status == 200
    slack.api.wait_for("chat.postMessage", 1)
    assert slack.event(event, event_id="Ev-retry", retry_num=1).status == 200
    assert slack.event(event, event_id="Ev-other-delivery").status == 200  # same client_msg_id
    slack.api.settle()
    assert len(slack.api.made("chat.postMessage")) == 1


def test_a_retried_report_message_makes_one_report(slack):
    slack.dm("brukare på Solgården hittad på golvet i badrummet i natt kl 3, ingen skada, ssk kontaktad")
    slack.api.wait_for("chat.postMessage", 1)
    event = slack.dm_event("skicka")
    slack.event(event, event_id="Ev-send")
    slack.api.wait_for("chat.postMessage", 2)
    slack.event(event, event_id="Ev-send", retry_num=2)
    slack.api.settle()
    assert len(stored_reports(slack)) == 1
    assert len(slack.api.made("chat.postMessage")) == 2


def test_bot_messages_edits_and_deletions_are_ignored(slack):
    slack.event(slack.dm_event("hjälp", user="UBOT"))
    slack.event({**slack.dm_event("hjälp"), "bot_id": "B-other"})
    slack.event({**slack.dm_event("hjälp"), "subtype": "message_changed"})
    slack.event({"type": "message", "subtype": "message_deleted", "channel": "DU-usk", "channel_type": "im",
                 "ts": "1773147600.1", "deleted_ts": "1773147600.0"})
    slack.event({**slack.dm_event("hjälp"), "subtype": "channel_join"})
    slack.api.settle()
    assert slack.api.made("chat.postMessage") == []


def test_markup_in_user_text_is_shown_literally(slack):
    slack.dm("<!channel> &lt;@U123&gt; brukare på Solgården ramlade i natt kl 2 <https://evil.example|klicka här> "
             "&lt;!here&gt; ingen skada, ssk kontaktad")
    [summary] = slack.api.wait_for("chat.postMessage", 1)
    for text in [summary.params["text"]] + [b["text"]["text"] for b in summary.blocks() if b["type"] == "section"]:
        assert "<!channel>" not in text and "<!here>" not in text and "<@U123>" not in text
        assert "<https://" not in text
    assert "&lt;@U123&gt;" in summary.params["text"] and "&lt;!here&gt;" in summary.params["text"]
    sections = [b["text"] for b in summary.blocks() if b["type"] == "section"]
    assert all(s.get("verbatim") is True for s in sections)


def test_rate_limit_from_slack_is_retried(slack):
    slack.api.fail_next("chat.postMessage", 429, {"Retry-After": "0"})
    slack.dm("hjälp")
    [answer] = slack.api.wait_for("chat.postMessage", 1)
    failed = [c for c in slack.api.calls if c.method == "chat.postMessage" and c.status == 429]
    assert len(failed) == 1
    assert "Det här kan jag hjälpa dig med" in answer.params["text"]


def test_server_error_from_slack_is_retried(slack):
    slack.api.fail_next("chat.postMessage", 503)
    slack.dm("hjälp")
    slack.api.wait_for("chat.postMessage", 1)
    assert len([c for c in slack.api.calls if c.method == "chat.postMessage" and c.status == 503]) == 1


def test_statistik_per_enhet_far_ett_diagram_som_bild(slack):
    slack.dm("brukare på Björkhagen ramlade i korridoren i går kväll, blåmärke på armen, hjälpte upp henne")
    slack.api.wait_for("chat.postMessage", 1)
    slack.dm("skicka")
    slack.api.wait_for("chat.postMessage", 2)
    slack.dm("antal fallavvikelser per enhet i mars", user="U-mas")
    answer = slack.api.wait_for("chat.postMessage", 3)[-1]
    assert "Björkhagen" in answer.params["text"]
    [upload] = slack.api.wait_for("upload", 1)
    assert upload.params["bytes"].startswith(b"\x89PNG")
    [completed] = slack.api.wait_for("files.completeUploadExternal", 1)
    assert completed.params["channel_id"] == "DU-mas"
