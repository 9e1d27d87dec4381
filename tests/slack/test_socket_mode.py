"""`omsorgsbot serve` with SLACK_APP_TOKEN: Socket Mode. The bot connects to the URL that
apps.connections.open gives, acks each envelope and answers through the Web API, as over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.slack.socket_stand_in import SocketModeStandIn
from tests.slack.stand_in import StandIn
from tests.slack.test_serve_command import SERVE, stop_process


def _dm_envelope(envelope_id: str, text: str, user: str = "U-usk") -> dict:
    event = {"type": "message", "channel": f"D{user}", "channel_type": "im", "user": user, "text": text,
             "ts": f"{time.time():.6f}", "client_msg_id": f"msg-{envelope_id}"}
    return {"envelope_id": envelope_id, "type": "events_api", "accepts_response_payload": False,
            "retry_attempt": 0, "retry_reason": "",
            "payload": {"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                        "event": event, "event_id": f"Ev-{envelope_id}", "event_time": int(time.time()),
                        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}]}}


def test_socket_mode_tar_emot_direktmeddelanden_kvitterar_och_svarar(tmp_path):
    api = StandIn(lifetime=90).start()
    link = SocketModeStandIn().start()
    api.socket_url = link.url
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-test", "SLACK_API_URL": api.api_url,
           "DATABASE_URL": f"sqlite:///{tmp_path / 'socket.db'}"}
    env.pop("SLACK_SIGNING_SECRET", None)
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-c", SERVE, "serve", "--utan-schema"], cwd=tmp_path, env=env,
                               stdout=subprocess.DEVNULL, stderr=log)
    try:
        link.wait_connected(timeout=60)
        assert api.made("apps.connections.open")[0].headers["authorization"] == "Bearer xapp-test"
        link.push(_dm_envelope("env-1", "vad gör jag om någon har ramlat?"))
        assert link.wait_ack("env-1") == {"envelope_id": "env-1"}
        [answer] = api.wait_for("chat.postMessage", 1, timeout=30)
        assert answer.params["channel"] == "DU-usk" and "fall" in answer.params["text"].lower()
        link.push(_dm_envelope("env-1", "vad gör jag om någon har ramlat?"))  # the same envelope again
        link.wait_ack("env-1")
        api.settle(quiet=1.0)
        assert len(api.made("chat.postMessage")) == 1
    finally:
        stop_process(process)
        log.close()
        link.stop()
        api.stop()
