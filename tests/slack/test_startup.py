"""Starting in Slack: a bot token Slack refuses stops the start with what to fix; Slack out of reach
is tried again, then the start gives up with one Swedish sentence, never a traceback."""

from __future__ import annotations

import socket

import pytest

from bot.settings import Settings
from bot.slack.runner import build_slack_bot
from bot.slack.startup import SlackStartupError, connect
from tests.slack.conftest import SECRET, seeded, services_on
from tests.slack.stand_in import StandIn
from intents.notifier import RecordingNotifier
from storage.database import make_engine


@pytest.fixture
def db(tmp_path):
    engine = seeded(make_engine(f"sqlite:///{tmp_path / 'start.db'}"))
    yield engine
    engine.dispose()


def builder(db, api_url: str, shared_nlu, routine_library):
    settings = Settings(_env_file=None, slack_bot_token="xoxb-fel", slack_signing_secret=SECRET,
                        slack_api_url=api_url, slack_app_token=None)
    services = services_on(db, shared_nlu, routine_library, RecordingNotifier())
    return lambda: build_slack_bot(settings, db, services=services)


def dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/"


def test_en_token_som_slack_inte_godtar_stoppar_starten_med_vad_som_ska_goras(db, shared_nlu, routine_library):
    api = StandIn().start()
    try:
        api.revoke()  # every call answers invalid_auth
        pauses = []
        with pytest.raises(SlackStartupError) as refused:
            connect(builder(db, api.api_url, shared_nlu, routine_library), sleep=pauses.append, say=lambda _: None)
        assert refused.value.permanent and pauses == []  # no point in trying again
        assert "SLACK_BOT_TOKEN" in str(refused.value) and "invalid_auth" in str(refused.value)
        assert "xoxb-" in str(refused.value)
    finally:
        api.stop()


def test_slack_utom_rackhall_provas_igen_och_ger_sedan_en_tydlig_mening(db, shared_nlu, routine_library):
    said, pauses = [], []
    with pytest.raises(SlackStartupError) as failed:
        connect(builder(db, dead_url(), shared_nlu, routine_library), attempts=3, first_pause_s=1.0,
                sleep=pauses.append, say=said.append)
    assert not failed.value.permanent
    assert pauses == [1.0, 2.0] and len(said) == 2 and "försöker igen" in said[0]
    assert "Kommer inte fram till Slack" in str(failed.value) and "efter 3 försök" in str(failed.value)


def test_slack_som_svarar_efter_ett_avbrott_ger_en_vanlig_start(db, shared_nlu, routine_library):
    api = StandIn().start()
    try:
        api.fail_next("auth.test", 503)
        api.fail_next("auth.test", 503)
        api.fail_next("auth.test", 503)
        api.fail_next("auth.test", 503)
        said = []
        bot = connect(builder(db, api.api_url, shared_nlu, routine_library), sleep=lambda _: None, say=said.append)
        assert bot.app is not None and said and "försöker igen" in said[0]
    finally:
        api.stop()


def test_ingen_engelsk_varning_om_token_vid_start(monkeypatch, caplog):
    from slack_bolt import App
    from slack_sdk import WebClient

    import bot.slack.app_factory  # noqa: F401 - installs the filter

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    with caplog.at_level("WARNING"):
        App(client=WebClient(token="xoxb-test"), signing_secret="s", token_verification_enabled=False)
    assert not [r for r in caplog.records if "token" in r.getMessage()]
