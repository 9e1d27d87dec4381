"""The outbox through Slack (SlackDelivery): a text as a DM or in a channel, a chart with
files_upload_v2, and Slack's answers sorted into try-again, give-up and stop-sending."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.settings import Settings
from bot.slack.outbox_sender import SlackDelivery, slack_delivery
from intents.delivery import Outgoing
from intents.notifier import DeliveryFailed
from tests.slack.stand_in import StandIn

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
_ids = iter(range(1, 1000))


@pytest.fixture
def api():
    stand_in = StandIn(lifetime=30).start()
    yield stand_in
    stand_in.stop()


def _delivery(api: StandIn) -> SlackDelivery:
    return slack_delivery(Settings(_env_file=None, slack_bot_token="xoxb-test", slack_api_url=api.api_url))


def text(recipient: str, words: str, **extra) -> Outgoing:
    return Outgoing(id=next(_ids), kind="digest", recipient=recipient, text=words, created_at=datetime.now(UTC), **extra)


def test_sammanfattning_till_person_gar_som_direktmeddelande(api):
    delivered = _delivery(api).deliver(text("U-MAS", "Vecka 10: 3 fall <!channel> *fet*"))
    opened = api.made("conversations.open")
    assert opened and opened[0].params["users"] == "U-MAS"
    posted = api.made("chat.postMessage")[0]
    assert posted.params["channel"] == "DU-MAS" == delivered.channel and delivered.ts
    assert "&lt;!channel&gt;" in posted.params["text"] and "*fet*" not in posted.params["text"]


def test_dm_kanalen_oppnas_en_gang_per_person(api):
    delivery = _delivery(api)
    for words in ("ett", "två", "tre"):
        delivery.deliver(text("U-MAS", words))
    assert len(api.made("conversations.open")) == 1
    assert len(api.made("chat.postMessage")) == 3


def test_diagrammet_laddas_upp_i_kanalen_med_files_upload_v2(api):
    _delivery(api).deliver(text("C-KVALITET", "Diagram", attachment=PNG, attachment_name="vecka-10.png",
                                attachment_title="Avvikelser per område, 12 veckor"))
    assert not api.made("conversations.open")  # a channel needs no DM
    assert api.made("files.getUploadURLExternal")[0].params["filename"] == "vecka-10.png"
    assert api.made("upload")[0].params["bytes"] == PNG
    assert api.made("files.completeUploadExternal")[0].params["channel_id"] == "C-KVALITET"


def test_uppladdning_forsoks_igen_efter_429(api):
    api.fail_next("files.completeUploadExternal", 429, {"Retry-After": "0"})
    _delivery(api).deliver(text("C-KVALITET", "Diagram", attachment=PNG, attachment_name="v.png",
                                attachment_title="Diagram"))
    assert len(api.made("files.completeUploadExternal")) == 1
    assert len(api.made("files.completeUploadExternal", ok_only=False)) == 2


def test_inte_medlem_i_kanalen_ar_permanent_och_sager_hur_det_lagas(api):
    api.not_member_of.add("C-KVALITET")
    with pytest.raises(DeliveryFailed) as failed:
        _delivery(api).deliver(text("C-KVALITET", "Vecka 10"))
    assert failed.value.permanent and "/invite @omsorgsbot" in failed.value.advice


def test_en_tappad_503_efter_att_meddelandet_kom_fram_ger_inget_dubbelt(api):
    api.fail_next("chat.postMessage", 503, after_effect=True)
    delivered = _delivery(api).deliver(text("U-MAS", "Larm"))
    assert len(api.made("chat.postMessage")) == 1  # the 503 had posted it; the history showed that
    assert delivered.already and delivered.checked
    assert len(api.made("conversations.history")) == 1


def test_en_503_som_inte_postade_skickas_igen_en_gang(api):
    api.fail_next("chat.postMessage", 503)
    _delivery(api).deliver(text("U-MAS", "Larm"))
    assert len(api.made("chat.postMessage")) == 1
    assert len(api.made("chat.postMessage", ok_only=False)) == 2


def test_ett_tidigare_forsok_som_kom_fram_skickas_inte_igen(api):
    delivery = _delivery(api)
    first = text("U-MAS", "Larm")
    delivery.deliver(first)  # sent, but the process died before it was marked sent
    again = delivery.deliver(Outgoing(**{**first.__dict__, "uncertain": True, "attempts": 2}))
    assert again.already and len(api.made("chat.postMessage")) == 1


def test_aterkallad_token_stoppar_allt_utskick(api):
    api.revoke()
    delivery = _delivery(api)
    with pytest.raises(DeliveryFailed) as failed:
        delivery.deliver(text("U-MAS", "Larm"))
    assert failed.value.paused and delivery.access.revoked == "invalid_auth"
    calls = len(api.calls)
    with pytest.raises(DeliveryFailed):
        delivery.deliver(text("U-MAS", "Larm igen"))
    assert len(api.calls) == calls  # nothing more is tried
