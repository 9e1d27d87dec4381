"""Handling text without field words is proposed before it is saved: "AV-… vi har infört
dubbelkontroll vid utdelning, den är klar nu" →

    Så här läser jag det för AV-…:
    • åtgärd: vi har infört dubbelkontroll vid utdelning
    • status: ny → åtgärdad
    Stämmer det?   [Spara] [Ändra] [Avbryt]

"Spara" (or "ja") saves it as shown; "Ändra" asks for the fields in words ("orsak: halt golv"), and
any message with field words changes the proposal directly; "Avbryt" saves nothing. A new
reference, a list or anything else after a second unclear answer leaves the proposal unsaved (and
says so) and is answered as usual. The proposal lives in the conversation draft (flow "handling"),
so any bot process can take the answer.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from intents.messages import Choice, Reply
from intents.references import find_reference
from intents.report_handling.commands import FIELDS_HELP, CommandError, UpdateCommand, build_update
from intents.report_handling.lists import parse_list
from intents.report_handling.permissions import turn_scope
from intents.report_handling.updates import describe, save_update, settle
from intents.turn import Turn
from nlp_models.answers import AnswerKind, Question, read_answer
from nlp_models.handling import FieldText, read_handling
from storage.drafts import delete_draft, save_draft
from storage.handling_focus import clear_focus
from storage.report_queries import report_in_context

FLOW = "handling"
MAX_AGE = timedelta(hours=12)
CHOICES = [Choice("Spara", "spara"), Choice("Ändra", "ändra"), Choice("Avbryt", "avbryt")]
QUESTION = Question("handling_confirm", options=CHOICES, yes=("spara",), no="ändra")
# a follow-up without a reference may also be a new event: then the whole message can start a report
NEW_REPORT = Choice("Ny rapport", "ny rapport")
CHOICES_OR_NEW = [*CHOICES[:2], NEW_REPORT, CHOICES[2]]
QUESTION_OR_NEW = Question("handling_confirm", options=CHOICES_OR_NEW, yes=("spara",), no="ändra")
EDIT_HELP = ("Skriv det som ska stå, ett eller flera fält, t.ex. ”orsak: halt golv” eller ”status utreds”. "
             + FIELDS_HELP)

Fresh = Callable[[Turn], list[Reply]]


def _fields_state(fields: tuple[FieldText, ...]) -> list[list]:
    return [[f.field, f.text, f.law] for f in fields]


def _fields(state: dict) -> tuple[FieldText, ...]:
    return tuple(FieldText(field, text, inferred=True, law=law) for field, text, law in state.get("fields", []))


def _save_state(turn: Turn, state: dict) -> None:
    save_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
               state=state, now=turn.now)


def _drop(turn: Turn) -> None:
    delete_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)


def _question(state: dict) -> Question:
    """Spara / Ändra / Avbryt, with Ny rapport when the proposal may be a new event."""
    return QUESTION_OR_NEW if state.get("new_report_text") else QUESTION


def _choices(state: dict) -> list[Choice]:
    return list(_question(state).options)


def _show(turn: Turn, state: dict, command: UpdateCommand, *, intro: str = "") -> list[Reply]:
    found = report_in_context(session=turn.session, reference=state["reference"])
    resolved = settle(command, found)
    shown = resolved if isinstance(resolved, UpdateCommand) else command
    lines = [intro or f"Så här läser jag det för {state['reference']}:", *describe(shown, found, turn)]
    if command.not_understood:
        lines.append("Det här förstod jag inte: " + ", ".join(f"”{t}”" for t in command.not_understood)
                     + " – det sparas inte.")
    lines.append("Stämmer det?")
    if state.get("new_report_text"):
        lines.append(f"Är det en ny händelse och inte {state['reference']}? Välj Ny rapport, så rapporterar vi den.")
    return [Reply("\n".join(lines), _choices(state))]


def propose(turn: Turn, command: UpdateCommand, *, intro: str = "", new_report_text: str = "") -> list[Reply]:
    """Show what was read and wait for Spara / Ändra / Avbryt (and Ny rapport, with `new_report_text`: the
    message as written, for a follow-up without a reference that may be a new event)."""
    state = {"flow": FLOW, "reference": command.reference, "fields": _fields_state(command.fields),
             "not_understood": list(command.not_understood), "pending": "confirm", "misses": 0}
    if new_report_text:
        state["new_report_text"] = new_report_text
    _save_state(turn, state)
    return _show(turn, state, command, intro=intro)


def _merged(old: tuple[FieldText, ...], new: tuple[FieldText, ...]) -> tuple[FieldText, ...]:
    """The proposal with the newly written fields in place of the same fields."""
    replaced = {(f.field, f.law) for f in new}
    return tuple(f for f in old if (f.field, f.law) not in replaced) + new


def _command(turn: Turn, state: dict) -> UpdateCommand | CommandError:
    return build_update(state["reference"], _fields(state), turn.now, tuple(state.get("not_understood", [])))


def _leave(turn: Turn, state: dict, answer_fresh: Fresh) -> list[Reply]:
    _drop(turn)
    return [Reply(f"(Förslaget för {state['reference']} sparades inte.)")] + answer_fresh(turn)


def continue_proposal(turn: Turn, state: dict, updated_at, answer_fresh: Fresh) -> list[Reply]:
    state = copy.deepcopy(state)  # a changed copy, so the draft's JSON column is seen as changed
    answer = read_answer(turn.text, _question(state))
    value = answer.option.value if answer.kind == AnswerKind.OPTION else None
    if value == NEW_REPORT.value:  # before "ny …" reads as a list
        return _new_report(turn, state, answer_fresh)
    if turn.now - updated_at > MAX_AGE or find_reference(turn.text) or parse_list(turn.text):
        return _leave(turn, state, answer_fresh)
    reading = read_handling(turn.text)
    explicit = tuple(f for f in reading.fields if not f.inferred)
    if explicit or (state.get("pending") == "edit" and reading.fields):
        state["fields"] = _fields_state(_merged(_fields(state), reading.fields))
        state["not_understood"] = list(reading.not_understood)
        state["pending"], state["misses"] = "confirm", 0
        command = _command(turn, state)
        if isinstance(command, CommandError):
            _save_state(turn, state)
            return [Reply(command.message + "\n" + EDIT_HELP)]
        _save_state(turn, state)
        return _show(turn, state, command, intro=f"Ändrat. Så här blir det för {state['reference']}:")
    if answer.kind == AnswerKind.CANCEL or value == "avbryt":
        _drop(turn)
        return [Reply(f"Okej, inget sparades i {state['reference']}.")]
    if value == "ändra" or answer.kind == AnswerKind.NO:
        state["pending"] = "edit"
        _save_state(turn, state)
        command = _command(turn, state)
        now_shown = []
        if isinstance(command, UpdateCommand):
            found = report_in_context(session=turn.session, reference=state["reference"])
            now_shown = ["Just nu står det:", *describe(command, found, turn)]
        return [Reply("\n".join([*now_shown, EDIT_HELP]))]
    if value == "spara" or answer.kind == AnswerKind.YES:
        return _save(turn, state)
    if state.get("misses", 0) >= 1:
        return _leave(turn, state, answer_fresh)
    state["misses"] = state.get("misses", 0) + 1
    _save_state(turn, state)
    labels = [choice.label for choice in _choices(state)]
    others = f"{', '.join(labels[:-1])} eller {labels[-1]}"
    return [Reply(f"Ska jag spara det här i {state['reference']}? Svara {others}.", _choices(state))]


def _new_report(turn: Turn, state: dict, answer_fresh: Fresh) -> list[Reply]:
    """Not about the report in focus: the message starts a report of its own, as if written just now."""
    _drop(turn)
    clear_focus(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)
    again = Turn(message=replace(turn.message, text=state["new_report_text"]), session=turn.session,
                 person=turn.person, services=turn.services, outbox=turn.outbox)
    return answer_fresh(again)


def _save(turn: Turn, state: dict) -> list[Reply]:
    _drop(turn)
    found = report_in_context(session=turn.session, reference=state["reference"])
    scope = turn_scope(turn)
    if found is None or scope is None or not scope.allows_unit(found.report.unit_id):
        return [Reply(f"Jag kan inte spara något i {state['reference']} längre.")]
    command = _command(turn, state)
    if isinstance(command, CommandError):
        return [Reply(command.message)]
    return [Reply(save_update(turn, scope, found, command))]
