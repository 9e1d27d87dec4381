"""A local stand-in for Slack's Web API on 127.0.0.1 that is as strict as Slack and records every call.

- Every blocks or view payload is checked the way Slack checks it (tests/slack/slack_rules.py) and
  refused with `invalid_blocks`, so a payload Slack would reject fails the test.
- `latency` seconds pass before each answer, as on a real network.
- Faults: `rate_limit_share` of the calls answer 429 with Retry-After, `server_error_share` answer
  503 — of those, `ghost_share` after the call took effect (the message is posted, the answer says
  it failed), as Slack's answer can be lost. `fail_next` scripts one failure for one method, with
  any status and error (`not_in_channel`, `invalid_auth`, …).
- Slack's own rules: a trigger_id expires three seconds after it was issued (`issue_trigger`), the
  bot cannot post in a channel it is not a member of (`not_member_of`), an unknown user cannot be
  DMed (`unknown_users`), and after `revoke()` every call answers `invalid_auth`.
- conversations.history / replies return what was posted, message metadata included.

The server stops itself after `lifetime` seconds even if a test forgets to stop it.
"""

from __future__ import annotations

import itertools
import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.slack.slack_rules import message_problems, view_problems

BOT_USER_ID = "UBOT"
TRIGGER_SECONDS = 3.0
NOT_FAULTED = ("auth.test", "apps.connections.open")
MESSAGE_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update")
VIEW_METHODS = ("views.open", "views.publish", "views.update", "views.push")


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    effective: bool = True  # Slack acted on it (also when the answer said otherwise)
    error: str | None = None
    received_at: float = 0.0
    answered_at: float = 0.0

    def blocks(self) -> list[dict[str, Any]]:
        raw = self.params.get("blocks")
        if isinstance(raw, str):
            return json.loads(raw)
        return raw or []

    def view(self) -> dict[str, Any]:
        raw = self.params.get("view")
        return json.loads(raw) if isinstance(raw, str) else (raw or {})


@dataclass
class Failure:
    status: int
    headers: dict[str, str]
    body: dict[str, Any]
    after_effect: bool = False


def _error_body(status: int) -> dict[str, Any]:
    return {"ok": False, "error": "ratelimited" if status == 429 else "fatal_error"}


