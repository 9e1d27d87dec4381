"""/avvikelse and /synpunkt: a prefilled form, Swedish errors per field, then saved like the chat flow."""

from __future__ import annotations

from sqlmodel import select

from storage.database import session_scope
from storage.models import Report


def stored_reports(slack) -> list[Report]:
    with session_scope(slack.db) as session:
        return list(session.exec(select(Report).order_by(Report.id)))


def block(view: dict, block_id: str) -> dict:
    return next(b for b in view["blocks"] if b.get("block_id") == block_id)


def text(value: str | None) -> dict:
    return {"type": "plain_text_input", "value": value}


def option(value: str | None) -> dict:
    return {"type": "static_select", "selected_option": {"value": value} if value else None}


def test_avvikelse_form_prefilled_then_error_then_saved(slack):
    response = slack.command("/avvikelse", "brukare på Solgården hittad på golvet i natt kl 3, ssk kontaktad, 19450101-1234")
    assert response.status == 200
    [opened] = slack.api.wait_for("views.open", 1)
    assert opened.params["trigger_id"].startswith("trigger-")
    view = opened.view()
    assert view["type"] == "modal" and view["title"]["text"] == "Ny avvikelse"
    description = block(view, "description")["element"]["initial_value"]
    assert "Solgården" in description and "19450101-1234" not in description  # masked before it is shown
    assert block(view, "area")["element"]["initial_option"]["value"] == "fall"
    assert block(view, "unit")["element"]["initial_option"]["value"] == "Solgården"
    assert block(view, "date")["element"]["initial_date"] == "2026-03-10"
    assert block(view, "time")["element"]["initial_time"] == "03:00"
    assert block(view, "action")["element"]["initial_value"]

    # Sent with a missing description, no consequence and a time in the future: errors per field.
    bad = slack.submit_view(view, {
        "description": text(""), "area": option("fall"), "unit": option("Solgården"),
        "date": {"type": "datepicker", "selected_date": "2026-03-10"},
        "time": {"type": "timepicker", "selected_time": "23:00"},
        "consequence": option(None), "action": text(None),
    })
    assert bad.status == 200
    answer = bad.json()
    assert answer["response_action"] == "errors"
    assert answer["errors"] == {
        "description": "Beskriv kort vad som hände.",
        "time": "Tiden ligger i framtiden. När hände det?",
        "consequence": "Välj om det blev någon skada.",
    }
    assert stored_reports(slack) == []

    good = slack.submit_view(view, {
        "description": text(description), "area": option("fall"), "unit": option("Solgården"),
        "date": {"type": "datepicker", "selected_date": "2026-03-10"},
        "time": {"type": "timepicker", "selected_time": "03:00"},
        "consequence": option("ingen"), "action": text("ssk kontaktad"),
    })
    assert good.status == 200 and good.text == ""
    [report] = stored_reports(slack)
    assert (report.kind, report.area, report.consequence, report.source) == ("avvikelse", "fall", "ingen", "slack")
    assert report.immediate_action == "ssk kontaktad"
    assert "19450101-1234" not in report.description
    confirmation = slack.api.wait_for("chat.postMessage", 1)[-1]
    assert confirmation.params["channel"] == "DU-usk"
    assert "AV-2026-00001" in confirmation.params["text"]
    assert slack.api.made("conversations.open")[0].params["users"] == "U-usk"


def test_the_same_submission_twice_saves_once(slack):
    slack.command("/avvikelse", "brukare på Solgården föll i natt kl 3")
    view = slack.api.wait_for("views.open", 1)[0].view()
    values = {
        "description": text("brukare på Solgården föll i natt"), "area": option("fall"), "unit": option("Solgården"),
        "date": {"type": "datepicker", "selected_date": "2026-03-10"},
        "time": {"type": "timepicker", "selected_time": "03:00"}, "consequence": option("lindrig"),
    }
    state_view = {**view, "id": "V-same", "hash": "h-same",
                  "state": {"values": {k: {"value": v} for k, v in values.items()}}}
    for _ in range(2):
        assert slack.interact({"type": "view_submission", "user": {"id": "U-usk"}, "view": state_view}).status == 200
    slack.api.wait_for("chat.postMessage", 1)
    slack.api.settle()
    assert len(stored_reports(slack)) == 1
    assert len(slack.api.made("chat.postMessage")) == 1


def test_synpunkt_form_asks_who_and_contact(slack):
    slack.command("/synpunkt", "")
    view = slack.api.wait_for("views.open", 1)[0].view()
    assert view["title"]["text"] == "Ny synpunkt"
    bad = slack.submit_view(view, {
        "description": text("anhörig tycker att maten är kall"), "area": option("övrigt"), "unit": option("Björkhagen"),
        "date": {"type": "datepicker", "selected_date": "2026-03-09"},
        "time": {"type": "timepicker", "selected_time": None},
        "given_by": option(None), "contact": option("telefon"),
    })
    assert bad.json()["errors"] == {"time": "Välj klockslag.", "given_by": "Välj vem som lämnade synpunkten."}
    good = slack.submit_view(view, {
        "description": text("anhörig tycker att maten är kall"), "area": option("övrigt"), "unit": option("Björkhagen"),
        "date": {"type": "datepicker", "selected_date": "2026-03-09"},
        "time": {"type": "timepicker", "selected_time": "12:00"},
        "given_by": option("anhörig"), "contact": option("telefon"),
    })
    assert good.status == 200
    [report] = stored_reports(slack)
    assert (report.kind, report.given_by, report.contact_wanted) == ("synpunkt", "anhörig", "telefon")
    assert "SP-2026-00001" in slack.api.wait_for("chat.postMessage", 1)[-1].params["text"]


