"""Mentions in channels, /omsorgsbot, the Home tab per role, and the one error handler."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from storage.database import session_scope
from storage.models import ConversationDraft, Report, ReportCreate
from storage.people import get_or_create_person
from storage.reports import create_report, get_report
from storage.units import get_unit_by_name
from storage.vocabulary import Area, Consequence, ReportKind, Source
from tests.slack.conftest import NOW


def mention(slack, text: str, user: str = "U-usk") -> None:
    slack.event({"type": "app_mention", "channel": "C-general", "user": user, "text": f"<@UBOT> {text}",
                 "ts": f"{NOW.timestamp():.6f}", "client_msg_id": f"m-{text[:10]}"})


def test_report_in_a_channel_moves_to_a_dm_and_nothing_is_stored(slack):
    mention(slack, "brukare på Solgården ramlade i natt och slog i huvudet, 19450101-1234")
    [notice] = slack.api.wait_for("chat.postEphemeral", 1)
    assert notice.params["channel"] == "C-general" and notice.params["user"] == "U-usk"
    assert "direktmeddelande" in notice.params["text"]
    dm = slack.api.wait_for("chat.postMessage", 1)[0]
    assert dm.params["channel"] == "DU-usk"
    slack.api.settle()
    for call in slack.api.calls:  # the report's content is never echoed anywhere
        assert "huvudet" not in str(call.params) and "19450101" not in str(call.params)
    assert [c.params["channel"] for c in slack.api.made("chat.postMessage")] == ["DU-usk"]
    with session_scope(slack.db) as session:
        assert list(session.exec(select(Report))) == []
        assert list(session.exec(select(ConversationDraft))) == []


def test_routine_question_in_a_channel_is_answered_in_the_thread(slack):
    mention(slack, "vad gör jag om någon har ramlat?")
    [answer] = slack.api.wait_for("chat.postMessage", 1)
    assert answer.params["channel"] == "C-general"
    assert answer.params["thread_ts"] == f"{NOW.timestamp():.6f}"
    assert "fall" in answer.params["text"].lower()


def test_omsorgsbot_command_answers_privately_or_shows_help(slack):
    slack.command("/omsorgsbot", "")
    [help_answer] = slack.api.wait_for("response_url", 1)
    assert help_answer.params["response_type"] == "ephemeral"
    assert "Det här kan jag hjälpa dig med" in help_answer.params["text"]
    slack.command("/omsorgsbot", "rutin vid utebliven dos?")
    answer = slack.api.wait_for("response_url", 2)[-1]
    assert "dos" in answer.params["text"].lower()


def _report(slack, reporter: str, unit: str, *, severe: bool = False, description: str = "brukare föll i korridoren"):
    with session_scope(slack.db) as session:
        person = get_or_create_person(session=session, platform_user_id=reporter)
        unit_row = get_unit_by_name(session=session, name=unit)
        report = create_report(session=session, actor_id=person.id, now=NOW, report_in=ReportCreate(
            kind=ReportKind.AVVIKELSE, area=Area.FALL, unit_id=unit_row.id, occurred_at=NOW - timedelta(hours=3),
            reporter_id=person.id, description=description, consequence=Consequence.LINDRIG, severe=severe,
            source=Source.SLACK))
        return report.reference


def home_of(slack, user: str, count: int) -> dict:
    slack.event({"type": "app_home_opened", "user": user, "channel": f"D{user}", "tab": "home",
                 "event_ts": f"{NOW.timestamp():.6f}"})
    publish = slack.api.wait_for("views.publish", count)[-1]
    assert publish.params["user_id"] == user
    return publish.view()


def all_text(view: dict) -> str:
    parts = []
    for b in view["blocks"]:
        if isinstance(b.get("text"), dict):
            parts.append(b["text"]["text"])
        for e in b.get("elements") or []:
            parts.append((e.get("text") or {}).get("text", "") if isinstance(e.get("text"), dict) else e.get("text", ""))
    return "\n".join(parts)


def test_home_for_staff_shows_my_reports_and_status(slack):
    reference = _report(slack, "U-usk", "Solgården", description="<!channel> föll i korridoren")
    view = all_text(home_of(slack, "U-usk", 1))
    assert "Mina senaste rapporter" in view and reference in view and "ny – inte hanterad ännu" in view
    assert "<!channel>" not in view and "&lt;!channel&gt;" in view
    assert "Ny avvikelse" in view


def test_home_for_chef_lists_new_reports_with_a_button_to_handle_them(slack):
    mine = _report(slack, "U-usk", "Solgården")
    other = _report(slack, "U-usk", "Björkhagen")
    view = home_of(slack, "U-chef", 1)
    text = all_text(view)
    assert mine in text and other not in text.split("Mina senaste rapporter")[0]
    button = next(b["accessory"] for b in view["blocks"] if mine in b.get("accessory", {}).get("value", ""))
    slack.interact({"type": "block_actions", "user": {"id": "U-chef"}, "trigger_id": "t1",
                    "container": {"type": "view", "view_id": "V-home"}, "view": {"id": "V-home", "type": "home"},
                    "actions": [{**button, "block_id": "b", "action_ts": "1773147600.1"}]})
    slack.api.wait_for("views.publish", 2)
    with session_scope(slack.db) as session:
        assert get_report(session=session, reference=mine).status == "utreds"
    # a chef cannot handle reports of a unit they do not manage
    slack.interact({"type": "block_actions", "user": {"id": "U-chef"}, "trigger_id": "t2",
                    "container": {"type": "view", "view_id": "V-home"}, "view": {"id": "V-home", "type": "home"},
                    "actions": [{**button, "value": other, "block_id": "b", "action_ts": "1773147600.2"}]})
    refusal = slack.api.wait_for("chat.postMessage", 1)[0]
    assert f"Jag hittar ingen rapport {other} bland dem du kan hantera" in refusal.params["text"]
    with session_scope(slack.db) as session:
        assert get_report(session=session, reference=other).status == "ny"


def test_home_for_mas_shows_the_week_by_area_and_severe_reports(slack):
    severe = _report(slack, "U-usk", "Solgården", severe=True)
    text = all_text(home_of(slack, "U-mas", 1))
    assert "Den här veckan" in text and "Fall: 1" in text
    assert "Allvarliga händelser" in text and severe in text


def test_chefens_och_mas_hemflik_loggas_men_inte_personalens(slack):
    from storage.access_log import access_entries

    _report(slack, "U-usk", "Solgården")
    home_of(slack, "U-usk", 1)
    home_of(slack, "U-chef", 2)
    home_of(slack, "U-mas", 3)
    with session_scope(slack.db) as session:
        logged = [(e.user_key, e.revealed) for e in access_entries(session=session)]
    assert logged == [("U-chef", "Hem-fliken (chef)"), ("U-mas", "Hem-fliken (MAS)")]


def test_home_button_opens_a_new_report_form(slack):
    view = home_of(slack, "U-usk", 1)  # the stand-in refuses a Home tab Slack would refuse
    assert slack.api.made("views.publish")[0].status == 200
    button = next(e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]
                  if e["text"]["text"] == "Ny synpunkt")
    slack.interact({"type": "block_actions", "user": {"id": "U-usk"}, "trigger_id": slack.trigger(),
                    "container": {"type": "view", "view_id": "V-home"}, "view": {"id": "V-home", "type": "home"},
                    "actions": [{**button, "block_id": "new_report", "action_ts": "1773147600.3"}]})
    [opened] = slack.api.wait_for("views.open", 1)
    assert opened.view()["title"]["text"] == "Ny synpunkt"


def test_an_unexpected_error_gives_the_user_a_reference_and_logs_the_same(slack, caplog):
    def broken(message):
        raise RuntimeError("trasig")

    slack.deps.dialogue.handle = broken
    with caplog.at_level("ERROR", logger="bot.slack.app_factory"):
        slack.dm("hjälp")
        [answer] = slack.api.wait_for("chat.postMessage", 1)
    assert "gick fel" in answer.params["text"]
    reference = answer.params["text"].rsplit(" ", 1)[-1].rstrip(".")
    record = next(r for r in caplog.records if reference in r.getMessage())
    assert record.exc_info and "trasig" in str(record.exc_info[1])


def test_omsorgsbot_command_with_a_report_in_a_channel_moves_it_to_a_dm(slack):
    slack.command("/omsorgsbot", "brukare på Solgården ramlade i natt och slog i huvudet")
    [notice] = slack.api.wait_for("response_url", 1)
    assert notice.params["response_type"] == "ephemeral" and "direktmeddelande" in notice.params["text"]
    [dm] = slack.api.wait_for("chat.postMessage", 1)
    assert dm.params["channel"] == "DU-usk" and "huvudet" not in dm.params["text"]
    with session_scope(slack.db) as session:
        assert list(session.exec(select(Report))) == []
        assert list(session.exec(select(ConversationDraft))) == []
