"""Only Slack gets in: signatures, replay protection, and a 4xx (never a 500) for anything malformed."""

from __future__ import annotations

import json
import time

from tests.slack.conftest import sign


def test_url_verification_answers_the_challenge(slack):
    response = slack.post(json.dumps({"token": "x", "challenge": "abc123", "type": "url_verification"}))
    assert response.status == 200
    assert "abc123" in response.text


def test_forged_signature_is_refused(slack):
    body = json.dumps({"token": "x", "challenge": "abc123", "type": "url_verification"})
    headers = sign(body, secret="not-the-secret")
    response = slack.post(body, signed=False, headers=headers)
    assert response.status == 401
    assert "abc123" not in response.text


def test_five_minute_old_signature_is_refused(slack):
    body = json.dumps({"token": "x", "challenge": "abc123", "type": "url_verification"})
    response = slack.post(body, timestamp=int(time.time()) - 5 * 60 - 1)
    assert response.status == 401


def test_unsigned_request_is_refused_and_nothing_is_called(slack):
    body = json.dumps({"type": "event_callback", "event_id": "Ev-x", "event": slack.dm_event("hjälp")})
    response = slack.post(body, signed=False)
    assert response.status == 401
    slack.api.settle(quiet=0.3)
    assert slack.api.made("chat.postMessage") == []


def test_signature_over_another_body_is_refused(slack):
    headers = sign('{"type":"url_verification","challenge":"a"}')
    response = slack.post('{"type":"url_verification","challenge":"b"}', signed=False, headers=headers)
    assert response.status == 401


def test_malformed_bodies_get_4xx_never_500(slack):
    cases = [
        slack.post("{not json", signed=True),
        slack.post("{not json", signed=False),
        slack.post("payload=%7Bbroken", "application/x-www-form-urlencoded"),
        slack.post(b"\xff\xfe\x00garbage", "application/json"),
        slack.post("", "application/json"),
        slack.post("[1, 2, 3]", "application/json"),
        slack.post('"just a string"', "application/json"),
    ]
    for response in cases:
        assert 400 <= response.status < 500, (response.status, response.text[:200])


def test_wrong_path_and_method(slack):
    assert slack.post("{}", path="/annat").status == 404
    assert slack.post("", method="GET").status == 405


def test_oversized_body_is_refused_before_it_is_read(slack):
    """A 413 comes back at once, after only the headers: the server never reads a huge body."""
    reply = slack.raw(b"POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 50000000\r\n\r\n{")
    assert reply.startswith(b"HTTP/1.0 413") or reply.startswith(b"HTTP/1.1 413"), reply[:80]


def test_missing_content_length_is_refused(slack):
    reply = slack.raw(b"POST /slack/events HTTP/1.0\r\nContent-Type: application/json\r\n\r\n")
    assert reply.split(b" ")[1] == b"411", reply[:80]
