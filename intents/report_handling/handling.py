"""Handling reports in plain words: list the queue, open one report, update it, comment on it.

The engine routes here with `if handles(text): return answer_handling(turn)`. Every answer that
reveals report data is written to the access log; every change goes through
`storage.reports.update_report`, which records it in the report's history.
"""

from __future__ import annotations

from intents.messages import Reply
from intents.report_handling.commands import (
    FIELD_LABELS,
    CommandError,
    ListCommand,
    ShowCommand,
    UpdateCommand,
    find_reference,
    parse_command,
    parse_list,
)
from intents.report_handling.feedback import FeedbackOutcome, send_feedback
from intents.report_handling.permissions import COMMENT_ONLY, NO_UNITS, REFUSAL, HandlingScope, handling_scope
from intents.report_handling.report_text import queue_line, report_text, short_description
from intents.turn import Turn
from nlp_models.personal_data.masking import EPOST, PERSONNUMMER, TELEFONNUMMER
from storage.report_queries import Queue, ReportInContext, history_with_actors, queued_reports, report_in_context
from storage.reports import add_comment, update_report

LIST_LIMIT = 10
USAGE = ("Så här hanterar du rapporter:\n"
         "• ”visa nya avvikelser” eller ”vilka avvikelser är inte bedömda”\n"
         "• ”AV-2026-00042” för att öppna en rapport\n"
         "• ”AV-2026-00042 åtgärd: extra tillsyn nattetid, status åtgärdad”\n"
         "• ”AV-2026-00042 återkoppling: …” – den som rapporterade får beskedet direkt")
_QUEUE_TITLE = {Queue.NEW: "som ingen har börjat hantera", Queue.UNASSESSED: "som inte är bedömda ännu"}
_KIND_NOUN = {"avvikelse": ("avvikelse", "avvikelser"), "synpunkt": ("synpunkt", "synpunkter"),
              None: ("avvikelse eller synpunkt", "avvikelser och synpunkter")}
_QUEUE_LOG = {Queue.NEW: "lista nya", Queue.UNASSESSED: "lista ej bedömda"}
NOT_FOUND = ("Jag hittar ingen rapport {reference} bland dem du kan se. Kontrollera numret – det ser ut som "
             "AV-2026-00042 för avvikelser och SP-2026-00003 för synpunkter. Gäller den en annan enhet, "
             "hör av dig till MAS.")
_MASKED = {PERSONNUMMER: "personnummer", TELEFONNUMMER: "telefonnummer", EPOST: "e-postadresser"}


def handles(text: str) -> bool:
    """Cheap: does this message look like a handling command (a reference or a queue request)?"""
    return find_reference(text) is not None or parse_list(text) is not None


def answer_handling(turn: Turn) -> list[Reply]:
    scope = handling_scope(session=turn.session, person=turn.person)
    if scope is None:
        return [Reply(REFUSAL)]
    command = parse_command(turn.text)
    if command is None:
        return [Reply(USAGE)]
    if isinstance(command, CommandError):
        return [Reply(command.message)]
    if not scope.everything and not scope.unit_ids:
        return [Reply(NO_UNITS)]
    if isinstance(command, ListCommand):
        return [Reply(_list(turn, scope, command))]
    found = report_in_context(session=turn.session, reference=command.reference)
    if found is None or not scope.allows_unit(found.report.unit_id):
        # the same words whether it does not exist or belongs to another unit: nothing to learn from them
        return [Reply(NOT_FOUND.format(reference=command.reference))]
    if isinstance(command, ShowCommand):
        return [Reply(_show(turn, scope, found))]
    return [Reply(_update(turn, scope, found, command))]


def _log(turn: Turn, revealed: str) -> None:
    turn.log_access(revealed)


