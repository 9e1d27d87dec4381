"""The bot's own messages through the outbox with Slack failing: an alert is never lost and never
doubled, a send interrupted by a crash resumes without posting twice, a permanent failure reaches
the admin, an uninstalled app stops sending, and an invitation to the channel sends what waited."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from intents.immediate_alerts import alert_key
from storage.database import session_scope
from storage.models import OutboundMessage
from storage.outbox import enqueue_message, list_messages
from storage.timestamps import utc_now
from tests.slack.conftest import NOW

SEVERE = "brukare på Solgården föll i natt och bröt höften, ambulans kom, ssk kontaktad"


def queue(slack, recipient: str, text: str, key: str, kind: str = "alert") -> int:
    with session_scope(slack.db) as session:
        return enqueue_message(session=session, kind=kind, recipient=recipient, text=text, dedupe_key=key, now=NOW).id


def message(slack, message_id: int) -> OutboundMessage:
    with session_scope(slack.db) as session:
        return session.get(OutboundMessage, message_id)


def to(slack, channel: str):
    return [c for c in slack.api.made("chat.postMessage") if c.params["channel"] == channel]


def test_larmet_kommer_fram_en_gang_fast_slack_felar_lange(slack):
    slack.dm(SEVERE)
    slack.api.wait_for("chat.postMessage", 1)
    for _ in range(4):  # more than one send tries: the outbox tries again later
        slack.api.fail_next("chat.postMessage", 503)
    slack.api.fail_next("chat.postMessage", 503, after_effect=True)  # this one did post
    slack.dm("skicka")
    slack.api.wait_for("chat.postMessage", 1, timeout=20, where=lambda c: c.params["channel"] == "DU-mas")
    slack.api.settle(quiet=1.0)
    [alert] = to(slack, "DU-mas")
    assert "AV-2026-00001" in alert.params["text"]
    with session_scope(slack.db) as session:
        [row] = list_messages(session=session, kind="alert")
        assert row.status == "sent"


def test_ett_utskick_som_avbrots_av_en_krasch_skickas_inte_tva_ganger(slack):
    from bot.slack.outbox_sender import SlackDelivery
    from intents.delivery import Outgoing

    sent_before = queue(slack, "U-mas", "⚠️ larm ett", "crash:1")
    row = message(slack, sent_before)
    # a process claimed it, posted it and died before it could mark it sent
    SlackDelivery(slack.deps.channels.client, slack.deps.channels).deliver(Outgoing.of(row))
    never_sent = queue(slack, "U-chef", "⚠️ larm två", "crash:2")
    long_ago = utc_now() - timedelta(minutes=30)
    with session_scope(slack.db) as session:
        session.execute(update(OutboundMessage).where(OutboundMessage.id.in_([sent_before, never_sent]))
                        .values(status="sending", claimed_by="död process", claimed_at=long_ago, attempts=1))
    slack.bot.worker.wake()
    slack.api.wait_for("chat.postMessage", 2, timeout=20)
    slack.api.settle(quiet=1.0)
    assert len(to(slack, "DU-mas")) == 1 and len(to(slack, "DU-chef")) == 1
    assert message(slack, sent_before).status == message(slack, never_sent).status == "sent"


def test_permanent_fel_gar_till_admin_med_hur_det_lagas(slack, caplog):
    slack.api.unknown_users.add("U-borta")
    with caplog.at_level("ERROR"):
        queue(slack, "U-borta", "⚠️ larm", alert_key("AV-2026-00009", "U-borta"))
        slack.bot.worker.wake()
        [notice] = slack.api.wait_for("chat.postMessage", 1, timeout=20)
    assert notice.params["channel"] == "DU-admin"
    assert "ett larm till U-borta" in notice.params["text"] and "user_not_found" in notice.params["text"]
    assert "could not be delivered" in caplog.text


def test_veckosammanfattningen_i_en_kanal_utan_boten_och_inbjudan_sedan(slack):
    slack.api.not_member_of.add("C-digest")
    queue(slack, "C-digest", "Vecka 10", "digest:2026-W10:mas:C-digest:text", kind="digest")
    slack.bot.worker.wake()
    [notice] = slack.api.wait_for("chat.postMessage", 1, timeout=20)
    assert notice.params["channel"] == "DU-admin" and "/invite @omsorgsbot" in notice.params["text"]
    slack.api.not_member_of.discard("C-digest")
    slack.event({"type": "member_joined_channel", "user": "UBOT", "channel": "C-digest", "channel_type": "C",
                 "event_ts": "1773147600.000500"})
    [digest] = slack.api.wait_for("chat.postMessage", 1, timeout=20, where=lambda c: c.params["channel"] == "C-digest")
    assert digest.params["text"] == "Vecka 10"


def test_avinstallerad_app_slutar_skicka_och_inget_gar_forlorat(slack, caplog):
    with caplog.at_level("ERROR"):
        slack.event({"type": "app_uninstalled"})
        queued = queue(slack, "U-mas", "⚠️ larm", "after-uninstall")
        slack.bot.worker.wake()
        slack.api.settle(quiet=1.0)
    assert slack.api.made("chat.postMessage") == []
    assert message(slack, queued).status == "pending"  # waits for a reinstall, not lost
    assert "Slack-åtkomsten är borta" in caplog.text and "app_uninstalled" in caplog.text


def test_aterkallad_bot_token_slutar_skicka(slack):
    slack.event({"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT"]}})
    assert slack.deps.access.revoked and "tokens_revoked" in slack.deps.access.revoked
    queued = queue(slack, "U-mas", "⚠️ larm", "after-revoke")
    slack.bot.worker.wake()
    slack.api.settle(quiet=1.0)
    assert slack.api.made("chat.postMessage") == [] and message(slack, queued).status == "pending"


def test_dm_kanalen_oppnas_inte_for_den_som_skrivit_till_boten(slack):
    slack.dm("hjälp", user="U-mas")
    slack.api.wait_for("chat.postMessage", 1)
    queue(slack, "U-mas", "⚠️ ett", "cache:1")
    queue(slack, "U-mas", "⚠️ två", "cache:2")
    slack.bot.worker.wake()
    slack.api.wait_for("chat.postMessage", 3, timeout=20)
    assert slack.api.made("conversations.open") == []  # the DM channel came with the person's message
