"""The database goes away in the middle of a report and comes back: the user is told in Swedish,
nothing already said is lost, and the report is saved once. The PostgreSQL server is really stopped."""

from __future__ import annotations

import pytest
from sqlmodel import select

from intents.engine import DATABASE_DOWN
from storage.database import session_scope
from storage.models import ConversationDraft, Report

pytestmark = pytest.mark.postgres

FIRST = "brukare på Björkhagen ramlade i korridoren, blåmärke på armen, hjälpte upp henne"


def reports(db) -> list[Report]:
    with session_scope(db) as session:
        return list(session.exec(select(Report).order_by(Report.id)))


def drafts(db) -> list[ConversationDraft]:
    with session_scope(db) as session:
        return list(session.exec(select(ConversationDraft)))


def test_databasen_borta_mitt_i_samtalet_behaller_utkastet(pg_dialogue, pg_db, own_postgres):
    assert "När hände det?" in pg_dialogue.say(FIRST)
    [before] = drafts(pg_db)

    own_postgres.halt()
    answer = pg_dialogue.say("i går kväll")  # must not raise
    assert answer == DATABASE_DOWN
    assert "finns kvar" in answer and "igen" in answer
    assert pg_dialogue.say("i går kväll") == DATABASE_DOWN  # still down: the same calm answer, again

    own_postgres.resume()
    [after] = drafts(pg_db)
    assert after.state == before.state  # the failed turns changed nothing
    answer = pg_dialogue.say("i går kväll")
    assert "Sammanfattning" in answer and "Björkhagen" in answer and "När: i går kväll" in answer  # a part of the day, no made-up clock time
    assert "AV-2026-00001" in pg_dialogue.say("skicka")

    [report] = reports(pg_db)
    assert (report.area, report.reference) == ("fall", "AV-2026-00001")
    assert "ramlade i korridoren" in report.description
    assert drafts(pg_db) == []


def test_databasen_borta_nar_rapporten_skickas_sparar_den_en_gang_efterat(pg_dialogue, pg_db, own_postgres):
    answer = pg_dialogue.say("brukare på Solgården hittad på golvet i natt kl 3, ingen skada, ssk kontaktad")
    assert "Sammanfattning" in answer

    own_postgres.halt()
    assert pg_dialogue.say("skicka") == DATABASE_DOWN
    assert pg_dialogue.notifier.sent == []
    own_postgres.resume()

    assert reports(pg_db) == [] and len(drafts(pg_db)) == 1
    assert "AV-2026-00001" in pg_dialogue.say("skicka")
    assert "Det finns inget pågående att avbryta" in pg_dialogue.say("avbryt")  # the draft is gone after saving
    assert [r.reference for r in reports(pg_db)] == ["AV-2026-00001"]


def test_databasen_borta_i_slack_ger_svenskt_svar_och_samtalet_fortsatter(slack_on_postgres, pg_db, own_postgres):
    slack = slack_on_postgres
    slack.dm(FIRST)
    [question] = slack.api.wait_for("chat.postMessage", 1)
    assert "När hände det?" in question.params["text"]

    own_postgres.halt()
    assert slack.dm("i går kväll").status == 200  # Slack gets its ack; the user gets a Swedish answer
    down = slack.api.wait_for("chat.postMessage", 2)[-1]
    assert down.params["channel"] == "DU-usk"
    assert "databasen" in down.params["text"] and "finns kvar" in down.params["text"]

    own_postgres.resume()
    slack.dm("i går kväll")
    summary = slack.api.wait_for("chat.postMessage", 3)[-1]
    assert "Sammanfattning" in summary.params["text"] and "Björkhagen" in summary.params["text"]
    slack.dm("skicka")
    saved = slack.api.wait_for("chat.postMessage", 4)[-1]
    assert "AV-2026-00001" in saved.params["text"]
    slack.api.settle(quiet=0.5)
    assert len(reports(pg_db)) == 1
    assert len(slack.api.made("chat.postMessage")) == 4
