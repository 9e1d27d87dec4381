"""Hostile HTTP at /slack/events, beyond tests/slack/test_http_security.py: bodies just over 1 MB,
wrong content types, odd signature headers, well-signed envelopes of the wrong shape. Always a 4xx
or a harmless 200 — never a 500 — and nothing is posted or stored."""

from __future__ import annotations

import io
import json
import socket
import time
from urllib.parse import urlencode, urlsplit

import pytest
from sqlmodel import select

from bot.slack.http_server import MAX_BODY_BYTES, SlackGuard
from storage.database import session_scope
from storage.models import ConversationDraft, Report
from tests.slack.conftest import sign


def status_of(reply: bytes) -> int:
    return int(reply.split(b" ")[1])


def nothing_happened(slack) -> None:
    slack.api.settle(quiet=0.3)
    assert slack.api.made("chat.postMessage") == [] and slack.api.made("chat.postEphemeral") == []
    with session_scope(slack.db) as session:
        assert list(session.exec(select(Report))) == []
        assert list(session.exec(select(ConversationDraft))) == []


def test_signerad_kropp_strax_over_en_megabyte_far_413_och_lases_aldrig(slack_on_sqlite):
    """Straight into the WSGI guard: over a real network the client could not finish sending anyway."""
    slack = slack_on_sqlite
    event = slack.dm_event("brukare föll " + "x" * MAX_BODY_BYTES)
    body = json.dumps({"type": "event_callback", "event_id": "Ev-big", "event": event}).encode()
    assert len(body) > MAX_BODY_BYTES
    stream = io.BytesIO(body)
    answered: list[str] = []
    environ = {"PATH_INFO": "/slack/events", "REQUEST_METHOD": "POST", "CONTENT_LENGTH": str(len(body)),
               "CONTENT_TYPE": "application/json", "wsgi.input": stream,
               **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in sign(body.decode()).items()}}
    SlackGuard(slack.server._server.get_app().bolt.app)(environ, lambda status, headers: answered.append(status))
    assert answered == ["413 Payload Too Large"]
    assert stream.tell() == 0
    nothing_happened(slack)


def test_kropp_precis_vid_gransen_lases_och_avvisas_bara_om_den_ar_fel(slack_on_sqlite):
    slack = slack_on_sqlite
    padding = "x" * (MAX_BODY_BYTES - 200)
    body = json.dumps({"type": "url_verification", "challenge": "c1", "pad": padding})
    body += " " * (MAX_BODY_BYTES - len(body.encode()))
    assert len(body.encode()) == MAX_BODY_BYTES
    response = slack.post(body)
    assert response.status == 200 and "c1" in response.text


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "multipart/form-data; boundary=x",
                                          "application/octet-stream", ""])
def test_fel_innehallstyp_ger_4xx_eller_ofarligt_svar_aldrig_500(slack_on_sqlite, content_type):
    slack = slack_on_sqlite
    body = json.dumps({"type": "event_callback", "event_id": f"Ev-ct-{content_type[:5]}",
                       "event": slack.dm_event("brukare på Solgården föll i natt")})
    response = slack.post(body, content_type)
    assert response.status < 500, response.text[:200]
    form = urlencode({"payload": "{\"type\": \"block_actions\""})
    assert slack.post(form, content_type).status < 500


def test_json_som_formular_och_formular_som_json_ger_aldrig_500(slack_on_sqlite):
    slack = slack_on_sqlite
    event_json = json.dumps({"type": "event_callback", "event_id": "Ev-x", "event": slack.dm_event("hjälp")})
    # Bolt reads a correctly signed JSON body whatever the header says; the signature is what counts
    assert slack.post(event_json, "application/x-www-form-urlencoded").status == 200
    assert 400 <= slack.post(urlencode({"payload": event_json}), "application/json").status < 500
    assert 400 <= slack.post(urlencode({"payload": event_json}), "application/json", signed=False).status < 500


