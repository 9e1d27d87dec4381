"""Saving a handling update: permissions, the rule that a lex case is not closed before the affected
person is informed, the history, the reporter's feedback, and a confirmation that lists every field
in full. `describe` words the same lines for a proposal that is not saved yet."""

from __future__ import annotations

from dataclasses import replace

from intents.report_handling.commands import FIELD_LABELS, LexDecision, UpdateCommand
from intents.report_handling.feedback import FeedbackOutcome, send_feedback
from intents.report_handling.permissions import COMMENT_ONLY, HandlingScope, lex_refusal
from intents.report_handling.report_text import LAW_NAMES
from intents.swedish_dates import format_date, format_moment
from intents.turn import Turn
from nlp_models.personal_data.masking import EPOST, PERSONNUMMER, TELEFONNUMMER
from storage.lex_assessments import lex_assessments, record_lex_assessment
from storage.report_queries import ReportInContext
from storage.reports import add_comment, record_informed, update_report
from storage.vocabulary import ReportStatus

_MASKED = {PERSONNUMMER: "personnummer", TELEFONNUMMER: "telefonnummer", EPOST: "e-postadresser"}
_ORDER = ("investigation", "cause", "cause_categories", "action", "feedback", "informed", "lex", "lagrum", "status",
          "comment")


def resolve_laws(command: UpdateCommand, found: ReportInContext) -> UpdateCommand | str:
    """Give each lex decision without a law the law of the report ("ej anmälningspliktig" on a lex
    Maria candidate); a question when the report does not tell which."""
    report = found.report
    resolved: list[LexDecision] = []
    for decision in command.lex:
        if decision.law is None:
            candidates = [law for law, on in (("lex sarah", report.lex_sarah_candidate),
                                               ("lex maria", report.lex_maria_candidate)) if on]
            if len(candidates) != 1:
                return (f"Gäller bedömningen lex Sarah eller lex Maria? Skriv t.ex. ”{report.reference} lex maria: "
                        f"{decision.decision or 'ej anmälningspliktig'}”.")
            decision = replace(decision, law=candidates[0])
        resolved.append(decision)
    return replace(command, lex=tuple(resolved))


_STARTS_WORK = ("investigation", "cause", "action")


def advance_status(command: UpdateCommand, found: ReportInContext) -> UpdateCommand:
    """A report still "ny" moves to "utreds" when someone writes its investigation, cause or action
    without saying a status: the work has begun, and the queues should show it."""
    changes = command.changes
    if (found.report.status != ReportStatus.NY.value or changes.status is not None
            or not any(getattr(changes, f) for f in _STARTS_WORK)):
        return command
    return replace(command, changes=changes.model_copy(update={"status": ReportStatus.UTREDS}), status_moved=True)


def settle(command: UpdateCommand, found: ReportInContext) -> UpdateCommand | str:
    """The command as it applies to this report: laws resolved, status moved on; a question when the
    report does not tell which law."""
    resolved = resolve_laws(command, found)
    return advance_status(resolved, found) if isinstance(resolved, UpdateCommand) else resolved


def refusal(turn: Turn, scope: HandlingScope, found: ReportInContext, command: UpdateCommand) -> str | None:
    """Why this person may not save this update, or None."""
    if command.has_field_changes and not scope.may_update:
        return COMMENT_ONLY.format(reference=found.report.reference)
    for decision in command.lex:
        why = lex_refusal(session=turn.session, person=turn.person, unit_id=found.report.unit_id, law=decision.law,
                          mas_user_ids=turn.services.mas_user_ids, sas_user_ids=turn.services.sas_user_ids)
        if why:
            return why
    return None


def _is_lex_case(turn: Turn, found: ReportInContext, command: UpdateCommand) -> bool:
    report = found.report
    return bool(report.lex_sarah_candidate or report.lex_maria_candidate or command.lex
                or lex_assessments(session=turn.session, report_id=report.id))


def _closing_blocked(turn: Turn, found: ReportInContext, command: UpdateCommand) -> bool:
    closing = command.changes.status == ReportStatus.AVSLUTAD and found.report.status != ReportStatus.AVSLUTAD.value
    informed = found.report.affected_informed_at is not None or command.informed is not None
    return closing and not informed and _is_lex_case(turn, found, command)


def _value_line(field: str, text: str) -> str:
    return f"• {FIELD_LABELS[field]}: {text}"


