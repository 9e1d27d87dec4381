"""Simulated Slack traffic for the HTTP benchmarks and the load test: bot workers started as real
`omsorgsbot serve --http` processes, signed DM events posted to them, and replies read back from
the Web API stand-in (tests/slack/stand_in.py) that the workers talk to.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from slack_sdk.signature import SignatureVerifier

from storage.database import make_engine, session_scope, upgrade_schema
from storage.models import UnitCreate
from storage.people import set_role
from storage.units import create_unit, get_unit_by_name
from storage.vocabulary import Role, UnitType

ROOT = Path(__file__).resolve().parents[1]
SECRET = "bench-signing-secret-0123456789ab"
UNITS = [("Solgården", UnitType.SARSKILT_BOENDE), ("Björkhagen", UnitType.SARSKILT_BOENDE),
         ("Hemtjänst Norr", UnitType.HEMTJANST)]
# A whole report in one message, then "skicka": two turns, as a quick reporter on a phone does it.
# Every time is yesterday's, so no text is in the future whatever hour the run starts ("i morse"
# at half past midnight would be, and the bot would rightly ask again).
REPORT_TEXTS = [
    "brukare på Solgården ramlade i går kväll, ingen skada, ssk kontaktad",
    "bru på Björkhagen hittad på golvet i badrummet i går morse, ingen skada, hjälpte upp",
    "kvällsmedicinen gavs inte till bru på Hemtjänst Norr i går kväll, ingen skada, ssk informerad",
]
# Severe events: saving one queues an immediate alert to the MAS (the outbox worker sends it).
SEVERE_TEXTS = [
    "brukare på Solgården föll i går kväll och bröt höften, ambulans kom, ssk kontaktad",
    "brukare på Hemtjänst Norr fick dubbel dos insulin i går kväll, allvarlig skada, ambulans kom",
]
MAS_USER = "U-mas-last"
_ids = itertools.count(1)


def prepare_database(database_url: str) -> None:
    """Schema, the units the simulated reporters name, and a MAS to alert."""
    engine = make_engine(database_url)
    upgrade_schema(engine)
    with session_scope(engine) as session:
        for name, kind in UNITS:
            if get_unit_by_name(session=session, name=name) is None:
                create_unit(session=session, unit_in=UnitCreate(name=name, type=kind, aliases=[]))
        set_role(session=session, platform_user_id=MAS_USER, role=Role.MAS)
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Worker:
    """One `omsorgsbot serve --http` process."""

    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def address(self) -> tuple[str, int]:
        return "127.0.0.1", self.port

    def peak_rss_mb(self) -> float:
        """The process's high-water mark of resident memory (Linux /proc), 0 where unknown."""
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_worker(*, database_url: str, api_url: str, workdir: Path, startup_timeout: float = 90.0) -> Worker:
    """Start a worker and wait until it listens. Its log goes to a file in `workdir` (a pipe nobody
    reads would fill up and stall the worker)."""
    port = free_port()
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api_url,
           "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    env.pop("SLACK_APP_TOKEN", None)
    log_path = Path(workdir) / f"worker-{port}.log"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli.main", "serve", "--http", "--host", "127.0.0.1", "--port", str(port),
             "--utan-schema"],
            cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=log, text=True)
    deadline = time.monotonic() + startup_timeout
    while "lyssnar" not in log_path.read_text(encoding="utf-8", errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the worker did not start: {log_path.read_text(encoding='utf-8', errors='replace')}")
        time.sleep(0.1)
    return Worker(process, port, log_path)


def dm_envelope(user: str, text: str, event_id: str | None = None) -> tuple[str, str]:
    """(event_id, JSON body) of a message.im event as Slack sends it."""
    event_id = event_id or f"Ev{uuid.uuid4().hex[:16]}"
    event = {"type": "message", "channel": dm_channel(user), "channel_type": "im", "user": user, "text": text,
             "ts": f"{time.time():.6f}", "client_msg_id": str(uuid.uuid4())}
    envelope = {"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback", "event": event,
                "event_id": event_id, "event_time": int(time.time()),
                "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}]}
    return event_id, json.dumps(envelope)


def post_signed(address: tuple[str, int], body: str, *, retry_num: int | None = None,
                timeout: float = 10.0) -> tuple[int, float]:
    """POST a signed body to /slack/events; (status, seconds until the ack)."""
    timestamp = str(int(time.time()))
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": timestamp,
               "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(timestamp=timestamp, body=body)}
    if retry_num:
        headers |= {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
    start = time.perf_counter()
    conn = http.client.HTTPConnection(*address, timeout=timeout)
    try:
        conn.request("POST", "/slack/events", body=body.encode("utf-8"), headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    finally:
        conn.close()


def dm_channel(user: str) -> str:
    """The DM channel the stand-in's conversations.open gives for `user`."""
    return f"D{user}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(share * len(ordered))) - 1))]
