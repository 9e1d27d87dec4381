"""Immediate alerts about a flagged report: who gets one, under which key (so each is sent once),
and its one wording. Used at save time (the chat and the form) and by the scheduler's sweep."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from intents.report_dialogue.questions import AREA_LABELS
from intents.swedish_dates import format_moment
from storage.models import Report
from storage.people import managers_of

SUMMARY_CHARS = 300


def is_severe(report: Report) -> bool:
    return bool(report.severe or report.consequence == "allvarlig")


def needs_alert(report: Report) -> bool:
    return is_severe(report) or bool(report.lex_sarah_candidate or report.lex_maria_candidate)


def alert_key(reference: str, recipient: str) -> str:
    return f"alert:{reference}:{recipient}"


def alert_recipients(*, session: Session, report: Report, mas_user_ids: Sequence[str],
                     sas_user_ids: Sequence[str]) -> list[str]:
    """The MAS; for a lex Sarah candidate also the unit's chefs and the SAS. Each once."""
    recipients = list(mas_user_ids)
    if report.lex_sarah_candidate:
        recipients += [p.platform_user_id for p in managers_of(session=session, unit_id=report.unit_id)]
        recipients += list(sas_user_ids)
    return list(dict.fromkeys(recipients))


def alert_text(report: Report, unit_name: str, now: datetime) -> str:
    reasons = [name for name, on in (("allvarlig händelse", is_severe(report)),
                                     ("möjlig lex Sarah", report.lex_sarah_candidate),
                                     ("möjlig lex Maria", report.lex_maria_candidate)) if on]
    area_label = AREA_LABELS.get(report.area, str(report.area))
    when = format_moment(report.occurred_at, now) if report.occurred_at else "okänd tid"
    summary = " ".join(report.description.split())[:SUMMARY_CHARS]
    return (f"⚠️ {report.reference}: {' och '.join(reasons)} på {unit_name} ({area_label.lower()}, {when}).\n"
            f"”{summary}”\n"
            "Boten flaggar bara – ni bedömer.")