def describe(command: UpdateCommand, found: ReportInContext, turn: Turn) -> list[str]:
    """One line per field, in full, in the order the fields are usually worked through."""
    report = found.report
    reference = report.reference
    changes = command.changes.model_dump(exclude_none=True)
    lines: list[str] = []
    for field in _ORDER:
        if field == "lex":
            for decision in command.lex:
                law = LAW_NAMES.get(decision.law or "", "lex Sarah/lex Maria")
                parts = [p for p in (decision.outcome, decision.decision) if p]
                text = ", ".join(parts)
                if decision.reported_on:
                    text += f" {format_date(decision.reported_on)}"
                if decision.motivation:
                    text += f" – motivering: {decision.motivation}"
                lines.append(f"• {law}: {text} (bedömd av {turn.person.display_name or turn.person.platform_user_id}"
                             f" {format_moment(turn.now, turn.now)})")
        elif field == "informed" and command.informed is not None:
            note = f"{command.informed.note} " if command.informed.note else ""
            lines.append(f"• berörd informerad: {note}({format_moment(command.informed.on, turn.now)})")
        elif field == "comment" and command.comment:
            lines.append(f"• kommentar sparad: {command.comment}")
        elif field in ("status", "lagrum") and field in changes:
            new = getattr(changes[field], "value", changes[field])
            old = getattr(report, field)
            line = (f"• {FIELD_LABELS[field]}: {old or '–'} → {new}" if old != new
                    else f"• {FIELD_LABELS[field]}: {new} (som förut)")
            if field == "status" and command.status_moved:
                line += " (eftersom arbetet med den har börjat – ändra med ”status …”)"
            lines.append(line)
        elif field == "cause" and "cause" in changes:
            lines.append(_value_line("cause", changes["cause"]))
            categories = changes.get("cause_categories")
            if categories and categories != changes["cause"]:
                how = "" if command.categories_from_words else " (jag hittade ingen kategori i texten)"
                lines.append(f"  orsakskategori: {categories}{how} – ändra med ”{reference} orsakskategori: …”")
        elif field == "cause_categories" and "cause_categories" in changes and "cause" not in changes:
            lines.append(_value_line("cause_categories", changes["cause_categories"]))
        elif field in changes and field not in ("status", "lagrum", "cause", "cause_categories"):
            lines.append(_value_line(field, changes[field]))
    return lines


def save_update(turn: Turn, scope: HandlingScope, found: ReportInContext, command: UpdateCommand) -> str:
    """Save the update and say, in full, what was saved (or why not)."""
    report = found.report
    reference = report.reference
    resolved = settle(command, found)
    if isinstance(resolved, str):
        return resolved
    command = resolved
    why_not = refusal(turn, scope, found, command)
    if why_not:
        return why_not
    notes: list[str] = []
    if _closing_blocked(turn, found, command):
        command = replace(command, changes=command.changes.model_copy(update={"status": None}))
        notes.append(f"Jag har inte avslutat {reference}: det kan vara ett lex Sarah- eller lex Maria-fall, och det "
                     f"finns ingen uppgift om att den berörda (eller närstående) är informerad. Skriv t.ex. "
                     f"”{reference} berörd informerad: dottern informerad per telefon” först.")
    lines = describe(command, found, turn)
    actor = turn.person.id
    if command.informed is not None:
        record_informed(session=turn.session, report=report, note=command.informed.note, on=command.informed.on,
                        actor_id=actor, now=turn.now)
    changed = update_report(session=turn.session, report=report, changes=command.changes, actor_id=actor,
                            now=turn.now)
    if command.comment:
        add_comment(session=turn.session, report=report, text=command.comment, actor_id=actor, now=turn.now)
    for decision in command.lex:
        record_lex_assessment(session=turn.session, report=report, law=decision.law, outcome=decision.outcome,
                              decision=decision.decision, reported_on=decision.reported_on, actor_id=actor,
                              now=turn.now, motivation=decision.motivation)
    saved = changed or command.comment or command.informed is not None or command.lex
    if not saved:
        turn.log_access(f"{reference}: inget ändrat")
        return "\n".join([f"Inget behövde ändras – {reference} har redan de uppgifterna.", *notes])
    out = [f"Klart! {reference} är uppdaterad:", *lines]
    if command.masked:
        out.append("Jag dolde " + " och ".join(_MASKED[k] for k in command.masked) + " i texten.")
    if command.not_understood:
        out.append("Det här förstod jag inte och sparade inte: " + ", ".join(f"”{t}”" for t in command.not_understood))
    out += notes
    outcome = send_feedback(turn, found, changed)
    if outcome is FeedbackOutcome.SENT:
        out.append("Jag har skickat ett tack och besked om vad som hänt till den som rapporterade.")
        if not report.feedback:
            out.append(f"Vill du skriva en egen återkoppling? Skriv ”{reference} återkoppling: …”.")
    elif outcome is FeedbackOutcome.ALREADY_SENT:
        out.append("Den som rapporterade har redan fått besked om det här, så jag skickade inget nytt.")
    elif outcome is FeedbackOutcome.NO_REPORTER:
        out.append("Den som rapporterade finns inte hos mig (t.ex. en importerad rapport), "
                   "så ge återkoppling på annat sätt.")
    what = [*changed, *(["kommentar"] if command.comment else []), *(["berörd informerad"] if command.informed else []),
            *(d.law for d in command.lex)]
    turn.log_access(f"{reference} uppdaterad: " + ", ".join(dict.fromkeys(what)))
    return "\n".join(out)
