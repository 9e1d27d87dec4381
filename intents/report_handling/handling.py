"""Handling reports in plain words: the lists, one report, updates (saved, or proposed first when
read from everyday words), lex assessments and duplicates.

The engine routes here with `if handles(text): return answer_handling(turn)`. Every answer that
reveals report data is written to the access log; every change goes through `storage.reports`,
which records it in the report's history. Someone who may not handle reports still sees what came
of their own report ("hur gick det med AV-…?").
"""

from __future__ import annotations

from intents.messages import Reply
from intents.own_reports import outcome_text
from intents.paged_lists import show_list
from intents.references import find_reference
from intents.report_handling.commands import (
    CommandError,
    DuplicateCommand,
    ShowCommand,
    UpdateCommand,
    parse_command,
)
from intents.report_handling.follow_up import remember
from intents.report_handling.lists import ListCommand, list_params, parse_list
from intents.report_handling.permissions import NO_UNITS, REFUSAL, HandlingScope, turn_scope
from intents.report_handling.proposals import propose
from intents.report_handling.report_text import Extras, report_text
from intents.report_handling.updates import refusal, save_update, settle
from intents.turn import Turn
from nlp_models.questions.statistics_focus import unit_mention
from storage.lex_assessments import lex_assessments
from storage.report_queries import ReportInContext, history_with_actors, report_in_context
from storage.reports import first_of_event, get_report, get_report_by_id, mark_duplicate

USAGE = ("Så här hanterar du rapporter:\n"
         "• ”visa nya avvikelser [på Solgården]”, ”visa obedömda avvikelser”, ”visa avvikelser utan återkoppling”, "
         "”visa allvarliga”, ”lista lex maria” – ”visa fler” ger nästa sida\n"
         "• ”AV-2026-00042” för att öppna en rapport\n"
         "• ”AV-2026-00042 utredning: … . orsak: … . åtgärd: … . status åtgärdad”\n"
         "• ”AV-2026-00042 återkoppling: …” – den som rapporterade får beskedet direkt\n"
         "• ”AV-2026-00042 lex maria: anmäls till IVO” och ”AV-2026-00042 berörd informerad”\n"
         "• ”AV-2026-00043 är dubblett av AV-2026-00042”")
# the same words whether a report does not exist or belongs to another unit: nothing to learn from them
NOT_FOUND = ("Jag hittar ingen rapport {reference} bland dem du kan se. Kontrollera numret – det ser ut som "
             "AV-2026-00042 för avvikelser och SP-2026-00003 för synpunkter. Gäller den en annan enhet, "
             "hör av dig till MAS.")


def handles(text: str) -> bool:
    """Cheap: does this message look like a handling command (a reference or a list request)?"""
    return find_reference(text) is not None or parse_list(text) is not None


def answer_handling(turn: Turn) -> list[Reply]:
    scope = turn_scope(turn)
    command = parse_command(turn.text, turn.now)
    reference = getattr(command, "reference", None)
    found = report_in_context(session=turn.session, reference=reference) if reference else None
    own = found is not None and found.report.reporter_id == turn.person.id
    if own and isinstance(command, ShowCommand) and (scope is None or not scope.allows_unit(found.report.unit_id)):
        return [Reply(outcome_text(turn, found))]  # the reporter's own view, whatever the role
    if scope is None:
        return [Reply(REFUSAL)]
    if command is None:
        return [Reply(USAGE)]
    if isinstance(command, CommandError):
        return [Reply(command.message)]
    if not scope.everything and not scope.unit_ids:
        return [Reply(NO_UNITS)]
    if isinstance(command, ListCommand):
        return _list(turn, command)
    if found is None or not scope.allows_unit(found.report.unit_id):
        return [Reply(NOT_FOUND.format(reference=command.reference))]
    remember(turn, found.report.reference)  # follow-ups without a reference go to it for a while
    if isinstance(command, ShowCommand):
        return [Reply(_show(turn, scope, found))]
    if isinstance(command, DuplicateCommand):
        return [Reply(_duplicate(turn, scope, found, command))]
    return _update(turn, scope, found, command)