class StandIn:
    def __init__(self, lifetime: float = 120.0, *, latency: float = 0.0, rate_limit_share: float = 0.0,
                 server_error_share: float = 0.0, ghost_share: float = 0.5, retry_after: int = 1,
                 seed: int = 7) -> None:
        self.calls: list[Call] = []
        self._by_channel: dict[tuple[str, str], list[Call]] = {}  # (method, channel) → calls that took effect
        self.latency = latency
        self.rate_limit_share = rate_limit_share
        self.server_error_share = server_error_share
        self.ghost_share = ghost_share
        self.retry_after = retry_after
        self.not_member_of: set[str] = set()
        self.unknown_users: set[str] = set()
        self.revoked = False
        self._rng = random.Random(seed)
        self._failures: dict[str, list[Failure]] = {}
        self._triggers: dict[str, float] = {}
        self._history: dict[str, list[dict[str, Any]]] = {}
        self._lock = threading.Condition()
        self._last_ts = 0.0
        self._ids = itertools.count(1)
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                url = urlsplit(self.path)
                self._answer(url.path, {k: v[0] for k, v in parse_qs(url.query).items()})

            def do_POST(self) -> None:  # noqa: N802 - stdlib name
                length = int(self.headers.get("Content-Length") or 0)
                data_bytes = self.rfile.read(length) if length else b""
                kind = self.headers.get("Content-Type", "")
                if self.path.startswith("/upload/"):  # step 2 of files_upload_v2: the file's bytes
                    params: dict[str, Any] = {"bytes": data_bytes}
                elif "json" in kind:
                    params = json.loads(data_bytes.decode("utf-8") or "{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(data_bytes.decode("utf-8")).items()}
                self._answer(urlsplit(self.path).path, params)

            def _answer(self, path: str, params: dict[str, Any]) -> None:
                received = time.monotonic()
                if stand_in.latency:
                    time.sleep(stand_in.latency)
                status, headers, body, effective = stand_in._respond(path, params)
                name = path.rsplit("/", 1)[-1] if path.startswith("/api/") else (
                    "upload" if path.startswith("/upload/") else "response_url")
                stand_in._record(Call(name, params, status, {k.lower(): v for k, v in self.headers.items()},
                                      effective=effective, error=None if body.get("ok", True) else body.get("error"),
                                      received_at=received, answered_at=time.monotonic()))
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for header, value in headers.items():
                    self.send_header(header, value)
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.request_queue_size = 256
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True
        self._stopped = False
        self.socket_url: str | None = None  # what apps.connections.open hands out (Socket Mode)

    # ---- lifecycle ----

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def start(self) -> StandIn:
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._timer.cancel()
        self._server.shutdown()
        self._server.server_close()

    # ---- scripting ----

    def fail_next(self, method: str, status: int, headers: dict[str, str] | None = None,
                  body: dict[str, Any] | None = None, *, after_effect: bool = False) -> None:
        """The next call of `method` fails so; `after_effect`: it took effect all the same."""
        if status == 429 and headers is None:
            headers = {"Retry-After": "0"}
        with self._lock:
            self._failures.setdefault(method, []).append(
                Failure(status, headers or {}, body or _error_body(status), after_effect))

    def fail_next_with(self, method: str, error: str) -> None:
        """The next call of `method` answers `{"ok": false, "error": error}` as Slack does (HTTP 200)."""
        self.fail_next(method, 200, {}, {"ok": False, "error": error})

    def issue_trigger(self, trigger_id: str, age: float = 0.0) -> str:
        """Register a trigger_id as handed out `age` seconds ago; it expires after three seconds."""
        with self._lock:
            self._triggers[trigger_id] = time.monotonic() - age
        return trigger_id

    def revoke(self) -> None:
        self.revoked = True

    # ---- answering ----

    def _next_ts(self) -> str:
        with self._lock:
            self._last_ts = max(self._last_ts + 0.000001, time.time())
            return f"{self._last_ts:.6f}"

    def _fault(self, method: str) -> Failure | None:
        with self._lock:
            queue = self._failures.get(method)
            if queue:
                return queue.pop(0)
            if method in NOT_FAULTED:
                return None
            draw = self._rng.random()
            if draw < self.rate_limit_share:
                return Failure(429, {"Retry-After": str(self.retry_after)}, _error_body(429))
            if draw < self.rate_limit_share + self.server_error_share:
                return Failure(503, {}, _error_body(503), after_effect=self._rng.random() < self.ghost_share)
        return None

    def _respond(self, path: str, params: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any], bool]:
        method = path.rsplit("/", 1)[-1] if path.startswith("/api/") else (
            "upload" if path.startswith("/upload/") else "response_url")
        if self.revoked and path.startswith("/api/"):
            return 200, {}, {"ok": False, "error": "invalid_auth"}, False
        failure = self._fault(method)
        if failure is not None and not failure.after_effect:
            return failure.status, failure.headers, failure.body, False
        status, body = self._act(method, params)
        if failure is not None:  # it happened, but the answer says otherwise
            return failure.status, failure.headers, failure.body, body.get("ok", True)
        return status, {}, body, body.get("ok", True)

    def _refuse(self, problems: list[str], status: int = 200) -> tuple[int, dict[str, Any]]:
        return status, {"ok": False, "error": "invalid_blocks", "errors": problems,
                        "response_metadata": {"messages": [f"[ERROR] {p}" for p in problems]}}

    def _act(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "response_url":
            problems = message_problems(params) if ("blocks" in params or "text" in params) else []
            return self._refuse(problems, 400) if problems else (200, {"ok": True})
        if method == "upload":
            return 200, {"ok": True}
        if method in MESSAGE_METHODS:
            problems = message_problems(params)
            if problems == ["no_text"]:
                return 200, {"ok": False, "error": "no_text"}
            if problems:
                return self._refuse(problems)
            if len(params.get("text") or "") > 40_000:
                return 200, {"ok": False, "error": "msg_too_long"}
            if params.get("channel") in self.not_member_of and method != "chat.postEphemeral":
                return 200, {"ok": False, "error": "not_in_channel"}
        if method in VIEW_METHODS:
            raw = params.get("view")
            problems = view_problems(json.loads(raw) if isinstance(raw, str) else (raw or {}))
            if problems:
                return self._refuse(problems)
        if method == "views.open":
            with self._lock:
                issued = self._triggers.get(str(params.get("trigger_id")))
            if issued is not None and time.monotonic() - issued > TRIGGER_SECONDS:
                return 200, {"ok": False, "error": "expired_trigger_id"}
        if method == "auth.test":
            return 200, {"ok": True, "url": "https://test.slack.com/", "team": "Test", "user": "omsorgsbot",
                         "team_id": "T1", "user_id": BOT_USER_ID, "bot_id": "BBOT", "is_enterprise_install": False}
        if method == "apps.connections.open" and self.socket_url:
            return 200, {"ok": True, "url": self.socket_url}
        if method == "conversations.open":
            user = str(params.get("users", "X")).split(",")[0]
            if user in self.unknown_users:
                return 200, {"ok": False, "error": "user_not_found"}
            return 200, {"ok": True, "channel": {"id": "D" + user}}
        if method == "chat.postMessage":
            ts = self._next_ts()
            metadata = params.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            with self._lock:
                self._history.setdefault(params["channel"], []).append(
                    {"type": "message", "ts": ts, "text": params.get("text", ""), "bot_id": "BBOT",
                     "thread_ts": params.get("thread_ts"), "metadata": metadata})
            return 200, {"ok": True, "channel": params.get("channel"), "ts": ts,
                         "message": {"text": params.get("text", "")}}
        if method == "chat.update":
            return 200, {"ok": True, "channel": params.get("channel"), "ts": params.get("ts"),
                         "message": {"text": params.get("text", "")}}
        if method == "chat.postEphemeral":
            return 200, {"ok": True, "message_ts": self._next_ts()}
        if method in ("conversations.history", "conversations.replies"):
            return 200, {"ok": True, "has_more": False, "messages": self._read_history(method, params)}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ids)}"
            return 200, {"ok": True, "file_id": file_id, "upload_url": f"{self.base_url}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            files = params.get("files")
            files = json.loads(files) if isinstance(files, str) else (files or [])
            return 200, {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}
        if method in VIEW_METHODS:
            return 200, {"ok": True, "view": {"id": f"V{next(self._ids)}", "hash": "h1"}}
        return 200, {"ok": True}

    def _read_history(self, method: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        oldest = float(params.get("oldest") or 0)
        with_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        with self._lock:
            posted = list(self._history.get(str(params.get("channel")), []))
        if method == "conversations.replies":
            posted = [m for m in posted if m["ts"] == params.get("ts") or m.get("thread_ts") == params.get("ts")]
        else:
            posted = [m for m in posted if not m.get("thread_ts") or m["thread_ts"] == m["ts"]]
        shown = [{k: v for k, v in m.items() if with_metadata or k != "metadata"}
                 for m in posted if float(m["ts"]) > oldest]
        return list(reversed(shown))

    # ---- inspecting ----

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
            if call.effective:
                self._by_channel.setdefault((call.method, str(call.params.get("channel"))), []).append(call)
            self._lock.notify_all()

    def wait_in_channel(self, method: str, channel: str, count: int, timeout: float = 10.0) -> list[Call]:
        """Like `wait_for` for the calls that took effect in one channel, without scanning every call
        (for the benchmarks, where a hundred reporters wait at once)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = self._by_channel.get((method, channel), [])
                if len(found) >= count:
                    return list(found)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"väntade på {count} × {method} i {channel}, fick {len(found)}")
                self._lock.wait(left)

    def made(self, method: str, ok_only: bool = True) -> list[Call]:
        """The calls of `method` that took effect (or all of them)."""
        with self._lock:
            return [c for c in self.calls if c.method == method and (c.effective or not ok_only)]

    def refused(self) -> list[Call]:
        """Calls Slack would have refused for their payload."""
        with self._lock:
            return [c for c in self.calls if c.error == "invalid_blocks"]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0, ok_only: bool = True,
                 where: Callable[[Call], bool] | None = None) -> list[Call]:
        """Bounded wait until `count` calls of `method` that took effect (and for which `where` holds)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.method == method and (c.effective or not ok_only)
                         and (where is None or where(c))]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.status, c.error) for c in self.calls[-20:]]
                    raise AssertionError(f"väntade på {count} × {method}, fick {len(found)}; senaste anrop: {seen}")
                self._lock.wait(left)

    def settle(self, quiet: float = 1.0, timeout: float = 10.0) -> None:
        """Bounded wait until no call has arrived for `quiet` seconds (to prove nothing more comes)."""
        deadline = time.monotonic() + timeout
        last = -1
        while time.monotonic() < deadline:
            with self._lock:
                now_count = len(self.calls)
            if now_count == last:
                return
            last = now_count
            time.sleep(quiet)
