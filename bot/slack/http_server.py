"""HTTP mode: Bolt's WSGI adapter (slack_bolt.adapter.wsgi) behind a small guard, on a threaded
stdlib WSGI server. Everything is at /slack/events.

The guard answers bad requests itself with a 4xx — no body length, too large, not UTF-8, a body
Bolt cannot parse, signature headers that are not even shaped right, a payload of a shape Slack
never sends — so a malformed, unsigned or oversized request never becomes a 500. Bolt checks
the signature (401 when it is forged, missing or older than five minutes).

Any WSGI server can serve `SlackGuard` in production (e.g. gunicorn); `serve_http` is enough for
one small municipality and needs nothing beyond the standard library.
"""

from __future__ import annotations

import io
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1024 * 1024  # Slack's payloads are a few kB; a view submission stays well below this
SOCKET_TIMEOUT = 10.0

StartResponse = Callable[..., Any]


def _plain(start_response: StartResponse, status: str, text: str, extra: list[tuple[str, str]] | None = None) -> list[bytes]:
    body = text.encode("utf-8")
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
                   + (extra or []))
    return [body]


def _signature_headers_look_right(environ: dict[str, Any]) -> bool:
    """Bolt checks the signature itself, but a timestamp that is not a number or a signature that is
    not ASCII makes its check raise (a 500): such a request cannot be Slack's."""
    timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
    signature = environ.get("HTTP_X_SLACK_SIGNATURE")
    if timestamp is None or signature is None:
        return True  # Bolt answers 401 for a missing signature
    return timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12 and signature.isascii()


_OBJECT_FIELDS = ("event", "view", "container", "channel", "team", "message")


def _malformed_payload(text: str, content_type: str) -> bool:
    """Shapes Slack never sends and Bolt's matchers do not survive (e.g. `actions` that is not a list)."""
    if "application/x-www-form-urlencoded" in content_type:
        fields = parse_qs(text)
        if "payload" not in fields:
            return False  # a slash command: plain form fields
        text = fields["payload"][0]
    try:
        payload = json.loads(text)
    except ValueError:
        return False  # Bolt refuses what it cannot parse
    if not isinstance(payload, dict):
        return False
    if any(k in payload and payload[k] is not None and not isinstance(payload[k], dict) for k in _OBJECT_FIELDS):
        return True
    actions = payload.get("actions")
    if actions is not None and not (isinstance(actions, list) and all(isinstance(a, dict) for a in actions)):
        return True
    user = payload.get("user")
    return user is not None and not isinstance(user, (dict, str))


UNSIGNED_LOG_EVERY_S = 60.0
UNSIGNED = ("Slack-förfrågan med ogiltig eller för gammal signatur avvisades (401, %d sedan förra raden). "
            "Kommer den från Slack: kontrollera SLACK_SIGNING_SECRET och att maskinens klocka går rätt.")


class _UnsignedLog:
    """One log line a minute for refused signatures: the administrator sees a wrong signing secret,
    and someone knocking on the door cannot fill the log."""

    def __init__(self, every_s: float = UNSIGNED_LOG_EVERY_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.every_s, self.clock = every_s, clock
        self._last: float | None = None
        self._count = 0
        self._lock = threading.Lock()

    def refused(self) -> None:
        with self._lock:
            self._count += 1
            now = self.clock()
            if self._last is not None and now - self._last < self.every_s:
                return
            count, self._count, self._last = self._count, 0, now
        log.warning(UNSIGNED, count)


class SlackGuard:
    """WSGI app: checks the request's shape, then hands it to Bolt's WSGI handler."""

    def __init__(self, app: App, path: str = EVENTS_PATH, max_body: int = MAX_BODY_BYTES) -> None:
        self.bolt = SlackRequestHandler(app, path=path)
        self.path = path
        self.max_body = max_body
        self.unsigned = _UnsignedLog()

    def _noting_refusals(self, start_response: StartResponse) -> StartResponse:
        def start(status: str, headers, *args):
            if status.startswith("401"):
                self.unsigned.refused()
            return start_response(status, headers, *args)
        return start

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != self.path:
            return _plain(start_response, "404 Not Found", "Not Found")
        if environ.get("REQUEST_METHOD") != "POST":
            return _plain(start_response, "405 Method Not Allowed", "Method Not Allowed", [("Allow", "POST")])
        raw_length = environ.get("CONTENT_LENGTH") or ""
        if not raw_length.strip().isdigit():
            return _plain(start_response, "411 Length Required", "Length Required")
        length = int(raw_length)
        if length > self.max_body:
            return _plain(start_response, "413 Payload Too Large", "Payload Too Large")
        try:
            body = environ["wsgi.input"].read(length) if length else b""
        except (OSError, ValueError):
            return _plain(start_response, "400 Bad Request", "Bad Request")
        if len(body) != length:
            return _plain(start_response, "400 Bad Request", "Incomplete body")
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return _plain(start_response, "400 Bad Request", "Body must be UTF-8")
        start_response = self._noting_refusals(start_response)
        if not _signature_headers_look_right(environ):
            return _plain(start_response, "401 Unauthorized", "Unauthorized")
        if _malformed_payload(body.decode("utf-8"), environ.get("CONTENT_TYPE") or ""):
            return _plain(start_response, "400 Bad Request", "Bad Request")
        inner = dict(environ)
        inner["wsgi.input"] = io.BytesIO(body)
        try:
            return self.bolt(inner, start_response)
        except Exception:  # Bolt could not even parse the request: the client's fault, not ours
            log.warning("Slack-förfrågan gick inte att tolka", exc_info=True)
            return _plain(start_response, "400 Bad Request", "Bad Request")


class _QuietHandler(WSGIRequestHandler):
    timeout = SOCKET_TIMEOUT  # a client that stops sending cannot hold a thread forever

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.debug("%s %s", self.address_string(), format % args)


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default backlog of 5 resets connections when a shift change sends
    # dozens of messages at once (found by bench/load_test.py with 100 reporters)
    request_queue_size = 256


class SlackHttpServer:
    """The HTTP server; `start()` runs it in a background thread (tests), `serve_forever()` in this one."""

    def __init__(self, app: App, host: str = "0.0.0.0", port: int = 3000) -> None:
        self._server = make_server(host, port, SlackGuard(app), server_class=_ThreadingWSGIServer,
                                   handler_class=_QuietHandler)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        host = self._server.server_address[0]
        return f"http://{host}:{self.port}{EVENTS_PATH}"

    def serve_forever(self) -> None:
        try:
            self._server.serve_forever(poll_interval=0.5)
        finally:
            self._server.server_close()

    def start(self) -> SlackHttpServer:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="slack-http", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
