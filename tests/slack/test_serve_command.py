"""`omsorgsbot serve`: refuses to start without keys, and in HTTP mode serves /slack/events."""

from __future__ import annotations

import http.client
import json
import os
import selectors
import socket
import subprocess
import sys
import time

import typer
from typer.testing import CliRunner

from bot.cli import serve_command
from bot.settings import get_settings
from tests.slack.conftest import SECRET, sign
from tests.slack.stand_in import StandIn

SERVE = (
    "import typer\n"
    "from bot.cli import serve_command\n"
    "app = typer.Typer()\n"
    "serve_command.register(app)\n"
    "@app.callback()\n"
    "def _root() -> None: pass\n"
    "app()\n"
)


def stop_process(process: subprocess.Popen) -> None:
    """Ask the server to stop; kill it if it does not within ten seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def _cli() -> typer.Typer:
    app = typer.Typer()
    serve_command.register(app)

    @app.callback()
    def _root() -> None:
        pass

    return app


def test_serve_without_keys_explains_what_is_missing(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no .env here
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(_cli(), ["serve"])
        assert result.exit_code == 2 and "SLACK_BOT_TOKEN saknas" in result.output
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        get_settings.cache_clear()
        result = CliRunner().invoke(_cli(), ["serve", "--http"])
        assert result.exit_code == 2 and "SLACK_SIGNING_SECRET" in result.output
    finally:
        get_settings.cache_clear()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_http_answers_signed_requests(tmp_path):
    api = StandIn(lifetime=60).start()
    port = _free_port()
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": api.api_url, "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}", "PORT": str(port)}
    env.pop("SLACK_APP_TOKEN", None)
    process = subprocess.Popen([sys.executable, "-c", SERVE, "serve", "--host", "127.0.0.1"], cwd=tmp_path, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        selector = selectors.DefaultSelector()
        selector.register(process.stderr, selectors.EVENT_READ)
        deadline = time.monotonic() + 60
        started = ""
        while time.monotonic() < deadline and "lyssnar" not in started:
            if process.poll() is not None:
                break
            if selector.select(timeout=1):
                started += process.stderr.readline()
        assert f"127.0.0.1:{port}/slack/events" in started, started
        body = json.dumps({"type": "url_verification", "challenge": "c-42", "token": "x"})
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("POST", "/slack/events", body=body, headers={"Content-Type": "application/json", **sign(body)})
        response = conn.getresponse()
        assert response.status == 200 and "c-42" in response.read().decode()
        conn.request("POST", "/slack/events", body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        assert response.status == 401
        conn.close()
    finally:
        stop_process(process)
        api.stop()
