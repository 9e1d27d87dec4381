"""Who should be reminded of what today.

- a report still "ny" after N working days → the chefs of its unit (the MAS when the unit has none);
- "åtgärdad" but no återkoppling to the reporter N days after → the chefs of its unit (or the MAS);
- a lex Maria candidate not assessed within N hours → the MAS; a lex Sarah candidate → the SAS and
  the MAS.
Everything for one person becomes one message (intents/reminders/text.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from intents.reminders.calendar import working_days_back
from storage.people import managers_of, user_ids_with_role
from storage.reminder_queries import Waiting, done_without_feedback_before, new_reports_before, unassessed_lex_before
from storage.vocabulary import Role

NEW, NO_FEEDBACK, LEX_MARIA, LEX_SARAH = "new", "no_feedback", "lex_maria", "lex_sarah"
REASONS = (LEX_MARIA, LEX_SARAH, NEW, NO_FEEDBACK)  # the order in a message: the most urgent first


@dataclass(frozen=True)
class ReminderPeriods:
    """How long something may wait before it is reminded of (settings REMINDER_*)."""

    new_working_days: int = 3
    feedback_days: int = 7
    lex_hours: int = 24


@dataclass(frozen=True)
class ReminderItem:
    reason: str  # NEW, NO_FEEDBACK, LEX_MARIA, LEX_SARAH
    waiting: Waiting


def role_holders(session: Session, role: Role, configured: Sequence[str]) -> list[str]:
    """Everyone with the role, and the user ids the settings name for it."""
    return list(dict.fromkeys([*user_ids_with_role(session=session, role=role), *configured]))


def select_reminders(*, session: Session, now: datetime, periods: ReminderPeriods,
                     mas_user_ids: Sequence[str] = (), sas_user_ids: Sequence[str] = ()) -> dict[str, list[ReminderItem]]:
    """recipient → what is waiting for them, oldest first within each reason."""
    mas = role_holders(session, Role.MAS, mas_user_ids)
    sas = role_holders(session, Role.SAS, sas_user_ids)
    chefs: dict[int, list[str]] = {}

    def chefs_of(unit_id: int) -> list[str]:
        if unit_id not in chefs:
            chefs[unit_id] = [p.platform_user_id for p in managers_of(session=session, unit_id=unit_id)] or mas
        return chefs[unit_id]

    out: dict[str, list[ReminderItem]] = defaultdict(list)

    def add(recipients: Sequence[str], reason: str, waiting: Waiting) -> None:
        for recipient in dict.fromkeys(recipients):
            out[recipient].append(ReminderItem(reason, waiting))

    lex_before = now - timedelta(hours=periods.lex_hours)
    for waiting in unassessed_lex_before(session=session, law="lex maria", before=lex_before):
        add(mas, LEX_MARIA, waiting)
    for waiting in unassessed_lex_before(session=session, law="lex sarah", before=lex_before):
        add([*sas, *mas], LEX_SARAH, waiting)
    for waiting in new_reports_before(session=session, before=working_days_back(now, periods.new_working_days)):
        add(chefs_of(waiting.unit_id), NEW, waiting)
    for waiting in done_without_feedback_before(session=session, before=now - timedelta(days=periods.feedback_days)):
        add(chefs_of(waiting.unit_id), NO_FEEDBACK, waiting)
    return dict(out)
