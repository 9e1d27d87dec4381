"""Saving a confirmed report: the reference, thanks, next steps that fit, links and alerts.

The next steps come from the routine meant for the report: praise gets thanks and how praise is
passed on, a complaint or other synpunkt the synpunkter routine, an avvikelse the best routine of
its area. The staff-injury routine is never offered here (staff injuries are not stored as reports).
"""

from __future__ import annotations

import logging
import re

from sqlalchemy.exc import SQLAlchemyError

from intents.immediate_alerts import alert_notice, queue_alerts
from intents.messages import Reply
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.duplicate_check import note_possible_duplicate
from intents.report_dialogue.questions import CONTACT_NOTICE
from intents.routines.library import Routine
from intents.turn import Turn
from nlp_models.reports.synpunkt_details import is_praise
from storage.models import ReportCreate
from storage.reports import create_report, link_reports
from storage.units import get_or_create_unit, get_unit_by_name
from storage.vocabulary import Area, Consequence, ReportKind, Source

log = logging.getLogger(__name__)
DONE_MARK = " ✓ gjort enligt din rapport"
NEXT_STEPS_SHOWN = 4
UNKNOWN_UNIT = "Okänd enhet"


def routine_kind(draft: ReportDraft) -> str:
    """Which routines fit the report: "beröm", "synpunkt" or "avvikelse" (routine front matter report_kind)."""
    if draft.is_synpunkt:
        return "beröm" if is_praise(draft.description) else "synpunkt"
    return "avvikelse"


def _unit_type(turn: Turn, draft: ReportDraft) -> str | None:
    unit = get_unit_by_name(session=turn.session, name=draft.unit) if draft.unit else None
    return unit.type if unit is not None else None


def routine_for(turn: Turn, draft: ReportDraft) -> Routine | None:
    """The routine to follow after this report: among the routines for its kind (and, for an avvikelse, its
    area) written for its kind of unit (a home-care routine never for a nursing home), the one that best
    matches the description. A weak match falls back to the general routine (`fallback: true`)."""
    kind = routine_kind(draft)
    unit_type = _unit_type(turn, draft)
    routines = [r for r in turn.services.routines.routines if r.report_kind == kind and r.fits_unit_type(unit_type)]
    fitting = [r for r in routines if kind != "avvikelse" or r.area.value == draft.area]
    general = next((r for r in routines if r.fallback), None)
    search = turn.services.routine_search
    hits = [h for h in search.search(draft.description, limit=10) if h.routine in fitting]
    if hits and (hits[0].score >= search.min_score or general is None):
        return hits[0].routine
    if len(fitting) == 1:  # the one routine of its area ("Efter ett fall")
        return fitting[0]
    return general or (fitting[0] if fitting else None)


def _action_labels(turn: Turn, text: str | None) -> set[str]:
    """The kinds of action a text tells ("ssk kontaktad"), by the same rules that read the report."""
    found = turn.services.nlu.reports.analyze(text).immediate_action if text and text.strip() else None
    return set(found.split("; ")) if found else set()


def _next_steps(turn: Turn, draft: ReportDraft) -> str:
    """The routine's first steps; a step the report says is already done ("Ring sjuksköterskan
    direkt" after "ssk kontaktad") is marked, so the list does not tell the reporter to do it again."""
    routine = routine_for(turn, draft)
    if routine is None or not routine.steps:
        return ""
    done = _action_labels(turn, draft.immediate_action)
    lines = []
    for i, step in enumerate(routine.steps[:NEXT_STEPS_SHOWN], 1):
        asks = _action_labels(turn, re.split(r"(?<=[.!])\s", step, maxsplit=1)[0])  # the instruction itself
        lines.append(f"{i}. {step}" + (DONE_MARK if asks and asks <= done else ""))
    return f"\n\nNästa steg enligt rutinen ”{routine.title}”:\n" + "\n".join(lines)


def _thanks(draft: ReportDraft, reference: str) -> str:
    if not draft.is_synpunkt:
        return (f"Tack! Avvikelsen är registrerad som {reference}. "
                "Vi rapporterar händelsen, inte personen – bra att du skrev. Du får besked när den är hanterad.")
    if routine_kind(draft) == "beröm":
        return (f"Tack för att du för berömmet vidare! Det är registrerat som {reference}, och enhetschefen "
                "ser till att det når dem som berömts.")
    text = f"Tack! Synpunkten är registrerad som {reference}. Närmaste chef tar hand om den"
    if draft.contact_wanted in ("telefon", "skriftligt"):
        return f"{text} och återkommer {'per telefon' if draft.contact_wanted == 'telefon' else 'skriftligt'}. {CONTACT_NOTICE}"
    return text + "."


def submit(turn: Turn, draft: ReportDraft) -> Reply | None:
    """Store the report; None if the database refused (the caller keeps the draft and says so)."""
    session = turn.session
    consequence = None if draft.is_synpunkt or not draft.consequence else Consequence(draft.consequence)
    try:
        with session.begin_nested():
            unit = get_or_create_unit(session=session, name=draft.unit or UNKNOWN_UNIT)
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
                    occurred_precision=draft.occurred_precision(),
                    reporter_id=turn.person.id,
                    description=draft.description,
                    immediate_action=draft.immediate_action,
                    consequence=consequence,
                    severe=draft.is_severe,
                    lex_sarah_candidate=draft.lex_sarah,
                    lex_maria_candidate=draft.lex_maria,
                    given_by=draft.given_by if draft.is_synpunkt else None,
                    contact_wanted=draft.contact_wanted if draft.is_synpunkt else None,
                    source=Source(turn.message.source),
                ),
            )
            for ref in draft.linked:  # the link is kept where the other report exists
                link_reports(session=session, report=report, other_reference=ref, actor_id=turn.person.id,
                             now=turn.now)
            note_possible_duplicate(turn, draft, report)
    except SQLAlchemyError:
        log.exception("saving a report failed")
        return None
    alerted = _alert(turn, report, unit.name)
    text = _thanks(draft, report.reference) + alerted
    if draft.linked:
        # Said of every reference written, whether it exists or not: the reporter may not see the
        # other report, and the answer must not tell which references exist (see docs/security.md).
        text += f" Hänvisningen till {', '.join(draft.linked)} finns med, så den som hanterar rapporten ser den."
    return Reply(text + _next_steps(turn, draft))


def _alert(turn: Turn, report, unit_name: str) -> str:
    """Severe reports go to the MAS at once; lex Sarah candidates also to the SAS and the unit's chef.
    Queued in the report's transaction; returns what the reporter is told about it."""
    recipients, queued = queue_alerts(session=turn.session, report=report, unit_name=unit_name, now=turn.now,
                                      mas_user_ids=turn.services.mas_user_ids,
                                      sas_user_ids=turn.services.sas_user_ids)
    turn.outbox.extend(queued)
    return alert_notice(recipients)
