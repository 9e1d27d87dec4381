"""Telling the reporter what came of their report, automatically and once per event.

Events: an action (åtgärd) is written, the status becomes åtgärdad or avslutad, or återkoppling
text is written. The message is queued in the outbox in the update's transaction (`Turn.notify`,
sent after commit); its dedupe key lists the events it tells of, `feedback:{reference}:{field}:{hash
of value},…`, so repeating an update sends nothing and only new events make a new message.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum

from intents.report_handling.report_text import short_date
from intents.turn import Turn
from nlp_models.text.normalize import fold
from storage.models import Report
from storage.outbox import keys_with_prefix
from storage.report_queries import ReportInContext
from storage.vocabulary import MessageKind, ReportStatus, Role

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


def event_key(field: str, value: str) -> str:
    digest = hashlib.sha256(" ".join(fold(value).split()).encode()).hexdigest()[:16]
    return f"{field}:{digest}"  # as in the keys before the outbox, so those still count


def feedback_key(reference: str, event_keys: list[str]) -> str:
    return f"feedback:{reference}:{','.join(event_keys)}"


def told_events(turn: Turn, reference: str) -> set[str]:
    """The events the reporter has been (or is being) told of: read from the queued messages' keys."""
    prefix = f"feedback:{reference}:"
    return {event for key in keys_with_prefix(session=turn.session, prefix=prefix)
            for event in key[len(prefix):].split(",")}


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
    told = told_events(turn, report.reference)
    fresh = {field: event_key(field, value) for field, value in events if event_key(field, value) not in told}
    if not fresh:
        return FeedbackOutcome.ALREADY_SENT
    turn.notify(kind=MessageKind.FEEDBACK, recipient=recipient,
                text=feedback_message(found, set(fresh), handler_role=turn.person.role, now=turn.now),
                dedupe_key=feedback_key(report.reference, sorted(fresh.values())), report_id=report.id)
    return FeedbackOutcome.SENT
