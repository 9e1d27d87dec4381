"""Immediate alerts about a flagged report: who gets one, under which key (so each is sent once),
and its one wording. Used at save time (the chat and the form) and by the scheduler's sweep.

Who: everyone with the role `mas`; for a lex Sarah candidate also everyone with the role `sas` and
the chefs of the report's unit. The settings' MAS_USER_IDS / SAS_USER_IDS are the fallback for a
role nobody has been given yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from intents.report_dialogue.questions import AREA_LABELS
from intents.swedish_dates import format_occurred
from storage.models import Report
from storage.outbox import enqueue_message
from storage.people import managers_of, user_ids_with_role
from storage.vocabulary import MessageKind, Role

SUMMARY_CHARS = 300


def is_severe(report: Report) -> bool:
    return bool(report.severe or report.consequence == "allvarlig")


def needs_alert(report: Report) -> bool:
    return is_severe(report) or bool(report.lex_sarah_candidate or report.lex_maria_candidate)


def alert_key(reference: str, recipient: str) -> str:
    return f"alert:{reference}:{recipient}"


def role_holders(*, session: Session, role: Role, fallback: Sequence[str]) -> list[str]:
    """Who has `role` in the database; the configured ids when no one has it yet."""
    return user_ids_with_role(session=session, role=role) or list(dict.fromkeys(fallback))


@dataclass(frozen=True)
class AlertRecipients:
    mas: tuple[str, ...] = ()
    sas: tuple[str, ...] = ()
    chefs: tuple[str, ...] = ()

    def all(self) -> list[str]:
        return list(dict.fromkeys(self.mas + self.sas + self.chefs))

    def told(self) -> str:
        """Who was alerted, in words for the reporter; empty when no one was."""
        names = [name for name, who in (("MAS", self.mas), ("SAS", self.sas), ("enhetschefen", self.chefs)) if who]
        if not names:
            return ""
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def alert_recipients(*, session: Session, report: Report, mas_user_ids: Sequence[str],
                     sas_user_ids: Sequence[str]) -> AlertRecipients:
    """The MAS; for a lex Sarah candidate also the SAS and the unit's chefs."""
    mas = tuple(role_holders(session=session, role=Role.MAS, fallback=mas_user_ids))
    if not report.lex_sarah_candidate:
        return AlertRecipients(mas=mas)
    sas = tuple(r for r in role_holders(session=session, role=Role.SAS, fallback=sas_user_ids) if r not in mas)
    chefs = tuple(p.platform_user_id for p in managers_of(session=session, unit_id=report.unit_id)
                  if p.platform_user_id not in mas + sas)
    return AlertRecipients(mas=mas, sas=sas, chefs=chefs)


def alert_text(report: Report, unit_name: str, now: datetime) -> str:
    reasons = [name for name, on in (("allvarlig händelse", is_severe(report)),
                                     ("möjlig lex Sarah", report.lex_sarah_candidate),
                                     ("möjlig lex Maria", report.lex_maria_candidate)) if on]
    area_label = AREA_LABELS.get(report.area, str(report.area))
    when = format_occurred(report.occurred_at, report.occurred_precision, now) if report.occurred_at else "okänd tid"
    summary = " ".join(report.description.split())[:SUMMARY_CHARS]
    return (f"⚠️ {report.reference}: {' och '.join(reasons)} på {unit_name} ({area_label.lower()}, {when}).\n"
            f"”{summary}”\n"
            "Boten flaggar bara – ni bedömer.")


def queue_alerts(*, session: Session, report: Report, unit_name: str, now: datetime, mas_user_ids: Sequence[str],
                 sas_user_ids: Sequence[str]) -> tuple[AlertRecipients, list[tuple[str, str]]]:
    """Queue the report's alerts in the caller's transaction, each recipient once ever.
    Returns who is alerted and the (recipient, text) pairs queued now."""
    if not needs_alert(report):
        return AlertRecipients(), []
    recipients = alert_recipients(session=session, report=report, mas_user_ids=mas_user_ids,
                                  sas_user_ids=sas_user_ids)
    text = alert_text(report, unit_name, now)
    queued = [(r, text) for r in recipients.all()
              if enqueue_message(session=session, kind=MessageKind.ALERT, recipient=r, text=text,
                                 dedupe_key=alert_key(report.reference, r), report_id=report.id, now=now)]
    return recipients, queued


def alert_notice(recipients: AlertRecipients) -> str:
    """The sentence the reporter reads after saving a flagged report ('' when nobody could be told)."""
    told = recipients.told()
    return f" {told[0].upper()}{told[1:]} får veta direkt." if told else ""