def test_severe_report_alerts_the_mas_by_direct_message(slack):
    slack.command("/avvikelse", "")
    view = slack.api.wait_for("views.open", 1)[0].view()
    slack.submit_view(view, {
        "description": text("brukare på Solgården föll och bröt höften, ambulans tillkallad"),
        "area": option("fall"), "unit": option("Solgården"),
        "date": {"type": "datepicker", "selected_date": "2026-03-10"},
        "time": {"type": "timepicker", "selected_time": "08:00"}, "consequence": option("allvarlig"),
        "action": text("ambulans"),
    })
    opened = slack.api.wait_for("conversations.open", 2)
    assert {c.params["users"] for c in opened} == {"U-usk", "U-mas"}
    alert = next(c for c in slack.api.wait_for("chat.postMessage", 2) if c.params["channel"] == "DU-mas")
    assert "AV-2026-00001" in alert.params["text"] and "allvarlig" in alert.params["text"]


def _fall_values(description: str, action: str | None = None, **extra) -> dict:
    return {
        "description": text(description), "area": option("fall"), "unit": option("Solgården"),
        "date": {"type": "datepicker", "selected_date": "2026-03-10"},
        "time": {"type": "timepicker", "selected_time": "03:00"},
        "consequence": option("ingen"), "action": text(action), **extra,
    }


def test_formularet_fragar_en_gang_om_namn_och_byter_ut_dem_vid_ja(slack):
    from tests.slack.slack_rules import view_problems

    slack.command("/avvikelse", "")
    view = slack.api.wait_for("views.open", 1)[0].view()
    first = slack.submit_view(view, _fall_values("Astrid hittades på golvet i badrummet", "Kerstin ringde ssk"))
    answer = first.json()
    assert answer["response_action"] == "update"
    asked = answer["view"]
    assert view_problems(asked) == []
    question = block(asked, "names")
    assert "Astrid" in question["label"]["text"] and "Kerstin" in question["label"]["text"]
    # What was written stays in the form, nothing is saved yet.
    assert block(asked, "description")["element"]["initial_value"] == "Astrid hittades på golvet i badrummet"
    assert block(asked, "consequence")["element"]["initial_option"]["value"] == "ingen"
    assert stored_reports(slack) == []

    second = slack.submit_view(asked, _fall_values("Astrid hittades på golvet i badrummet", "Kerstin ringde ssk",
                                                   names=option("ja")))
    assert second.status == 200 and second.text == ""
    [report] = stored_reports(slack)
    assert "Astrid" not in report.description and "[namn]" in report.description
    assert report.immediate_action == "[namn] ringde ssk"
    receipt = slack.api.wait_for("chat.postMessage", 1)[-1].params["text"]
    assert "Jag bytte ut" in receipt and "AV-2026-00001" in receipt


def test_formularet_sparar_namnet_nar_skribenten_sager_nej(slack):
    slack.command("/avvikelse", "")
    view = slack.api.wait_for("views.open", 1)[0].view()
    asked = slack.submit_view(view, _fall_values("Astrid hittades på golvet i badrummet")).json()["view"]
    slack.submit_view(asked, _fall_values("Astrid hittades på golvet i badrummet", names=option("nej")))
    [report] = stored_reports(slack)
    assert report.description.startswith("Astrid hittades")


def test_formularet_fragar_inte_om_namn_utan_namn(slack):
    slack.command("/avvikelse", "")
    view = slack.api.wait_for("views.open", 1)[0].view()
    response = slack.submit_view(view, _fall_values("Brukaren hittades på golvet i badrummet på Solgården"))
    assert response.text == ""
    assert len(stored_reports(slack)) == 1


def test_synpunktsformularet_behaller_vem_och_kontakt_nar_det_fragar_om_namn(slack):
    slack.command("/synpunkt", "")
    view = slack.api.wait_for("views.open", 1)[0].view()
    values = {
        "description": text("Sonen till Gunnel tycker att maten är kall"), "area": option("övrigt"),
        "unit": option("Björkhagen"), "date": {"type": "datepicker", "selected_date": "2026-03-09"},
        "time": {"type": "timepicker", "selected_time": "12:00"},
        "given_by": option("anhörig"), "contact": option("telefon"),
    }
    asked = slack.submit_view(view, values).json()["view"]
    assert block(asked, "given_by")["element"]["initial_option"]["value"] == "anhörig"
    assert block(asked, "contact")["element"]["initial_option"]["value"] == "telefon"