def _list(turn: Turn, scope: HandlingScope, command: ListCommand) -> str:
    page = queued_reports(session=turn.session, queue=command.queue, unit_ids=scope.listed_unit_ids,
                          kind=command.kind, limit=LIST_LIMIT)
    one, many = _KIND_NOUN[command.kind]
    where = "på alla enheter" if scope.everything else "på dina enheter"
    if not page.total:
        _log(turn, f"{_QUEUE_LOG[command.queue]}: 0")
        return f"Det finns inga {many} {where} {_QUEUE_TITLE[command.queue]} just nu."
    noun = one if page.total == 1 else many
    lines = [f"{page.total} {noun} {where} {_QUEUE_TITLE[command.queue]} (äldst först):"]
    lines += [queue_line(item, turn.now) for item in page.reports]
    if page.total > len(page.reports):
        lines.append(f"… och {page.total - len(page.reports)} till.")
    lines += ["", f"Skriv en referens, t.ex. ”{page.reports[0].reference}”, för att öppna den."]
    _log(turn, f"{_QUEUE_LOG[command.queue]}: {page.total}: "
               + ", ".join(item.reference for item in page.reports))
    return "\n".join(lines)


def _show(turn: Turn, scope: HandlingScope, found: ReportInContext) -> str:
    reference = found.report.reference
    history = history_with_actors(session=turn.session, report_id=found.report.id)
    if scope.may_update:
        hint = (f"Uppdatera med t.ex. ”{reference} åtgärd: …, status åtgärdad” eller "
                f"”{reference} återkoppling: …”.")
    else:
        hint = f"Kommentera med ”{reference} kommentar: …”."
    _log(turn, f"{reference} visad")
    return report_text(found, history, turn.now, hint=hint)


def _change_line(field: str, old: str | None, new: str | None) -> str:
    label = FIELD_LABELS[field]
    if field in ("status", "lagrum"):
        return f"• {label}: {old or '–'} → {new}"
    return f"• {label}: {short_description(new or '', 120)}"


def _update(turn: Turn, scope: HandlingScope, found: ReportInContext, command: UpdateCommand) -> str:
    report = found.report
    reference = report.reference
    if command.has_field_changes and not scope.may_update:
        return COMMENT_ONLY.format(reference=reference)
    before = {field: getattr(report, field) for field in command.changes.model_dump(exclude_none=True)}
    changed = update_report(session=turn.session, report=report, changes=command.changes,
                            actor_id=turn.person.id, now=turn.now) if command.has_field_changes else []
    if command.comment:
        add_comment(session=turn.session, report=report, text=command.comment, actor_id=turn.person.id)
    if not changed and not command.comment:
        _log(turn, f"{reference}: inget ändrat")
        return f"Inget behövde ändras – {reference} har redan de uppgifterna."
    lines = [f"Klart! {reference} är uppdaterad:"]
    lines += [_change_line(field, before[field], getattr(report, field)) for field in changed]
    if command.comment:
        lines.append("• kommentar sparad")
    if command.masked:
        lines.append("Jag dolde " + " och ".join(_MASKED[k] for k in command.masked) + " i texten.")
    outcome = send_feedback(turn, found, changed)
    if outcome is FeedbackOutcome.SENT:
        lines.append("Jag har skickat ett tack och besked om vad som hänt till den som rapporterade.")
        if not report.feedback:
            lines.append(f"Vill du skriva en egen återkoppling? Skriv ”{reference} återkoppling: …”.")
    elif outcome is FeedbackOutcome.ALREADY_SENT:
        lines.append("Den som rapporterade har redan fått besked om det här, så jag skickade inget nytt.")
    elif outcome is FeedbackOutcome.NO_REPORTER:
        lines.append("Den som rapporterade finns inte hos mig (t.ex. en importerad rapport), "
                     "så ge återkoppling på annat sätt.")
    _log(turn, f"{reference} uppdaterad: " + ", ".join([*changed, *(["kommentar"] if command.comment else [])]))
    return "\n".join(lines)
