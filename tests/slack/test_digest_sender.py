"""The weekly digest through Slack: text as a message, the chart as a file with files_upload_v2."""

from __future__ import annotations

from bot.settings import Settings
from bot.slack.digest_sender import slack_digest_sender
from tests.slack.stand_in import StandIn

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _sender(api: StandIn):
    return slack_digest_sender(Settings(_env_file=None, slack_bot_token="xoxb-test", slack_api_url=api.api_url))


def test_sammanfattning_till_person_gar_som_direktmeddelande():
    api = StandIn(lifetime=30).start()
    try:
        _sender(api).send_text("U-MAS", "Vecka 10: 3 fall <!channel>")
        opened = api.made("conversations.open")
        assert opened and opened[0].params["users"] == "U-MAS"
        posted = api.made("chat.postMessage")[0]
        assert posted.params["channel"] == "DU-MAS"
        assert "&lt;!channel&gt;" in posted.params["text"]
    finally:
        api.stop()


def test_diagrammet_laddas_upp_i_kanalen_med_files_upload_v2():
    api = StandIn(lifetime=30).start()
    try:
        _sender(api).send_png("C-KVALITET", PNG, "vecka-10.png", "Avvikelser per område, 12 veckor")
        assert not api.made("conversations.open")  # a channel needs no DM
        assert api.made("files.getUploadURLExternal")[0].params["filename"] == "vecka-10.png"
        assert api.made("upload")[0].params["bytes"] == PNG
        completed = api.made("files.completeUploadExternal")[0]
        assert completed.params["channel_id"] == "C-KVALITET"
    finally:
        api.stop()


def test_uppladdning_forsoks_igen_efter_429():
    api = StandIn(lifetime=30).start()
    try:
        api.fail_next("files.completeUploadExternal", 429, {"Retry-After": "0"})
        _sender(api).send_png("C-KVALITET", PNG, "vecka-10.png", "Diagram")
        assert len(api.made("files.completeUploadExternal")) == 1
        assert len(api.made("files.completeUploadExternal", ok_only=False)) == 2
    finally:
        api.stop()