def _list(turn: Turn, command: ListCommand) -> list[Reply]:
    unit_name = turn.understand().question.unit
    if unit_name is None and command.unit_words:
        mention = unit_mention(turn.text) or command.unit_words
        nearest = turn.services.nlu.units.suggest(mention)
        hint = f" Menar du {' eller '.join(nearest)}?" if nearest else ""
        return [Reply(f"Jag hittar ingen enhet som heter ”{mention}”.{hint}")]
    return [show_list(turn, "queue", list_params(command, unit_name))]


def extras(turn: Turn, found: ReportInContext) -> Extras:
    report = found.report
    references = {}
    for key in ("duplicate_of_id", "possible_duplicate_of_id"):
        other_id = getattr(report, key)
        if other_id is not None:
            other = get_report_by_id(session=turn.session, report_id=other_id)
            references[key] = other.reference if other else None
    return Extras(assessments=tuple(lex_assessments(session=turn.session, report_id=report.id)),
                  duplicate_of=references.get("duplicate_of_id"),
                  possible_duplicate_of=references.get("possible_duplicate_of_id"))


def _show(turn: Turn, scope: HandlingScope, found: ReportInContext) -> str:
    reference = found.report.reference
    history = history_with_actors(session=turn.session, report_id=found.report.id)
    if scope.may_update:
        hint = (f"Uppdatera med t.ex. ”{reference} orsak: … . åtgärd: … . status åtgärdad” eller "
                f"”{reference} återkoppling: …”.")
    else:
        hint = f"Kommentera med ”{reference} kommentar: …”."
    turn.log_access(f"{reference} visad")
    return report_text(found, history, turn.now, hint=hint, extras=extras(turn, found))


def _update(turn: Turn, scope: HandlingScope, found: ReportInContext, command: UpdateCommand) -> list[Reply]:
    if command.proposal:
        resolved = settle(command, found)
        why_not = refusal(turn, scope, found, resolved if isinstance(resolved, UpdateCommand) else command)
        if why_not:
            return [Reply(why_not)]
        turn.log_access(f"{found.report.reference} förslag visat")
        return propose(turn, command)
    return [Reply(save_update(turn, scope, found, command))]


def _duplicate(turn: Turn, scope: HandlingScope, found: ReportInContext, command: DuplicateCommand) -> str:
    report = found.report
    if not scope.may_update:
        return f"Dubbletter markeras av enhetschefen eller MAS. Du kan kommentera {report.reference}."
    original = None
    if command.original is not None:
        original = get_report(session=turn.session, reference=command.original)
        if original is None:
            return NOT_FOUND.format(reference=command.original)
        if original.id == report.id:
            return f"{report.reference} kan inte vara en dubblett av sig själv."
        if not scope.allows_unit(original.unit_id):
            return NOT_FOUND.format(reference=original.reference)
        original = first_of_event(session=turn.session, report=original)  # the first report of the event
        if original.id == report.id:
            return f"{command.original} är redan markerad som dubblett av {report.reference}."
    changed = mark_duplicate(session=turn.session, report=report, original=original, actor_id=turn.person.id,
                             now=turn.now)
    turn.log_access(f"{report.reference} dubblett: {original.reference if original else 'nej'}")
    if original is None:
        return (f"Klart! {report.reference} är inte en dubblett och räknas som en egen händelse."
                if changed else f"{report.reference} är inte markerad som dubblett.")
    if not changed:
        return f"{report.reference} är redan markerad som dubblett av {original.reference}."
    return (f"Klart! {report.reference} är markerad som dubblett av {original.reference} och avslutad. Den räknas "
            "inte i statistiken, veckosammanfattningen, årsstatistiken eller indikatorerna. Ångra med "
            f"”{report.reference} är inte en dubblett”.")