@pytest.mark.parametrize("headers", [
    {"X-Slack-Request-Timestamp": "inte-en-tid", "X-Slack-Signature": "v0=abc"},
    {"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=abc"},
    {"X-Slack-Request-Timestamp": "-1", "X-Slack-Signature": "v0=abc"},
    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": ""},
    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v1=" + "0" * 64},
    {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=\u00e5\u00e4\u00f6"},
])
def test_konstiga_signaturhuvuden_ger_401(slack_on_sqlite, headers):
    slack = slack_on_sqlite
    body = json.dumps({"type": "event_callback", "event_id": "Ev-sig", "event": slack.dm_event("hjälp")})
    assert slack.post(body, signed=False, headers=headers).status == 401
    nothing_happened(slack)


def test_framtida_signatur_avvisas(slack_on_sqlite):
    slack = slack_on_sqlite
    body = json.dumps({"type": "url_verification", "challenge": "c2"})
    assert slack.post(body, timestamp=int(time.time()) + 10 * 60).status == 401


@pytest.mark.parametrize("envelope", [
    {"type": "event_callback"},
    {"type": "event_callback", "event": "en sträng"},
    {"type": "event_callback", "event": None},
    {"type": "event_callback", "event": {"type": 123, "user": ["U"], "text": {"a": 1}}},
    {"type": "event_callback", "event": {"type": "message", "channel_type": "im", "user": "U-usk", "text": None,
                                         "channel": "DU-usk", "ts": "inte-en-tid"}},
    {"type": "event_callback", "event": {"type": "message", "channel_type": "im", "user": "U-usk",
                                         "text": ["lista"], "channel": "DU-usk", "ts": "1e999"}},
    {"type": "url_verification"},
    {"type": None, "challenge": ["x"]},
    {"type": "block_actions", "actions": "inga"},
    {"type": "block_actions", "actions": [1, 2], "user": {"id": "U-usk"}},
    {"type": "block_actions", "user": ["U"], "actions": []},
    {"type": "view_submission", "view": "formuläret", "user": {"id": "U-usk"}},
    {"type": "block_actions", "container": 7, "actions": [{"action_id": "choice:0", "value": "1"}]},
])
def test_signerade_kuvert_med_fel_form_ger_aldrig_500(slack_on_sqlite, envelope):
    slack = slack_on_sqlite
    response = slack.post(json.dumps({"event_id": "Ev-shape", "team_id": "T1", **envelope}))
    assert response.status < 500, response.text[:200]
    as_form = slack.post(urlencode({"payload": json.dumps(envelope)}), "application/x-www-form-urlencoded")
    assert as_form.status < 500, as_form.text[:200]
    slack.api.settle(quiet=0.3)
    with session_scope(slack.db) as session:
        assert list(session.exec(select(Report))) == []


@pytest.mark.parametrize("length", [b"-1", b"abc", b"1e6", b" ", b"99999999999999999999999"])
def test_trasig_content_length_ger_4xx(slack_on_sqlite, length):
    reply = slack_on_sqlite.raw(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                b"Content-Length: " + length + b"\r\nConnection: close\r\n\r\n{}")
    assert 400 <= status_of(reply) < 500, reply[:80]


def test_kortare_kropp_an_utlovat_ger_400(slack_on_sqlite):
    url = urlsplit(slack_on_sqlite.server.url)
    with socket.create_connection((url.hostname, url.port), timeout=20) as conn:
        conn.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"type\":")
        conn.shutdown(socket.SHUT_WR)  # the client stops sending: the server must not wait forever or crash
        reply = conn.recv(1024)
    assert 400 <= status_of(reply) < 500, reply[:80]


def test_signerad_begaran_med_ogiltig_utf8_i_formular_ger_4xx(slack_on_sqlite):
    slack = slack_on_sqlite
    body = b"payload=%7B%22type%22%3A%22block_actions%22%7D\xff\xfe"
    headers = sign(body.decode("utf-8", "replace"))
    assert 400 <= slack.post(body, "application/x-www-form-urlencoded", signed=False, headers=headers).status < 500


def test_fel_signatur_ger_401_och_en_rad_i_loggen_per_minut(slack_on_sqlite, caplog):
    """A wrong SLACK_SIGNING_SECRET shows in the log, as the install guide says; a flood of forged
    requests gives one line a minute, with how many there were."""
    slack = slack_on_sqlite
    guard = slack.server._server.get_app()
    now = [1000.0]
    guard.unsigned.clock = lambda: now[0]
    body = json.dumps({"type": "url_verification", "challenge": "c1"})
    wrong = sign(body, secret="ett-annat-signeringsord")

    with caplog.at_level("WARNING", logger="bot.slack.http_server"):
        assert [slack.post(body, signed=False, headers=wrong).status for _ in range(5)] == [401] * 5
        now[0] += 61
        assert slack.post(body, signed=False, headers=wrong).status == 401
    lines = [r.getMessage() for r in caplog.records if "SLACK_SIGNING_SECRET" in r.getMessage()]
    assert len(lines) == 2 and "1 sedan" in lines[0] and "5 sedan" in lines[1]
