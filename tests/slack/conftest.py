"""The real Bolt app over real HTTP on 127.0.0.1, talking to a strict Web API stand-in that records
calls (tests/slack/stand_in.py), with the outbox worker running as in `omsorgsbot serve`.

Requests are signed like Slack signs them (slack_sdk's SignatureVerifier), sent with http.client,
and everything the bot says is read back from the stand-in — no client method is mocked. Every
request's ack time is kept, and every payload the bot sends is checked as Slack checks it.
"""

from __future__ import annotations

import http.client
import itertools
import json
import socket
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine
from urllib.parse import urlencode, urlsplit

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.settings import Settings
from bot.slack.deps import SlackDeps
from bot.slack.http_server import SlackHttpServer
from bot.slack.runner import SlackBot, build_slack_bot
from intents.delivery import Backoff
from intents.notifier import RecordingNotifier
from intents.routines.search import RoutineSearch
from intents.turn import BotServices
from storage.database import make_engine, session_scope, upgrade_schema
from storage.models import UnitCreate
from storage.people import set_role
from storage.units import create_unit
from storage.vocabulary import Role, UnitType
from tests.slack.stand_in import StandIn

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
NOW = datetime.fromisoformat("2026-03-10T14:00:00+01:00")
_ids = itertools.count(1)



def sign(body: str, timestamp: int | None = None, secret: str = SECRET) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature or ""}


ACK_LIMIT_S = 1.0  # well inside Slack's three seconds


@dataclass
class Response:
    status: int
    text: str
    seconds: float = 0.0  # from sending the request until the ack arrived

    def json(self) -> Any:
        return json.loads(self.text)


