"""A local stand-in for Slack's Web API on 127.0.0.1: answers like Slack and records every call.

Failures can be scripted per method (a 429 with Retry-After, a 503 …). The server stops itself
after `lifetime` seconds even if a test forgets to stop it.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT_USER_ID = "UBOT"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int
    headers: dict[str, str] = field(default_factory=dict)

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


class StandIn:
    def __init__(self, lifetime: float = 120.0) -> None:
        self.calls: list[Call] = []
        self._failures: dict[str, list[Failure]] = {}
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - stdlib name
                length = int(self.headers.get("Content-Length") or 0)
                data_bytes = self.rfile.read(length) if length else b""
                kind = self.headers.get("Content-Type", "")
                raw = "" if self.path.startswith("/upload/") else data_bytes.decode("utf-8")
                if self.path.startswith("/upload/"):  # step 2 of files_upload_v2: the file's bytes
                    params = {"bytes": data_bytes}
                elif "json" in kind:
                    params = json.loads(raw or "{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(raw).items()}
                status, headers, body = stand_in._answer(self.path, params)
                name = self.path.rsplit("/", 1)[-1] if self.path.startswith("/api/") else (
                    "upload" if self.path.startswith("/upload/") else "response_url")
                stand_in._record(Call(name,
                                      params, status, {k.lower(): v for k, v in self.headers.items()}))
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
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
                  body: dict[str, Any] | None = None) -> None:
        with self._lock:
            self._failures.setdefault(method, []).append(
                Failure(status, headers or {}, body or {"ok": False, "error": "ratelimited" if status == 429 else "fatal_error"}))

    def _answer(self, path: str, params: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        method = path.rsplit("/", 1)[-1]
        with self._lock:
            queue = self._failures.get(method)
            if queue:
                failure = queue.pop(0)
                return failure.status, failure.headers, failure.body
        if not path.startswith("/api/"):
            return 200, {}, {"ok": True}
        ts = f"1773147600.{next(self._ts):06d}"
        if method == "auth.test":
            return 200, {}, {"ok": True, "url": "https://test.slack.com/", "team": "Test", "user": "omsorgsbot",
                             "team_id": "T1", "user_id": BOT_USER_ID, "bot_id": "BBOT", "is_enterprise_install": False}
        if method == "apps.connections.open" and self.socket_url:
            return 200, {}, {"ok": True, "url": self.socket_url}
        if method == "conversations.open":
            return 200, {}, {"ok": True, "channel": {"id": "D" + str(params.get("users", "X")).split(",")[0]}}
        if method in ("chat.postMessage", "chat.update"):
            return 200, {}, {"ok": True, "channel": params.get("channel"), "ts": params.get("ts") or ts,
                             "message": {"text": params.get("text", "")}}
        if method == "chat.postEphemeral":
            return 200, {}, {"ok": True, "message_ts": ts}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts)}"
            return 200, {}, {"ok": True, "file_id": file_id, "upload_url": f"{self.base_url}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            files = params.get("files")
            files = json.loads(files) if isinstance(files, str) else (files or [])
            return 200, {}, {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}
        if method in ("views.open", "views.publish", "views.update", "views.push"):
            return 200, {}, {"ok": True, "view": {"id": f"V{next(self._ts)}", "hash": "h1"}}
        return 200, {}, {"ok": True}

    # ---- inspecting ----

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()

    def made(self, method: str, ok_only: bool = True) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0, ok_only: bool = True,
                 where: Callable[[Call], bool] | None = None) -> list[Call]:
        """Bounded wait until `count` successful calls of `method` (for which `where` holds) have arrived."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)
                         and (where is None or where(c))]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self.calls[-20:]]
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
