"""Slack's Web API answers 429 or 500/503 in the middle of a dialogue: the client retries with
backoff (make_web_client), every reply arrives, and the report is stored once."""

from __future__ import annotations

from sqlmodel import select

from storage.database import session_scope
from storage.models import Report

QUIET = 2.0  # longer than the client's backoff between retries, so "nothing more comes" is proven


def reports(slack) -> list[Report]:
    with session_scope(slack.db) as session:
        return list(session.exec(select(Report).order_by(Report.id)))


def failed(slack, method: str, status: int) -> int:
    return len([c for c in slack.api.calls if c.method == method and c.status == status])


def test_slack_svarar_500_och_503_mitt_i_dialogen_och_inget_tappas(slack_on_sqlite):
    slack = slack_on_sqlite
    slack.api.fail_next("chat.postMessage", 500)
    slack.dm("brukare på Björkhagen ramlade i korridoren, blåmärke på armen, hjälpte upp henne")
    [question] = slack.api.wait_for("chat.postMessage", 1)
    assert "När hände det?" in question.params["text"]

    slack.api.fail_next("chat.postMessage", 503)
    slack.api.fail_next("chat.postMessage", 500)  # two in a row: still within the retries
    slack.dm("i går kväll")
    summary = slack.api.wait_for("chat.postMessage", 2)[-1]
    assert "Sammanfattning" in summary.params["text"]

    slack.api.fail_next("chat.postMessage", 503)
    slack.dm("skicka")
    saved = slack.api.wait_for("chat.postMessage", 3)[-1]
    assert "AV-2026-00001" in saved.params["text"]

    slack.api.settle(quiet=QUIET)
    assert [c.params["text"] for c in slack.api.made("chat.postMessage")] == [
        question.params["text"], summary.params["text"], saved.params["text"]]  # each reply once, in order
    assert (failed(slack, "chat.postMessage", 500), failed(slack, "chat.postMessage", 503)) == (2, 2)
    assert len(reports(slack)) == 1


def test_slack_svarar_429_flera_ganger_och_svaret_kommer_fram_en_gang(slack_on_sqlite):
    slack = slack_on_sqlite
    for _ in range(3):  # as many as RateLimitErrorRetryHandler retries
        slack.api.fail_next("chat.postMessage", 429, {"Retry-After": "0"})
    slack.dm("brukare på Solgården hittad på golvet i natt kl 3, ingen skada, ssk kontaktad")
    [summary] = slack.api.wait_for("chat.postMessage", 1)
    assert "Sammanfattning" in summary.params["text"]
    slack.dm("skicka")
    slack.api.wait_for("chat.postMessage", 2)
    slack.api.settle(quiet=QUIET)
    assert failed(slack, "chat.postMessage", 429) == 3
    assert len(slack.api.made("chat.postMessage")) == 2
    assert len(reports(slack)) == 1


def test_larmet_till_mas_kommer_fram_trots_503_pa_conversations_open(slack_on_sqlite):
    slack = slack_on_sqlite
    slack.dm("brukare på Solgården föll i natt och bröt höften, ambulans kom, ssk kontaktad")
    slack.api.wait_for("chat.postMessage", 1)
    slack.api.fail_next("conversations.open", 503)
    slack.api.fail_next("chat.postMessage", 500)
    slack.dm("skicka")
    slack.api.wait_for("chat.postMessage", 3)  # the summary, the alert and the saved reply
    slack.api.settle(quiet=QUIET)
    to_mas = [c for c in slack.api.made("chat.postMessage") if c.params["channel"] == "DU-mas"]
    assert len(to_mas) == 1 and "AV-2026-00001" in to_mas[0].params["text"]
    assert failed(slack, "conversations.open", 503) == 1
    [report] = reports(slack)
    assert report.severe


def test_slack_nere_langre_an_omforsoken_rapporten_sparas_en_gang_och_anvandaren_far_veta(slack_on_sqlite):
    slack = slack_on_sqlite
    slack.dm("brukare på Solgården hittad på golvet i natt kl 3, ingen skada, ssk kontaktad")
    slack.api.wait_for("chat.postMessage", 1)
    from bot.slack.posting import ATTEMPTS

    for _ in range(ATTEMPTS):  # every attempt fails (each after looking whether the last one arrived)
        slack.api.fail_next("chat.postMessage", 500)
    slack.dm("skicka")
    notice = slack.api.wait_for("chat.postMessage", 2)[-1]
    assert "Försök igen" in notice.params["text"] and "referens" in notice.params["text"]
    assert [r.reference for r in reports(slack)] == ["AV-2026-00001"]
    slack.dm("skicka")  # the user, unsure, sends again: no second report
    slack.api.wait_for("chat.postMessage", 3)
    slack.api.settle(quiet=QUIET)
    assert len(reports(slack)) == 1