@dataclass
class SlackHarness:
    server: SlackHttpServer
    api: StandIn
    db: Any
    deps: SlackDeps
    bot: SlackBot | None = None
    acks: list[float] = field(default_factory=list)

    # ---- raw HTTP ----

    def post(self, body: str | bytes, content_type: str = "application/json", *, signed: bool = True,
             timestamp: int | None = None, headers: dict[str, str] | None = None, path: str = "/slack/events",
             method: str = "POST") -> Response:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        all_headers = {"Content-Type": content_type}
        if signed:
            all_headers |= sign(text, timestamp)
        all_headers |= headers or {}
        url = urlsplit(self.server.url)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        try:
            started = time.perf_counter()
            conn.request(method, path, body=body.encode("utf-8") if isinstance(body, str) else body,
                         headers=all_headers)
            response = conn.getresponse()
            answer = Response(response.status, response.read().decode("utf-8", "replace"),
                              time.perf_counter() - started)
            self.acks.append(answer.seconds)
            return answer
        finally:
            conn.close()

    def trigger(self) -> str:
        """A trigger_id as Slack hands it out with an interaction: valid for three seconds from now."""
        return self.api.issue_trigger(f"trigger-{next(_ids)}")

    def raw(self, request: bytes) -> bytes:
        """Send bytes as they are (for requests http.client will not make) and return the reply up
        to the end of its status line."""
        url = urlsplit(self.server.url)
        with socket.create_connection((url.hostname, url.port), timeout=10) as conn:
            conn.sendall(request)
            reply = b""
            while b"\r\n" not in reply:
                chunk = conn.recv(1024)
                if not chunk:
                    break
                reply += chunk
        return reply

    # ---- Slack payloads ----

    def event(self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None) -> Response:
        envelope = {
            "token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
            "event": event, "event_id": event_id or f"Ev{next(_ids):08d}", "event_time": int(NOW.timestamp()),
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"} if retry_num else None
        return self.post(json.dumps(envelope), headers=headers)

    def dm_event(self, text: str, user: str = "U-usk", **extra: Any) -> dict[str, Any]:
        return {"type": "message", "channel": f"D{user}", "channel_type": "im", "user": user, "text": text,
                "ts": f"{NOW.timestamp() + next(_ids):.6f}", "client_msg_id": str(uuid.uuid4()), **extra}

    def dm(self, text: str, user: str = "U-usk", **kwargs: Any) -> Response:
        return self.event(self.dm_event(text, user), **kwargs)

    def command(self, command: str, text: str = "", user: str = "U-usk", channel_id: str = "C-general",
                channel_name: str = "allmant") -> Response:
        form = {"token": "legacy", "team_id": "T1", "channel_id": channel_id, "channel_name": channel_name,
                "user_id": user, "user_name": "anna", "command": command, "text": text, "api_app_id": "A1",
                "trigger_id": self.trigger(), "response_url": f"{self.api.base_url}/respond/{next(_ids)}"}
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def interact(self, payload: dict[str, Any]) -> Response:
        payload = {"team": {"id": "T1"}, "api_app_id": "A1", "token": "legacy", **payload}
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def click(self, posted: Any, label: str, user: str = "U-usk") -> Response:
        """Press the button called `label` in a message the bot posted (a recorded chat.postMessage)."""
        blocks = posted.blocks()
        for block in blocks:
            for element in block.get("elements") or []:
                if element.get("type") == "button" and element["text"]["text"] == label:
                    channel = posted.params["channel"]
                    return self.interact({
                        "type": "block_actions", "user": {"id": user},
                        "container": {"type": "message", "message_ts": f"1773147600.{next(_ids):06d}",
                                      "channel_id": channel, "is_ephemeral": False},
                        "channel": {"id": channel, "name": "directmessage"},
                        "message": {"type": "message", "text": posted.params.get("text", ""), "blocks": blocks,
                                    "ts": "1773147600.000001"},
                        "trigger_id": self.trigger(),
                        "response_url": f"{self.api.base_url}/respond/{next(_ids)}",
                        "actions": [{**element, "block_id": block.get("block_id"),
                                     "action_ts": f"{NOW.timestamp():.6f}"}],
                    })
        raise AssertionError(f"ingen knapp ”{label}” i {blocks}")

    def submit_view(self, view: dict[str, Any], values: dict[str, dict[str, Any]], user: str = "U-usk") -> Response:
        state = {"values": {block: {"value": value} for block, value in values.items()}}
        return self.interact({"type": "view_submission", "user": {"id": user}, "trigger_id": self.trigger(),
                              "view": {**view, "id": "V-form", "hash": f"h{next(_ids)}", "state": state}})

    # ---- reading what the bot did ----

    def texts(self, method: str = "chat.postMessage") -> list[str]:
        return [c.params.get("text", "") for c in self.api.made(method)]


def seeded(db: Engine) -> Engine:
    """Migrated, with two units, a chef for Solgården and a MAS."""
    upgrade_schema(db)
    with session_scope(db) as session:
        for name, kind in [("Solgården", UnitType.SARSKILT_BOENDE), ("Björkhagen", UnitType.SARSKILT_BOENDE)]:
            create_unit(session=session, unit_in=UnitCreate(name=name, type=kind, aliases=[]))
        set_role(session=session, platform_user_id="U-chef", role=Role.CHEF, unit_name="Solgården")
        set_role(session=session, platform_user_id="U-mas", role=Role.MAS)
    return db


def services_on(db: Engine, nlu, routines, notifier) -> BotServices:
    return BotServices(engine=db, nlu=nlu, routines=routines, routine_search=RoutineSearch(routines.routines),
                       notifier=notifier, mas_user_ids=["U-mas"], sas_user_ids=[], admin_user_ids=["U-admin"])


TEST_BACKOFF = Backoff(base_s=0.2, cap_s=1.0, max_attempts=6)


def start_slack(db: Engine, nlu, routines, api: StandIn | None = None,
                clock=lambda: NOW) -> tuple[SlackHarness, StandIn, SlackHttpServer]:
    """The real Bolt app on `db` with its outbox worker, served over HTTP and talking to a Web API
    stand-in (a fresh one unless given). Stop it with `stop_slack`."""
    api = api or StandIn().start()
    try:
        settings = Settings(_env_file=None, slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                            slack_api_url=api.api_url, slack_app_token=None, admin_user_ids=["U-admin"])
        bot = build_slack_bot(settings, db, services=services_on(db, nlu, routines, RecordingNotifier()),
                              clock=clock, backoff=TEST_BACKOFF, poll_s=0.2).start()
        server = SlackHttpServer(bot.app, host="127.0.0.1", port=0).start()
    except BaseException:
        api.stop()
        raise
    return SlackHarness(server, api, db, bot.deps, bot), api, server


def stop_slack(harness: SlackHarness) -> None:
    harness.server.stop()
    if harness.bot is not None:
        harness.bot.stop()
    harness.api.stop()


@pytest.fixture
def slack(tmp_path, shared_nlu, routine_library):
    db = seeded(make_engine(f"sqlite:///{tmp_path / 'slack.db'}"))
    harness, api, server = start_slack(db, shared_nlu, routine_library)
    try:
        yield harness
        assert harness.api.refused() == [], "Slack would have refused these payloads"
    finally:
        stop_slack(harness)
        db.dispose()
