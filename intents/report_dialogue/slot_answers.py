"""Reading the answer to the slot we asked about. Each reader fills the draft or says why not.

All readers go through the shared answer reader (nlp_models/answers): "ja", "nä", "vet ej",
"hoppa över", "ändra senare", numbers and the words of each choice mean the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from intents.messages import Choice
from intents.report_dialogue.description_edits import change_description
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.intake import set_area, set_time
from intents.report_dialogue.questions import (
    SKIP,
    UNKNOWN_CONSEQUENCE,
    UNKNOWN_CONTACT,
    UNKNOWN_GIVER,
    answer_question,
)
from intents.turn import Turn
from nlp_models.answers.clauses import clauses
from nlp_models.answers import Answer, AnswerKind, answer_words, explicit_option, phrase, read_answer
from nlp_models.personal_data.masking import mask_personal_data
from nlp_models.reports.synpunkt_details import contact_wish, giver
from nlp_models.times.expressions import KnownDay, resolve_occurred_at
from nlp_models.times.moments import tells_only_discovery
from storage.timestamps import STOCKHOLM

NIGHT_HOURS = range(0, 6)  # a stored hour here came from "i natt": the morning side of the night


@dataclass
class SlotResult:
    ok: bool
    problem: str = ""  # Swedish: why the answer was not understood
    choices: list[Choice] = field(default_factory=list)  # e.g. unit suggestions
    follow_up: str | None = None  # a narrower question to ask next ("ja" → "per telefon eller skriftligt?")
    left_open: bool = False  # "hoppa över", "vet ej" or "ändra senare" where the field has no "okänd"


OK = SlotResult(True)
_NOW_WORDS = {"nu", "just nu", "precis nu", "alldeles nyss", "nyss", "precis", "helt nyss"}


def forget_time(draft: ReportDraft) -> None:
    """The time is not known after all ("tiden: vet ej"): no time is kept, and it is shown as unknown."""
    draft.occurred_at, draft.occurred_approximate, draft.occurred_part = None, False, None
    set_unknown(draft, "time")


def set_unknown(draft: ReportDraft, slot: str) -> None:
    """The field is not known ("vet ej", "hoppa över", "ändra senare"): store what the field allows, ask no more."""
    if slot == "area":
        draft.area, draft.area_confirmed, draft.area_evidence = "övrigt", True, []
    elif slot in ("consequence", "consequence_which"):
        draft.consequence = UNKNOWN_CONSEQUENCE
    elif slot == "action":
        draft.immediate_action, draft.action_answered = None, True
    elif slot == "given_by":
        draft.given_by = UNKNOWN_GIVER
    elif slot in ("contact", "contact_which"):
        draft.contact_wanted, draft.contact_answered, draft.contact_yes = UNKNOWN_CONTACT, True, False
    elif slot not in draft.unknown:  # unit, time: left open, shown as "okänd" in the summary
        draft.unknown.append(slot)


def _skipped(answer_kind: AnswerKind) -> bool:
    return answer_kind in (AnswerKind.SKIP, AnswerKind.LATER, AnswerKind.UNKNOWN)


def _read(draft: ReportDraft, slot: str, text: str) -> tuple[Answer, str | None]:
    """The shared reader's answer and the value of the choice it names. "vet ej", "hoppa över" and "ändra senare"
    are stored at once (`set_unknown`); the caller then only returns OK."""
    answer = read_answer(text, answer_question(slot, draft))
    if _skipped(answer.kind):
        set_unknown(draft, slot)
    return answer, answer.option.value if answer.kind == AnswerKind.OPTION else None


def read_area(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    answer, value = _read(draft, "area", text)
    if _skipped(answer.kind):
        return OK
    if value is None:
        analysis = turn.understand(text).report
        if analysis.area != "övrigt" and analysis.area_evidence:
            value = analysis.area
    if value is None:
        return SlotResult(False, "Jag förstod inte vilket område du menar.")
    set_area(draft, value)
    draft.area_confirmed = draft.area_chosen = True
    return OK


def read_unit(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    matcher = turn.services.nlu.units
    answer, found = _read(draft, "unit", text)
    if _skipped(answer.kind):
        return OK
    if found is None:
        hit = matcher.lookup(text) or matcher.find(text)
        found = hit.name if hit else None
    if found is None:
        ambiguous = matcher.candidates(text)
        if ambiguous:
            draft.unit_candidates = ambiguous
            return SlotResult(False, "Det finns flera enheter som passar.", [Choice(n, n) for n in ambiguous])
        suggestions = matcher.suggest(text)
        draft.unit_candidates = suggestions or draft.unit_candidates
        shown = phrase(text)[:40]
        return SlotResult(False, f"Jag hittar ingen enhet som heter ”{shown}”." + (" Menar du någon av dessa?" if suggestions else ""),
                          [Choice(n, n) for n in suggestions])
    draft.unit, draft.unit_guessed = found, False
    draft.unit_candidates = []
    if "unit" in draft.unknown:
        draft.unknown.remove("unit")
    return OK


def known_day(draft: ReportDraft) -> KnownDay | None:
    """The day the draft already has, for answers that name only a clock time ("typ 22")."""
    occurred = draft.occurred()
    if occurred is None:
        return None
    local = occurred.astimezone(STOCKHOLM)
    return KnownDay(local.date(), night=draft.occurred_approximate and local.hour in NIGHT_HOURS)


def resolve_time(draft: ReportDraft, text: str, now: datetime) -> datetime | None:
    """A time answer or correction, on the day the draft already has when the answer names none."""
    words = phrase(text)
    if words in _NOW_WORDS:
        return now.replace(second=0, microsecond=0)
    return resolve_occurred_at(text, now, known_day(draft))


def read_time(turn: Turn, draft: ReportDraft, text: str, now: datetime) -> SlotResult:
    answer = read_answer(text, answer_question("time", draft))
    if answer.kind in (AnswerKind.SKIP, AnswerKind.LATER):
        set_unknown(draft, "time")
        return OK
    if answer.kind == AnswerKind.UNKNOWN:
        return SlotResult(False, "")  # the question asked again says that roughly is enough, with examples
    if tells_only_discovery(text):
        question = answer_question("time", draft)
        kinds = [(c.text, read_answer(c.text, question).kind) for c in clauses(text)]
        if any(kind == AnswerKind.UNKNOWN for _, kind in kinds):
            # "vet ej, märkte det nyss": when it was noticed, not when it happened - the time stays unknown,
            # and when it was noticed goes to the description
            change_description(turn, draft, ", ".join(t for t, kind in kinds if kind != AnswerKind.UNKNOWN),
                               append=True)
            forget_time(draft)
            return OK
    moment = resolve_time(draft, text, now)
    if moment is None:
        return SlotResult(False, "Jag förstod inte tiden (den kan inte heller ligga i framtiden).")
    set_time(draft, moment, text)
    if phrase(text) in _NOW_WORDS:
        draft.occurred_approximate = False
    return OK


def read_consequence(turn: Turn, draft: ReportDraft, text: str, slot: str = "consequence") -> SlotResult:
    """The level the person names wins ("måttlig, hon har ont i armen" is måttlig); then a choice, a yes or
    "vet ej"; only then the signs in the words ("skrapsår på knät" is lindrig)."""
    named = explicit_option(text, answer_question(slot, draft))
    if named is not None:
        draft.consequence, draft.consequence_said = named.value, True
        return OK
    answer, value = _read(draft, slot, text)
    if _skipped(answer.kind):
        draft.consequence_said = True
        return OK
    if answer.kind == AnswerKind.YES_WHICH:
        return SlotResult(True, follow_up="consequence_which")
    if answer.kind == AnswerKind.NO and draft.consequence_guess:  # "nej" to the guess: asked plainly
        draft.consequence_guess = None
        return SlotResult(True, follow_up="consequence")
    if value is not None:
        draft.consequence, draft.consequence_said = value, True
        return OK
    analysis = turn.understand(text).report
    if analysis.consequence:
        draft.consequence, draft.consequence_said = analysis.consequence, False
        return OK
    if analysis.immediate_action:
        # "ssk ringd, hon tittar på honom": what was done, not the harm - kept as the action (the dialogue keeps the
        # words in the description), and the harm is still asked
        parts = clauses(text)
        acting = [p.text for p in parts if not _tells_event(turn, p.text)]
        _keep_action(draft, ", ".join(acting))
        return SlotResult(True, follow_up=slot)
    return SlotResult(False, "Jag förstod inte om det blev någon skada.")


def _tells_event(turn: Turn, text: str) -> bool:
    """A part about the event or the harm ("bump on head"), not about what was done."""
    report = turn.understand(text).report
    return not report.immediate_action and bool(report.area_evidence or report.severity_evidence
                                                 or report.consequence_cues)


def _keep_action(draft: ReportDraft, text: str) -> None:
    """What was done, said at another question: added to the action, never lost."""
    said = mask_personal_data(text.strip()).text[:500]
    if draft.immediate_action and said not in draft.immediate_action and draft.action_answered:
        said = f"{draft.immediate_action}; {said}"
    draft.immediate_action, draft.action_answered = said, True


def _is_command_word(words: str) -> bool:
    vocabulary = answer_words()
    confirm_words = vocabulary.topics.get("confirm", {})
    return words in vocabulary.yes or words in vocabulary.cancel or any(words in said for said in confirm_words.values())


def read_action(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    answer = read_answer(text, answer_question("action", draft))
    words = phrase(text)
    nothing = answer_words().topics.get("action", {}).get("none", frozenset())
    skip_chosen = answer.kind == AnswerKind.OPTION and answer.option.value == SKIP.value
    if skip_chosen or _skipped(answer.kind) or answer.kind == AnswerKind.NO or words in nothing:
        set_unknown(draft, "action")
        return OK
    if answer.kind == AnswerKind.YES or words in answer_words().yes:
        return SlotResult(False, "Vad gjorde ni?")
    if _is_command_word(words):  # "skicka", "klart": nothing to add, never stored as the action
        set_unknown(draft, "action")
        return OK
    if words in answer_words().already_said:  # "skrev ju det": take it from what was written
        draft.immediate_action = turn.understand(draft.description).report.immediate_action
        draft.action_answered = True
        return OK
    cleaned = mask_personal_data(text.strip()).text[:500]
    draft.immediate_action = cleaned or None
    draft.action_answered = True
    return OK


def read_given_by(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    answer, value = _read(draft, "given_by", text)
    if _skipped(answer.kind):
        return OK
    value = value or giver(text)
    if value is None:
        return SlotResult(False, "Jag förstod inte vem synpunkten kom från.")
    draft.given_by = value
    return OK


def read_contact(turn: Turn, draft: ReportDraft, text: str, slot: str = "contact") -> SlotResult:
    answer, value = _read(draft, slot, text)
    if _skipped(answer.kind):
        return OK
    if answer.kind == AnswerKind.YES_WHICH or (slot == "contact" and contact_wish(text) == "oklart"):
        draft.contact_yes = True
        return SlotResult(True, follow_up="contact_which")
    if value is None:
        wish = contact_wish(text)
        value = wish if wish in ("nej", "telefon", "skriftligt") else None
    if value is None:
        return SlotResult(False, "Jag förstod inte om hen vill bli kontaktad.")
    draft.contact_wanted = None if value == "nej" else value
    draft.contact_answered, draft.contact_yes = True, False
    return OK


def read_description(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    masked = mask_personal_data(text.strip())
    if len(masked.text.split()) < 2:
        return SlotResult(False, "Beskriv gärna med några ord vad som hände.")
    draft.description = masked.text
    return OK


READERS = {
    "area": read_area,
    "unit": read_unit,
    "given_by": read_given_by,
    "description": read_description,
    "action": read_action,
}


def read_slot(turn: Turn, draft: ReportDraft, slot: str, text: str) -> SlotResult:
    result = _read_slot(turn, draft, slot, text)
    if not result.ok and slot in ("unit", "time") and not draft.action_answered \
            and turn.understand(text).report.immediate_action and not _tells_event(turn, text):
        # "ringde ssk direkt" at the unit question: what was done, kept as the action; the question waits
        _keep_action(draft, text)
        return SlotResult(True, follow_up=slot)
    return result


def _read_slot(turn: Turn, draft: ReportDraft, slot: str, text: str) -> SlotResult:
    if slot == "time":
        return read_time(turn, draft, text, turn.now)
    if slot in ("consequence", "consequence_which"):
        return read_consequence(turn, draft, text, slot)
    if slot in ("contact", "contact_which"):
        return read_contact(turn, draft, text, slot)
    reader = READERS.get(slot)
    if reader is None:
        return SlotResult(False, "Jag tappade tråden.")
    return reader(turn, draft, text)
