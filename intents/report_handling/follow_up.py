"""Follow-ups without a reference: for a while after a handler has opened or changed a report, what
they write about handling goes to that report.

    chef: AV-2026-00002                      (opens it: the report in focus)
    chef: status utreds                      → saved in AV-2026-00002 (the field word is explicit)
    chef: vi inför dubbelkontroll            → proposed for AV-2026-00002 (åtgärd read from the words)
    chef: lös matta i hallen                 → "Gäller det AV-2026-00002?" (no field word: kept as a comment
                                               unless the chef says otherwise, or says it is a new report)
    chef: brukare ramlade i natt på …        → a new report, as always

Nothing the handler typed is lost: when the words could also be a new event, the proposal offers
"Ny rapport", which starts the report with the whole message. Someone who may only comment (sjuksköterska,
SAS) has only "kommentar: …" taken to the report; personal never has a report in focus.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from intents.messages import Reply
from intents.references import find_reference
from intents.report_handling.commands import CommandError, build_update
from intents.report_handling.permissions import HandlingScope, turn_scope
from intents.report_handling.proposals import propose
from intents.report_handling.updates import refusal, save_update, settle
from intents.turn import Turn
from nlp_models.handling import FieldText, read_handling
from storage.handling_focus import current_focus, set_focus
from storage.report_queries import ReportInContext, report_in_context

FOCUS_TIME = timedelta(hours=1)  # how long a report stays in focus after it was last opened or changed
_QUESTION_INTENTS = ("count", "routine", "indicator")
UNPLACED = "Gäller det {reference}? Jag ser inget fältord, så jag föreslår det som en kommentar:"


def remember(turn: Turn, reference: str) -> None:
    """`reference` is the report this handler works on now."""
    set_focus(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
              reference=reference, now=turn.now)


def _in_focus(turn: Turn) -> tuple[HandlingScope, ReportInContext] | None:
    scope = turn_scope(turn)
    if scope is None:
        return None
    reference = current_focus(session=turn.session, user_key=turn.message.user_id,
                              thread_key=turn.message.thread_key, now=turn.now, max_age=FOCUS_TIME)
    found = report_in_context(session=turn.session, reference=reference) if reference else None
    if found is None or not scope.allows_unit(found.report.unit_id):
        return None
    return scope, found


def timed_event(turn: Turn) -> bool:
    """Words of a new event with its time ("brukaren fick fel medicin i går"): handling words in it may be
    part of a new report."""
    understanding = turn.understand()
    analysis = understanding.report
    return (understanding.intent == "report" and understanding.occurred_at is not None
            and bool(analysis.area_evidence or analysis.staff_injury))


def follow_up(turn: Turn, *, opens_report: Callable[[Turn], bool], tells_of_event: Callable[[Turn], bool],
              asks: Callable[[Turn], bool]) -> list[Reply] | None:
    """The answer when this message (without a reference) continues the report in focus; None otherwise.
    `opens_report`: the words only open a report ("jag vill rapportera", "ett fall i natt"); `tells_of_event`:
    they tell of an event; `asks`: a question in form."""
    if find_reference(turn.text) is not None:
        return None
    focus = _in_focus(turn)
    if focus is None:
        return None
    scope, found = focus
    reading = read_handling(turn.text)
    if not reading.fields:
        if (not scope.may_update or asks(turn) or turn.understand().intent in _QUESTION_INTENTS or opens_report(turn)
                or timed_event(turn)):
            return None  # a question, a report begun, or a new event with its time: read as usual
        fields = (FieldText("comment", turn.text.strip(), inferred=True),)
        return _propose(turn, scope, found, fields, (), intro=UNPLACED.format(reference=found.report.reference))
    if not scope.may_update and any(f.field != "comment" for f in reading.fields):
        return None  # changing a field is not theirs: the message is read as usual
    if timed_event(turn):
        return _propose(turn, scope, found, reading.fields, reading.not_understood,
                        intro=f"Gäller det {found.report.reference}? Så här skulle jag spara det där:")
    if any(f.inferred for f in reading.fields) or any(f.bare_name for f in reading.fields) and tells_of_event(turn):
        return _propose(turn, scope, found, reading.fields, reading.not_understood)  # "insats uteblev hos …"
    command = build_update(found.report.reference, reading.fields, turn.now, reading.not_understood)
    if isinstance(command, CommandError):
        return [Reply(f"(Gäller {found.report.reference}.) {command.message}")]
    remember(turn, found.report.reference)
    return [Reply(save_update(turn, scope, found, command))]


def _propose(turn: Turn, scope: HandlingScope, found: ReportInContext, fields: tuple[FieldText, ...],
             not_understood: tuple[str, ...], *, intro: str = "") -> list[Reply]:
    reference = found.report.reference
    fields = tuple(FieldText(f.field, f.text, inferred=True, law=f.law) for f in fields)
    command = build_update(reference, fields, turn.now, not_understood)
    if isinstance(command, CommandError):
        return [Reply(f"(Gäller {reference}.) {command.message}")]
    settled = settle(command, found)
    why_not = refusal(turn, scope, found, settled if not isinstance(settled, str) else command)
    if why_not:
        return [Reply(why_not)]
    remember(turn, reference)
    turn.log_access(f"{reference} förslag visat")
    return propose(turn, command, intro=intro, new_report_text=turn.text)
