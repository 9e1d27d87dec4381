"""Telling the reporter what came of their report, automatically and once per event.

Events: an action (åtgärd) is written, the status becomes åtgärdad or avslutad, or återkoppling
text is written. The message goes into `turn.outbox` (sent after commit); each event claims a
send-once key `feedback:{reference}:{field}:{hash of value}`, so repeating an update sends nothing.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum

from intents.report_handling.report_text import short_date
from intents.turn import Turn
from nlp_models.text.normalize import fold
from storage.models import Report
from storage.notifications import claim_notification
from storage.report_queries import ReportInContext
from storage.vocabulary import ReportStatus, Role

_DONE_STATUSES = (ReportStatus.ATGARDAD.value, ReportStatus.AVSLUTAD.value)
_FROM = {Role.CHEF.value: "din chef", Role.MAS.value: "MAS"}


class FeedbackOutcome(StrEnum):
    SENT = "sent"
    NOTHING_TO_TELL = "nothing"  # no action, closing or återkoppling in this change
    ALREADY_SENT = "already_sent"
    NO_REPORTER = "no_reporter"  # e.g. imported without a reporter known to the bot
    OWN_REPORT = "own_report"  # the handler reported it themselves


def feedback_events(report: Report, changed: list[str]) -> list[tuple[str, str]]:
    """(field, value) for each change the reporter should hear about."""
    events: list[tuple[str, str]] = []
    if "action" in changed and report.action:
        events.append(("action", report.action))
    if "status" in changed and report.status in _DONE_STATUSES:
        events.append(("status", report.status))
    if "feedback" in changed and report.feedback:
        events.append(("feedback", report.feedback))
    return events


def feedback_key(reference: str, field: str, value: str) -> str:
    digest = hashlib.sha256(" ".join(fold(value).split()).encode()).hexdigest()[:16]
    return f"feedback:{reference}:{field}:{digest}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def feedback_message(found: ReportInContext, fields: set[str], *, handler_role: str, now) -> str:
    report = found.report
    noun = "synpunkt" if report.kind == "synpunkt" else "rapport"
    what = f"{report.area} på " if report.kind != "synpunkt" and report.area != "övrigt" else ""
    lines = [f"Tack för din {noun} {report.reference} ({what}{found.unit_name} {short_date(report.occurred_at, now)})."]
    if fields & {"action", "status"}:
        done = report.status if report.status in _DONE_STATUSES else None
        if done and report.action:
            lines.append(f"Den är nu {done}: {_sentence(report.action)}")
        elif done:
            lines.append(f"Den är nu {done}.")
        elif report.action:
            lines.append(f"Det här ska göras: {_sentence(report.action)}")
    if "feedback" in fields:
        lines.append(f"Återkoppling från {_FROM.get(handler_role, 'den som hanterar rapporten')}: "
                     f"{_sentence(report.feedback)}")
    lines.append("Det du rapporterar gör skillnad – tack!")
    return "\n".join(lines)


def send_feedback(turn: Turn, found: ReportInContext, changed: list[str]) -> FeedbackOutcome:
    """Queue the reporter's message for what `changed` brought, unless it was sent before."""
    report = found.report
    events = feedback_events(report, changed)
    if not events:
        return FeedbackOutcome.NOTHING_TO_TELL
    recipient = found.reporter_user_id
    if not recipient:
        return FeedbackOutcome.NO_REPORTER
    if report.reporter_id == turn.person.id:
        return FeedbackOutcome.OWN_REPORT
    fresh = {field for field, value in events
             if claim_notification(session=turn.session, key=feedback_key(report.reference, field, value),
                                   recipient=recipient, report_id=report.id)}
    if not fresh:
        return FeedbackOutcome.ALREADY_SENT
    turn.outbox.append((recipient, feedback_message(found, fresh, handler_role=turn.person.role, now=turn.now)))
    return FeedbackOutcome.SENT
