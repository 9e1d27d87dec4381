"""Report text that looks like Slack markup or SQL. Markup is shown literally wherever the bot shows the
report — the summary, the answered buttons, the saved reply, the MAS alert, every Home tab — through
the real Slack HTTP path. SQL-looking text is stored verbatim, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlmodel import select

from intents.engine import DialogueEngine
from intents.messages import IncomingMessage
from intents.notifier import RecordingNotifier
from storage.database import make_engine, session_scope
from storage.models import Report
from tests.faults.conftest import NOW

# What the person typed, as Slack delivers it: typed "<" and ">" arrive as &lt; and &gt;.
TYPED = ("&lt;!channel&gt; &lt;@U123&gt; brukare på Solgården föll i natt kl 2 och bröt armen, ambulans kom, "
         "ssk kontaktad &lt;https://evil.example|klicka här&gt; &lt;!subteam^S1|@alla&gt; &lt;#C1|allmänt&gt;")
LIVE_MARKUP = re.compile(r"<[!@#]|<https?:|<mailto:")


def texts_in(value: Any) -> list[str]:
    """Every string under a "text" key in a message's params, blocks or view."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "text" and isinstance(item, str):
                found.append(item)
            else:
                found += texts_in(item)
    elif isinstance(value, list):
        for item in value:
            found += texts_in(item)
    return found


def shown(call) -> list[str]:
    return texts_in({"text": call.params.get("text", ""), "blocks": call.blocks(), "view": call.view()})


def assert_literal(call) -> None:
    for text in shown(call):
        assert not LIVE_MARKUP.search(text), f"{call.method} visar markup: {text[:300]}"


def open_home(slack, user: str, count: int):
    slack.event({"type": "app_home_opened", "user": user, "channel": f"D{user}", "tab": "home",
                 "event_ts": f"{NOW.timestamp():.6f}"})
    return slack.api.wait_for("views.publish", count)[-1]


def test_slack_markup_i_rapporten_visas_bokstavligt_overallt(slack_on_sqlite):
    slack = slack_on_sqlite
    slack.dm(TYPED)
    [summary] = slack.api.wait_for("chat.postMessage", 1)
    assert "Sammanfattning" in summary.params["text"]
    slack.click(summary, "Skicka")
    slack.api.wait_for("chat.postMessage", 3)  # the MAS alert and the saved reply
    slack.api.wait_for("chat.update", 1)

    with session_scope(slack.db) as session:
        [report] = session.exec(select(Report)).all()
    assert "<!channel>" in report.description and "<https://evil.example|klicka här>" in report.description

    alert = next(c for c in slack.api.made("chat.postMessage") if c.params["channel"] == "DU-mas")
    assert "&lt;!channel&gt;" in alert.params["text"] and "&lt;@U123&gt;" in alert.params["text"]
    homes = [open_home(slack, "U-usk", 1), open_home(slack, "U-mas", 2), open_home(slack, "U-chef", 3)]
    for home in homes:
        assert any("&lt;!channel&gt;" in t for t in shown(home)), "rapporten syns inte på Hem-fliken"

    calls = slack.api.made("chat.postMessage") + slack.api.made("chat.update") + homes
    assert len(calls) == 7
    for call in calls:
        assert_literal(call)
    for call in slack.api.made("chat.postMessage"):
        assert call.params.get("unfurl_links") in (False, "false", "0", 0), "länkar i svar ska aldrig vecklas ut"


def test_markup_i_veckosammanfattning_och_larm_via_utkorgen_visas_bokstavligt(slack_on_sqlite):
    from storage.outbox import enqueue_message

    slack = slack_on_sqlite
    with session_scope(slack.db) as session:
        enqueue_message(session=session, kind="digest", recipient="U-mas", dedupe_key="t1", now=NOW,
                        text="Vecka 10: <!channel> <@U123> <https://evil.example|klicka> *fet* ```kod")
        enqueue_message(session=session, kind="digest", recipient="C-digest", dedupe_key="t2", now=NOW,
                        text="<!here> enhet <#C1|allmänt>")
    slack.deps.services.wake_delivery()
    calls = slack.api.wait_for("chat.postMessage", 2)
    for call in calls:
        assert_literal(call)
        assert not any(c in t for t in shown(call) for c in "*`")  # no bold, no code block
    by_channel = {c.params["channel"]: c.params["text"] for c in calls}
    assert "&lt;!channel&gt;" in by_channel["DU-mas"] and "&lt;!here&gt;" in by_channel["C-digest"]


SQL_LIKE = [
    "'); DROP TABLE report;--",
    "1 OR 1=1",
    "\" OR \"\"=\"",
    "'; UPDATE report SET severe = true; --",
    "Robert'); DELETE FROM person WHERE ('1'='1",
    "%' OR description LIKE '%",
    "\\'; SELECT pg_sleep(0); --",
]


@pytest.mark.parametrize("sql", SQL_LIKE)
def test_sql_liknande_text_sparas_ordagrant(database_url, shared_nlu, routine_library, sql):
    from tests.hostile.conftest import seeded, services_on

    db = seeded(make_engine(database_url))
    try:
        engine = DialogueEngine(services_on(db, shared_nlu, routine_library, RecordingNotifier()))
        words = f"brukare på Björkhagen föll i natt kl 2, ingen skada, ssk kontaktad {sql}"
        answer = " ".join(r.text for r in engine.handle(IncomingMessage(user_id="U-usk", text=words, at=NOW)))
        if "Vilket område" in answer:  # SQL words may blur the area; the person answers
            answer = " ".join(r.text for r in engine.handle(IncomingMessage(user_id="U-usk", text="fall", at=NOW)))
        assert "Sammanfattning" in answer and sql in answer
        saved = " ".join(r.text for r in engine.handle(IncomingMessage(user_id="U-usk", text="skicka", at=NOW)))
        if "ett namn" in saved:  # "Robert" is a name: keep the text as written
            saved = " ".join(r.text for r in engine.handle(IncomingMessage(user_id="U-usk", text="nej", at=NOW)))
        assert "AV-2026-00001" in saved
        with session_scope(db) as session:
            [report] = session.exec(select(Report)).all()
        assert report.description.endswith(sql)
        assert report.severe is False
        asked = engine.handle(IncomingMessage(user_id="U-mas", text=f"hur många fall på Björkhagen {sql}", at=NOW))
        assert asked and asked[0].text
    finally:
        db.dispose()
