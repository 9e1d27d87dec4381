"""The Web API stand-in refuses what Slack refuses, so a payload Slack would reject fails a test.
The first case is the Home tab as it was: two buttons with one action_id in one block."""

from __future__ import annotations

import time

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.slack.stand_in import StandIn


@pytest.fixture
def api():
    stand_in = StandIn(lifetime=30).start()
    yield stand_in
    stand_in.stop()


def client(api: StandIn) -> WebClient:
    return WebClient(token="xoxb-test", base_url=api.api_url)


def button(label: str, action_id: str, value: str = "v") -> dict:
    return {"type": "button", "text": {"type": "plain_text", "text": label}, "action_id": action_id, "value": value}


def section(text: str, block_id: str | None = None) -> dict:
    block = {"type": "section", "text": {"type": "mrkdwn", "text": text}}
    return block | ({"block_id": block_id} if block_id else {})


def refused(api: StandIn, method, **kwargs) -> list[str]:
    with pytest.raises(SlackApiError) as error:
        method(**kwargs)
    assert error.value.response["error"] == "invalid_blocks"
    return error.value.response["errors"]


def test_hemfliken_med_samma_action_id_tva_ganger_i_ett_block_avvisas(api):
    home = {"type": "home", "blocks": [section("Hej!"), {"type": "actions", "block_id": "new_report", "elements": [
        button("Ny avvikelse", "home_new_report", "avvikelse"), button("Ny synpunkt", "home_new_report", "synpunkt")]}]}
    errors = refused(api, client(api).views_publish, user_id="U1", view=home)
    assert any("duplicate action_id 'home_new_report'" in e for e in errors)
    home["blocks"][1]["elements"][1]["action_id"] = "home_new_synpunkt"
    assert client(api).views_publish(user_id="U1", view=home)["ok"]


def test_samma_action_id_i_olika_block_ar_tillatet_men_inte_samma_block_id(api):
    blocks = [{"type": "actions", "block_id": "a", "elements": [button("Ja", "val")]},
              {"type": "actions", "block_id": "b", "elements": [button("Nej", "val")]}]
    assert client(api).chat_postMessage(channel="D1", text="t", blocks=blocks)["ok"]
    blocks[1]["block_id"] = "a"
    errors = refused(api, client(api).chat_postMessage, channel="D1", text="t", blocks=blocks)
    assert any("duplicate block_id 'a'" in e for e in errors)


@pytest.mark.parametrize("blocks, problem", [
    ([section("x")] * 51, "more than 50 blocks"),
    ([section("")], "empty text"),
    ([section("x" * 3001)], "3000"),
    ([{"type": "actions", "elements": [button("x" * 76, "a")]}], "75"),
    ([{"type": "actions", "elements": [button("ok", "a", "v" * 2001)]}], "2000"),
    ([{"type": "actions", "elements": [button(f"b{i}", f"a{i}") for i in range(26)]}], "25"),
    ([{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}], "150"),
    ([{"type": "context", "elements": [{"type": "mrkdwn", "text": "x"}] * 11}], "10"),
    ([{"type": "no_such_block"}], "unknown block type"),
])
def test_slacks_granser_for_meddelanden(api, blocks, problem):
    errors = refused(api, client(api).chat_postMessage, channel="D1", text="t", blocks=blocks)
    assert any(problem in e for e in errors), errors


def test_ett_modalfonster_med_for_lang_titel_avvisas(api):
    view = {"type": "modal", "title": {"type": "plain_text", "text": "En alldeles för lång titel här"},
            "blocks": [section("x")]}
    errors = refused(api, client(api).views_open, trigger_id="t", view=view)
    assert errors


def test_latens_per_anrop(api):
    api.latency = 0.3
    started = time.perf_counter()
    client(api).chat_postMessage(channel="D1", text="hej")
    assert time.perf_counter() - started >= 0.3


def test_429_med_retry_after_och_fel_som_slack_svarar(api):
    from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

    api.fail_next("chat.postMessage", 429, {"Retry-After": "1"})
    started = time.perf_counter()
    patient = WebClient(token="x", base_url=api.api_url, retry_handlers=[RateLimitErrorRetryHandler()])
    assert patient.chat_postMessage(channel="D1", text="hej")["ok"]
    assert time.perf_counter() - started >= 1.0  # Retry-After was honoured
    [limited] = [c for c in api.calls if c.status == 429]
    assert limited.error == "ratelimited"
    api.fail_next_with("chat.postMessage", "not_in_channel")
    with pytest.raises(SlackApiError) as error:
        client(api).chat_postMessage(channel="C1", text="hej")
    assert error.value.response["error"] == "not_in_channel"
    api.not_member_of.add("C2")
    with pytest.raises(SlackApiError):
        client(api).chat_postMessage(channel="C2", text="hej")
    assert time.perf_counter() - started < 30


def test_en_trigger_galler_tre_sekunder(api):
    view = {"type": "modal", "title": {"type": "plain_text", "text": "Ny"}, "blocks": [section("x")]}
    assert client(api).views_open(trigger_id=api.issue_trigger("fresh"), view=view)["ok"]
    with pytest.raises(SlackApiError) as error:
        client(api).views_open(trigger_id=api.issue_trigger("old", age=3.5), view=view)
    assert error.value.response["error"] == "expired_trigger_id"


def test_aterkallad_token_ger_invalid_auth(api):
    api.revoke()
    with pytest.raises(SlackApiError) as error:
        client(api).chat_postMessage(channel="D1", text="hej")
    assert error.value.response["error"] == "invalid_auth"


def test_en_503_efter_att_meddelandet_postats_syns_i_historiken(api):
    api.fail_next("chat.postMessage", 503, after_effect=True)
    with pytest.raises(SlackApiError):
        WebClient(token="x", base_url=api.api_url, retry_handlers=[]).chat_postMessage(
            channel="D1", text="hej", metadata={"event_type": "e", "event_payload": {"id": "m1"}})
    history = client(api).conversations_history(channel="D1", include_all_metadata=True)["messages"]
    assert [m["metadata"]["event_payload"]["id"] for m in history] == ["m1"]
    assert len(api.made("chat.postMessage")) == 1  # it took effect although the answer was 503
