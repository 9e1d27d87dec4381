"""Slack waits three seconds for an ack. With 0.6 s per Web API call and a 429 (Retry-After 3) or
three 503s in the way, every command, click, form and event is still acknowledged within a second:
the ack comes first, the Web API work after it. And the work still gets done."""

from __future__ import annotations

import pytest

from storage.database import make_engine, session_scope
from storage.people import set_role
from storage.vocabulary import Role
from tests.slack.conftest import ACK_LIMIT_S, seeded, start_slack, stop_slack
from tests.slack.stand_in import StandIn
from tests.slack.test_report_form import option, text

LATENCY = 0.6
SEVERE = "brukare på Solgården föll och bröt höften, ambulans tillkallad"


@pytest.fixture
def slow_slack(tmp_path, shared_nlu, routine_library):
    db = seeded(make_engine(f"sqlite:///{tmp_path / 'slow.db'}"))
    with session_scope(db) as session:
        set_role(session=session, platform_user_id="U-mas2", role=Role.MAS)  # two to alert
    harness, _, _ = start_slack(db, shared_nlu, routine_library, api=StandIn(latency=LATENCY).start())
    try:
        yield harness
        assert harness.api.refused() == []
    finally:
        stop_slack(harness)
        db.dispose()


def severe_form(slack) -> None:
    slack.command("/avvikelse", "")
    view = slack.api.wait_for("views.open", 1)[0].view()
    answer = slack.submit_view(view, {
        "description": text(SEVERE), "area": option("fall"), "unit": option("Solgården"),
        "date": {"type": "datepicker", "selected_date": "2026-03-10"},
        "time": {"type": "timepicker", "selected_time": "08:00"}, "consequence": option("allvarlig"),
        "action": text("ambulans"),
    })
    assert answer.status == 200 and answer.text == ""


def test_allvarlig_rapport_i_formularet_kvitteras_direkt_trots_langsam_slack(slow_slack):
    slack = slow_slack
    slack.api.fail_next("chat.postMessage", 429, {"Retry-After": "3"})
    for _ in range(3):
        slack.api.fail_next("conversations.open", 503)
    severe_form(slack)
    assert max(slack.acks) < ACK_LIMIT_S, slack.acks
    # the work is done afterwards: both MAS alerted and the reporter has the reference
    posted = slack.api.wait_for("chat.postMessage", 3, timeout=30)
    assert {c.params["channel"] for c in posted} == {"DU-mas", "DU-mas2", "DU-usk"}
    assert all("AV-2026-00001" in c.params["text"] for c in posted)


def test_varje_sorts_anrop_kvitteras_inom_en_sekund(slow_slack):
    slack = slow_slack
    slack.api.fail_next("chat.postMessage", 429, {"Retry-After": "3"})
    slack.dm("brukare på Solgården hittad på golvet i badrummet i natt kl 3, ingen skada, ssk kontaktad")
    [summary] = slack.api.wait_for("chat.postMessage", 1, timeout=30)
    slack.click(summary, "Ändra")
    slack.command("/omsorgsbot", "vad gör jag om någon har ramlat?")
    slack.event({"type": "app_home_opened", "user": "U-usk", "channel": "DU-usk", "tab": "home",
                 "event_ts": "1773147600.000100"})
    slack.interact({"type": "message_action", "callback_id": "report_from_message", "trigger_id": slack.trigger(),
                    "user": {"id": "U-usk"}, "channel": {"id": "C-general", "name": "allmant"},
                    "message": {"type": "message", "text": "bru föll i matsalen", "ts": "1773147600.000200"},
                    "response_url": f"{slack.api.base_url}/respond/x"})
    slack.api.wait_for("views.publish", 1, timeout=30)
    slack.api.wait_for("views.open", 1, timeout=30)
    slack.api.wait_for("response_url", 1, timeout=30)
    assert len(slack.acks) == 5 and max(slack.acks) < ACK_LIMIT_S, slack.acks
    assert slack.api.wait_for("chat.update", 1, timeout=30)
