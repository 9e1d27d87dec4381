"""Saving a confirmed report: the reference, thanks, next steps from the routine, and alerts."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError

from intents.immediate_alerts import alert_notice, queue_alerts
from intents.messages import Reply
from intents.report_dialogue.draft import ReportDraft
from intents.routines.library import Routine
from intents.turn import Turn
from storage.models import ReportCreate
from storage.reports import create_report
from storage.units import get_or_create_unit
from storage.vocabulary import Area, Consequence, ReportKind, Source

log = logging.getLogger(__name__)
NEXT_STEPS_SHOWN = 4


def routine_for(turn: Turn, draft: ReportDraft) -> Routine | None:
    """The routine to follow after this report: the best match among the routines of its area."""
    in_area = [r for r in turn.services.routines.routines if r.area.value == draft.area]
    if not in_area:
        return None
    hits = [h for h in turn.services.routine_search.search(draft.description, limit=10) if h.routine in in_area]
    return hits[0].routine if hits else in_area[0]


def _next_steps(turn: Turn, draft: ReportDraft) -> str:
    routine = routine_for(turn, draft)
    if routine is None or not routine.steps:
        return ""
    steps = "\n".join(f"{i}. {step}" for i, step in enumerate(routine.steps[:NEXT_STEPS_SHOWN], 1))
    return f"\n\nNästa steg enligt rutinen ”{routine.title}”:\n{steps}"


def submit(turn: Turn, draft: ReportDraft) -> Reply | None:
    """Store the report; None if the database refused (the caller keeps the draft and says so)."""
    session = turn.session
    try:
        with session.begin_nested():
            unit = get_or_create_unit(session=session, name=draft.unit or "Okänd enhet")
            report = create_report(
                session=session,
                actor_id=turn.person.id,
                now=turn.now,
                report_in=ReportCreate(
                    kind=ReportKind(draft.kind),
                    area=Area(draft.area),
                    secondary_areas=draft.secondary_areas,
                    unit_id=unit.id,
                    occurred_at=draft.occurred() or turn.now,
                    reporter_id=turn.person.id,
                    description=draft.description,
                    immediate_action=draft.immediate_action,
                    consequence=Consequence(draft.consequence) if draft.consequence else None,
                    severe=draft.severe or draft.consequence == "allvarlig",
                    lex_sarah_candidate=draft.lex_sarah,
                    lex_maria_candidate=draft.lex_maria,
                    given_by=draft.given_by,
                    contact_wanted=draft.contact_wanted,
                    source=Source(turn.message.source),
                ),
            )
    except SQLAlchemyError:
        log.exception("saving a report failed")
        return None
    alerted = _alert(turn, report, unit.name)
    if draft.is_synpunkt:
        text = (f"Tack! Synpunkten är registrerad som {report.reference}. "
                "Närmaste chef tar hand om den" + (" och återkommer." if draft.contact_wanted else "."))
    else:
        text = (f"Tack! Avvikelsen är registrerad som {report.reference}. "
                "Vi rapporterar händelsen, inte personen – bra att du skrev. Du får besked när den är hanterad.")
    return Reply(text + alerted + _next_steps(turn, draft))


def _alert(turn: Turn, report, unit_name: str) -> str:
    """Severe reports go to the MAS at once; lex Sarah candidates also to the SAS and the unit's chef.
    Queued in the report's transaction; returns what the reporter is told about it."""
    recipients, queued = queue_alerts(session=turn.session, report=report, unit_name=unit_name, now=turn.now,
                                      mas_user_ids=turn.services.mas_user_ids,
                                      sas_user_ids=turn.services.sas_user_ids)
    turn.outbox.extend(queued)
    return alert_notice(recipients)
