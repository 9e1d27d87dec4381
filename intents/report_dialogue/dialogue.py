"""The reporting conversation: start from one message, ask only for what is missing, confirm, save.

Every message while a report is under way is, in this order: a cancel; the answer to "svar eller ny
händelse?"; a correction in natural words ("nej det var typ 22", "lägg till att …"); a new event
(kept, and started when this one is sent or cancelled); a question to the bot (answered, then the
report goes on); or the answer to the question that waits. Nothing the person wrote is dropped, and
no question is put more than twice: after a second answer the bot does not understand, it leaves the
field open ("ändra senare") and goes on.

State lives in the conversation draft (database), so any bot process can take the next message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from intents.messages import Reply
from intents.report_dialogue import duplicate_check, name_check
from intents.report_dialogue.answer_parts import AnswerParts, carries_detail, reading, split_answer
from intents.report_dialogue.corrections import (Correction, find_correction, infer_slot, swap_in_description,
                                                 swap_time_in_description)
from intents.report_dialogue.description_edits import change_description
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.intake import (
    apply_synpunkt_details,
    asks_something,
    content_words,
    fill_from_answer,
    new_draft,
)
from intents.report_dialogue.new_event import differences, is_new_event, repeats_held_event
from intents.report_dialogue.openers import without_preamble
from intents.report_dialogue.questions import (
    CONFIRM_CHOICES,
    DEFERRABLE,
    EDIT_SLOTS,
    answer_question,
    ask,
    ask_again,
    next_missing,
    reminder,
)
from intents.report_dialogue.slot_answers import SlotResult, forget_time, read_slot, set_unknown
from intents.report_dialogue.staff_and_recipient import recipient_part
from intents.report_dialogue.submission import submit
from intents.report_dialogue.summary import changed_lines, fields, real_changes, render_summary
from intents.swedish_dates import format_moment
from intents.turn import Turn
from nlp_models.answers import AnswerKind, answer_words, phrase, read_answer
from nlp_models.answers.clauses import clauses
from nlp_models.personal_data.masking import mask_personal_data
from storage.drafts import delete_draft, save_draft

QuestionAnswerer = Callable[[Turn], list[Reply]]

DRAFT_MAX_AGE = timedelta(hours=24)
CANCEL_WORDS = answer_words().cancel  # folded, as `intents.choice_matching.clean` gives them
QUESTION_INTENTS = {"count", "routine", "indicator"}
FREE_TEXT = {"action", "description"}
CANCELLED = "Okej, rapporten är avbruten. Inget har sparats."
STAFF_AND_RECIPIENT_TEXT = (
    "Att någon i personalen skadades (tillbud eller arbetsskada) rapporteras i kommunens arbetsmiljösystem, inte som "
    "en avvikelse – prata med din chef om hur ni gör. Det som hände brukaren skriver vi här:")
STAFF_INJURY_TEXT = (
    "Det här låter som att någon i personalen har skadats eller nästan skadats (tillbud eller arbetsskada). "
    "Det rapporteras i kommunens arbetsmiljösystem, inte som en avvikelse – prata med din chef om hur ni gör. "
    "Krya på dig om det gäller dig! Om även en brukare drabbades kan du beskriva det för mig."
)
MASKED_NOTICE = "Jag tog bort {what} ur texten – sådant behövs inte i rapporten och sparas aldrig."
MASKED_PERSON = " Beskriv personen som ”brukaren” eller ”boende”."
MASKED_CONTACT = " Kontaktuppgifter lämnas till enhetschefen, inte här i chatten."
_MASK_WORDS = {"personnummer": "personnummer", "telefonnummer": "telefonnummer", "e-post": "e-postadresser"}
# How to fill in later a field left open after two answers the bot did not understand.
LATER_EXAMPLES = {"area": "område: fall", "unit": "enhet: Solgården", "time": "tiden: i går kl 22",
                  "consequence": "konsekvens: lindrig", "consequence_which": "konsekvens: lindrig",
                  "action": "åtgärd: ssk kontaktad", "given_by": "från: dottern", "contact": "kontakt: telefon",
                  "contact_which": "kontakt: telefon"}
CORRECTION_SLOTS = {"area", "unit", "time", "consequence", "action", "given_by", "contact"}


# ---------------------------------------------------------------- state

def _save(turn: Turn, draft: ReportDraft) -> None:
    save_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
               state=draft.to_state(), now=turn.now)


def _drop(turn: Turn) -> None:
    delete_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)


def _reading(turn: Turn, text: str) -> Turn:
    """The same turn, reading another text (a held or queued event) as if it had just been sent."""
    turn.message = replace(turn.message, text=text)
    turn._understanding = None
    return turn


def _masked_notice(kinds: list[str]) -> Reply:
    names = [_MASK_WORDS.get(k, k) for k in dict.fromkeys(kinds)]
    what = " och ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " och " + names[-1]
    text = MASKED_NOTICE.format(what=what)
    if "personnummer" in kinds:
        text += MASKED_PERSON
    if "telefonnummer" in kinds or "e-post" in kinds:
        text += MASKED_CONTACT
    return Reply(text)


def _staff_injury(turn: Turn) -> Reply:
    routine = next((r for r in turn.services.routines.routines if r.report_kind == "personalskada"), None)
    steps = "" if routine is None else "\n\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(routine.steps[:3], 1))
    return Reply(STAFF_INJURY_TEXT + steps)


# ---------------------------------------------------------------- asking

def _put(turn: Turn, draft: ReportDraft, slot: str, prefix: list[Reply] | None = None) -> list[Reply]:
    """Ask `slot` (counted) and wait for its answer."""
    draft.pending = slot
    draft.asked[slot] = draft.asked.get(slot, 0) + 1
    _save(turn, draft)
    return list(prefix or []) + [ask(slot, draft)]


def advance(turn: Turn, draft: ReportDraft, prefix: list[Reply] | None = None) -> list[Reply]:
    """Ask the next missing thing, or show the summary when nothing is missing."""
    replies = list(prefix or [])
    slot = next_missing(draft)
    if slot is not None:
        return _put(turn, draft, slot, replies)
    draft.editing = False
    draft.pending = "confirm"
    draft.asked["confirm"] = draft.asked.get("confirm", 0) + 1
    _save(turn, draft)
    replies.append(Reply(render_summary(draft, turn.now) + "\n\nStämmer det?", list(CONFIRM_CHOICES)))
    return replies


def _missed(turn: Turn, draft: ReportDraft, slot: str, problem: str, suggestions=None) -> list[Reply]:
    """An answer not understood. The first time: what is expected, with an example. The second: the field is
    left open and the dialogue goes on - a question is never put a third time."""
    misses = draft.misses.get(slot, 0) + 1
    draft.misses[slot] = misses
    if misses == 1:
        again = ask_again(slot, draft)
        choices = list(suggestions) + [c for c in again.choices if c.value in ("ändra senare", "hoppa över")] \
            if suggestions else again.choices
        draft.asked[slot] = draft.asked.get(slot, 0) + 1
        _save(turn, draft)
        return [Reply(f"{problem} {again.text}".strip(), choices)]
    if slot in DEFERRABLE:
        set_unknown(draft, slot)
        note = (f"{problem} Jag lämnar det öppet så länge och går vidare – när du vet kan du skriva t.ex. "
                f"”{LATER_EXAMPLES[slot]}”.")
        return advance(turn, draft, [Reply(note.strip())])
    if slot == "new_or_answer":
        return _keep_as_new(turn, draft, "Jag sparar det som en ny händelse och tar den direkt efter den här.")
    if slot in ("edit", "description"):
        return advance(turn, draft, [Reply(f"{problem} Jag visar sammanfattningen igen.".strip())])
    if slot == "what":
        _save(turn, draft)
        return [Reply("Skriv med egna ord vad som hände när du är redo, eller ”avbryt”.")]
    _save(turn, draft)  # confirm, resume_old: a short hint, not the question again
    return [Reply("Rapporten är inte skickad än. Skriv ”skicka” för att spara den som den är, eller ”avbryt”.")]


def _looks_like_question(turn: Turn) -> bool:
    """A question to the bot in the middle of a report ("vad gör jag om någon har ramlat?"), not an answer
    that happens to name an area and a time ("kopplade in larmet")."""
    if phrase(turn.text) in answer_words().help:
        return True
    return turn.understand().intent in QUESTION_INTENTS and asks_something(turn.text)


def _reminder(turn: Turn, draft: ReportDraft) -> Reply:
    what = "synpunkt" if draft.is_synpunkt else "avvikelse"
    slot = draft.pending or "confirm"
    if slot == "confirm":
        question = Reply(render_summary(draft, turn.now) + "\n\nStämmer det?", list(CONFIRM_CHOICES))
    else:
        question = ask(slot, draft)
        draft.asked[slot] = draft.asked.get(slot, 0) + 1
        _save(turn, draft)
    return Reply(f"(Vi höll på med din {what} – jag behöver veta {reminder(slot)}.) {question.text}", question.choices)


# ---------------------------------------------------------------- starting

def start_report(turn: Turn, queued: list[str] | None = None, *, opener: bool = False) -> list[Reply]:
    """A report from its first message. `opener`: a message that names only what kind of event and when ("ett
    fall i natt"): what happened is asked first. A greeting or an introduction before the report ("hej, jag
    jobbar natt på Solgården.") is left out; a unit it names is kept."""
    said_unit = None
    core = without_preamble(turn, turn.text)
    if core and core != turn.text.strip():
        named = turn.services.nlu.units.find(turn.text)
        said_unit = named.name if named else None
        _reading(turn, core)
    analysis = turn.understand().report
    replies: list[Reply] = []
    if analysis.staff_injury:
        recipient = recipient_part(turn, turn.text)
        if recipient is None:
            return [_staff_injury(turn)] + _start_queued(turn, list(queued or []))
        replies.append(Reply(STAFF_AND_RECIPIENT_TEXT))  # the care recipient's part is reported here
        _reading(turn, recipient)
        analysis = turn.understand().report
    draft = new_draft(turn, turn.text)
    if said_unit and (not draft.unit or draft.unit_guessed):
        draft.unit, draft.unit_guessed, draft.unit_candidates = said_unit, False, []
    draft.queued = list(queued or [])
    if analysis.masked_kinds:
        replies.append(_masked_notice(analysis.masked_kinds))
        draft.masked_notice_given = True
    if draft.linked:
        replies.append(Reply(f"Jag skriver en ny rapport och kopplar den till {', '.join(draft.linked)}."))
    if opener or content_words(turn.text) < 3:
        return _put(turn, draft, "what", replies)
    return advance(turn, draft, replies)


def _start_queued(turn: Turn, queued: list[str]) -> list[Reply]:
    """The next event told mid-dialogue becomes its own report, now that the previous one is done."""
    if not queued:
        return []
    _reading(turn, queued[0])
    return [Reply("Nu tar vi nästa händelse du skrev om.")] + start_report(turn, queued[1:])


def _keep_from_opening(opening: ReportDraft, fresh: ReportDraft) -> None:
    """What the opening message already said ("vill rapportera ett fall i natt") and the story does not say
    again: the time, a unit said, the area its words pointed to, a consequence or an action."""
    if not fresh.occurred_at and opening.occurred_at:
        fresh.occurred_at, fresh.occurred_approximate = opening.occurred_at, opening.occurred_approximate
        fresh.occurred_part = opening.occurred_part
    if opening.unit and not opening.unit_guessed and (not fresh.unit or fresh.unit_guessed):
        fresh.unit, fresh.unit_guessed, fresh.unit_candidates = opening.unit, False, []
    if not fresh.area_evidence and opening.area_evidence:
        fresh.area, fresh.area_evidence, fresh.area_confirmed = opening.area, opening.area_evidence, True
    if not fresh.consequence and opening.consequence:
        fresh.consequence, fresh.consequence_said = opening.consequence, opening.consequence_said
    if not fresh.action_answered and opening.action_answered:
        fresh.immediate_action, fresh.action_answered = opening.immediate_action, True


def _described(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    """The person told what happened after an empty start: take everything the NLU finds in it."""
    analysis = turn.understand(text).report
    replies: list[Reply] = []
    if analysis.staff_injury:
        recipient = recipient_part(turn, text)
        if recipient is None:
            _drop(turn)
            return [_staff_injury(turn)] + _start_queued(turn, draft.queued)
        replies.append(Reply(STAFF_AND_RECIPIENT_TEXT))
        text = recipient
        analysis = turn.understand(text).report
    fresh = new_draft(turn, text)
    if draft.is_synpunkt:
        fresh.kind = "synpunkt"
    _keep_from_opening(draft, fresh)
    fresh.queued, fresh.started_at, fresh.asked = draft.queued, draft.started_at, draft.asked
    fresh.masked_notice_given = draft.masked_notice_given
    if analysis.masked_kinds and not fresh.masked_notice_given:
        replies.append(_masked_notice(analysis.masked_kinds))
        fresh.masked_notice_given = True
    return advance(turn, fresh, replies)


# ---------------------------------------------------------------- changes

def _apply_value(turn: Turn, draft: ReportDraft, slot: str, value: str) -> SlotResult:
    if slot == "kind":
        said = phrase(value)
        draft.kind = "synpunkt" if any(w in said for w in ("synpunkt", "klagomal", "berom")) else "avvikelse"
        apply_synpunkt_details(draft, draft.description)
        return SlotResult(True)
    if slot in ("add_description", "set_description"):
        change_description(turn, draft, value, append=slot == "add_description")
        return SlotResult(True)
    if slot == "action" and phrase(value) in answer_words().unknown | answer_words().skip:
        set_unknown(draft, "action")
        return SlotResult(True)
    if slot == "consequence" and draft.is_synpunkt:
        return SlotResult(False, "En synpunkt har ingen konsekvens att ändra.")
    return read_slot(turn, draft, slot, value)


SLOT_LABELS = {"area": "Område", "unit": "Enhet", "time": "När", "consequence": "Konsekvens",
               "consequence_which": "Konsekvens", "action": "Gjort direkt", "given_by": "Från", "contact": "Kontakt",
               "contact_which": "Kontakt"}


def _bullets(title: str, lines: list[str]) -> str:
    return f"{title}:\n" + "\n".join(f"• {line}" for line in lines) if lines else ""


def _answer_note(turn: Turn, draft: ReportDraft, before, slot: str) -> list[Reply]:
    """After an answer: nothing for the field answered or for words added to the description; "Ändrat" only
    for a field that had a value and now has another, "Noterat" for another field the answer filled in."""
    changed, added = real_changes(before, fields(draft, turn.now), answered=(SLOT_LABELS.get(slot, ""),))
    text = "\n".join(t for t in (_bullets("Ändrat", changed), _bullets("Noterat", added)) if t)
    return [Reply(text)] if text else []


def _changed(turn: Turn, draft: ReportDraft, before, slot: str) -> list[Reply]:
    """After a correction: say what changed (and what was only filled in), then go on (the next question, or
    the summary again)."""
    after = fields(draft, turn.now)
    changed, added = real_changes(before, after)
    changed += [line for line in changed_lines(before, after) if line.startswith("Beskrivning")]
    had_consequence = dict(before).get("Konsekvens", "–") != "–"
    if slot == "add_description" and had_consequence and draft.consequence is None:
        changed.append("Konsekvensen stämmer kanske inte längre med beskrivningen – jag frågar igen")
    text = "\n".join(t for t in (_bullets("Ändrat", changed), _bullets("Tillagt", added)) if t) or "Det stod redan så."
    if draft.pending in ("edit", "confirm") or draft.pending == slot:
        draft.pending = None
    return advance(turn, draft, [Reply(text)])


def _correction_slot(turn: Turn, draft: ReportDraft, correction: Correction) -> str | None:
    """The field a correction changes, or None when the message turned out not to be one."""
    slot = correction.slot
    if slot == "value":
        slot = infer_slot(turn, draft, correction.value)
    if slot in ("given_by", "contact") and not draft.is_synpunkt:
        return None
    return slot


def _apply_correction(turn: Turn, draft: ReportDraft, correction: Correction) -> tuple[str | None, SlotResult]:
    """Apply a correction to a copy first when it only may be one ("konsekvens ingen skada", "det var rum 6 inte
    4"): the draft changes only when it is."""
    slot = _correction_slot(turn, draft, correction)
    if slot is None:
        return None, SlotResult(False)
    if slot == "swap":  # "det var Björkhagen inte Solgården" corrects a field; "det var rum 6 inte 4" the text
        field = _correction_slot(turn, draft, Correction("value", correction.value))
        if field is not None:
            return _apply_correction(turn, draft, Correction(field, correction.value, loose=True))
        return ("set_description", SlotResult(True)) if swap_in_description(turn, draft, correction) \
            else (None, SlotResult(False))
    value, rest = correction.value, ""
    parts = split_answer(turn, draft, slot, value)  # "allvarlig, djupt sår kategori 3": the rest is told
    if parts is not None and not parts.questions:
        value, rest = parts.answer, parts.rest
    if correction.loose:
        trial = ReportDraft.from_state(draft.to_state())
        if not _apply_value(turn, trial, slot, value).ok:
            return None, SlotResult(False)
    result = _apply_value(turn, draft, slot, value)
    if result.ok and slot == "time":
        swap_time_in_description(turn, draft, value)
    if result.ok and rest:
        change_description(turn, draft, rest, append=True)
        fill_from_answer(turn, draft, rest, slot)
    return slot, result


def _correct(turn: Turn, draft: ReportDraft, correction: Correction) -> list[Reply] | None:
    """Apply a correction, or None when the message turned out not to be one."""
    before = fields(draft, turn.now)
    slot, result = _apply_correction(turn, draft, correction)
    if slot is None:
        return None
    if not result.ok and slot == "time" and not result.problem and draft.pending != slot:
        forget_time(draft)  # "tiden: vet ej" at the summary
        return _changed(turn, draft, before, slot)
    if not result.ok:
        if draft.pending == slot:
            return _missed(turn, draft, slot, result.problem, result.choices)
        _save(turn, draft)
        hint = f" Skriv t.ex. ”{LATER_EXAMPLES[slot]}”." if slot in LATER_EXAMPLES else ""
        problem = result.problem or "Jag förstod inte vad det ska ändras till."
        return [Reply(f"{problem}{hint}", result.choices)]
    if result.follow_up:
        return _put(turn, draft, result.follow_up)
    return _changed(turn, draft, before, slot)


def _corrections_in_parts(turn: Turn, draft: ReportDraft, text: str) -> list[Reply] | None:
    """Several corrections in one message at the summary ("i morse. förresten vill hon hellre ha svar via
    brev"): applied when every part is one, else None."""
    parts = clauses(text)
    if len(parts) < 2:
        return None
    trial = ReportDraft.from_state(draft.to_state())
    corrections = [find_correction(p.text) or Correction("value", p.text) for p in parts]
    for correction in corrections:
        slot, result = _apply_correction(turn, trial, correction)
        if slot is None or not result.ok or result.follow_up:
            return None
    before = fields(draft, turn.now)
    for correction in corrections:
        _apply_correction(turn, draft, correction)
    return _changed(turn, draft, before, draft.pending or "confirm")


# ---------------------------------------------------------------- an answer in parts

def _take_rest(turn: Turn, draft: ReportDraft, slot: str, rest: str) -> bool:
    """The rest of an answer: corrections in it are applied, words about the event go into the description
    (and fill what they tell), another event is held and asked about (True)."""
    kept = []
    for part in clauses(rest):
        if phrase(part.text) in answer_words().already_said:
            continue
        correction = find_correction(part.text)
        if correction is not None and correction.slot not in ("add_description", "set_description", "kind"):
            corrected, result = _apply_correction(turn, draft, correction)
            if corrected is not None and result.ok and not result.follow_up:
                continue
        kept.append(part)
    detail = ", ".join(p.text for p in kept) if len(kept) != len(clauses(rest)) else rest
    if not detail.strip():
        return False
    if _rest_is_new_event(turn, draft, detail) and not _tells_answered_area(turn, draft, slot, detail):
        draft.held, draft.held_for, draft.held_is_rest = mask_personal_data(detail).text, None, True
        return True
    change_description(turn, draft, detail, append=True)
    fill_from_answer(turn, draft, detail, slot)
    return False


def _tells_answered_area(turn: Turn, draft: ReportDraft, slot: str, rest: str) -> bool:
    """"det var fel tabletter vid lunch, det var läkemedel": the rest tells the event the area was just named for
    (same area, no other unit) - this event's words, not another event."""
    return slot == "area" and turn.understand(rest).report.area == draft.area \
        and "enhet" not in differences(turn, draft, rest)


def _rest_is_new_event(turn: Turn, draft: ReportDraft, rest: str) -> bool:
    """The rest of an answer is another event only when it tells one ("bru ramlade", "larmet har inte fungerat
    sedan i går") at another place or time, or with words of an event of another kind; words that only add
    detail ("ett litet skrapsår på armbågen") are this event's."""
    if not is_new_event(turn, draft, rest):
        return False
    tells_event = any(e.startswith("event:") for e in turn.understand(rest).question.evidence)
    return tells_event or bool({"enhet", "tid"} & set(differences(turn, draft, rest)))


def _answer_in_parts(turn: Turn, draft: ReportDraft, slot: str, parts: AnswerParts,
                     answer_question: QuestionAnswerer) -> list[Reply] | None:
    """An answer with more in it: the answer part answers the question, questions to the bot are answered,
    and the rest is kept (see `_take_rest`). None when the answer part is not understood after all."""
    before = fields(draft, turn.now)
    if parts.answer:
        trial = ReportDraft.from_state(draft.to_state())
        if not read_slot(turn, trial, slot, parts.answer).ok:
            return None
        result = read_slot(turn, draft, slot, parts.answer)
    else:  # only questions and other words: the question still waits
        result = SlotResult(False)
    replies: list[Reply] = []
    for question in parts.questions:
        replies += answer_question(reading(turn, question))
    held = bool(parts.rest) and _take_rest(turn, draft, slot, parts.rest)
    replies += _answer_note(turn, draft, before, "" if not parts.answer else slot)
    if held:
        return _put(turn, draft, "new_or_answer", replies)
    if result.follow_up:
        return _put(turn, draft, result.follow_up, replies)
    if not result.ok and next_missing(draft) == slot:
        _save(turn, draft)
        return replies + [_reminder(turn, draft)]
    return advance(turn, draft, replies)


# ---------------------------------------------------------------- new event or answer

def _hold(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    draft.held, draft.held_for = mask_personal_data(text).text, draft.pending
    return _put(turn, draft, "new_or_answer")


def _keep_as_new(turn: Turn, draft: ReportDraft, note: str) -> list[Reply]:
    draft.queued.append(draft.held)
    draft.pending, draft.held, draft.held_for, draft.held_is_rest = draft.held_for, "", None, False
    return advance(turn, draft, [Reply(note)])


def _new_or_answer(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    answer = read_answer(text, answer_question("new_or_answer", draft))
    value = answer.option.value if answer.kind == AnswerKind.OPTION else None
    if value == "ny":
        return _keep_as_new(turn, draft, "Okej, den händelsen tar vi direkt efter den här.")
    if value != "svar":
        return _missed(turn, draft, "new_or_answer", "Jag förstod inte riktigt.")
    if draft.held_is_rest:  # the answer was already used: the rest only adds to this report
        held, draft.held, draft.held_is_rest, draft.pending = draft.held, "", False, None
        change_description(turn, draft, held, append=True)
        fill_from_answer(turn, draft, held, "")
        return advance(turn, draft)
    held, slot = draft.held, draft.held_for or "confirm"
    draft.pending, draft.held, draft.held_for = slot, "", None
    before = fields(draft, turn.now)
    _reading(turn, held)
    if slot not in ("confirm", "edit"):
        read_slot(turn, draft, slot, held)
    change_description(turn, draft, held, append=True)
    return _changed(turn, draft, before, slot)


# ---------------------------------------------------------------- steps

def _send(turn: Turn, draft: ReportDraft) -> list[Reply]:
    question = name_check.ask_once(turn, draft) or duplicate_check.ask_once(turn, draft)
    if question:
        return question
    reply = submit(turn, draft)
    if reply is None:
        _save(turn, draft)
        return [Reply("Det gick inte att spara just nu. Din rapport finns kvar – skriv ”skicka” igen om en liten stund.",
                      [CONFIRM_CHOICES[0]])]
    _drop(turn)
    return [reply] + _start_queued(turn, draft.queued)


def _cancel(turn: Turn, draft: ReportDraft) -> list[Reply]:
    _drop(turn)
    return [Reply(CANCELLED)] + _start_queued(turn, draft.queued)


def _confirm(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    answer = read_answer(text, answer_question("confirm", draft))
    if answer.kind == AnswerKind.CANCEL:
        return _cancel(turn, draft)
    if answer.kind == AnswerKind.OPTION:
        if answer.option.value == "skicka":
            return _send(turn, draft)
        if answer.option.value == "avbryt":
            return _cancel(turn, draft)
        return _put(turn, draft, "edit")
    field = read_answer(text, answer_question("edit", draft))
    if field.kind == AnswerKind.OPTION and field.option.value in phrase(text):  # "tid": straight to that question
        return _edit(turn, draft, text)
    corrected = _correct(turn, draft, Correction("value", text))  # a bare value: "i går runt 22", "Björkhagen"
    if corrected is not None:
        return corrected
    return _missed(turn, draft, "confirm", "Jag förstod inte riktigt.")


def _edit(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    answer = read_answer(text, answer_question("edit", draft))
    if answer.kind == AnswerKind.OPTION:
        slot = EDIT_SLOTS[answer.option.value]
        draft.editing = True
        if slot == "area":
            draft.area_confirmed = draft.area_chosen = False
        for field in (slot, "consequence_which" if slot == "consequence" else slot):
            draft.misses.pop(field, None)
            if field in draft.unknown:
                draft.unknown.remove(field)
        return _put(turn, draft, slot)
    corrected = _correct(turn, draft, Correction("value", text))
    if corrected is not None:
        return corrected
    return _missed(turn, draft, "edit", "Jag förstod inte vad du vill ändra.")


def _what(turn: Turn, draft: ReportDraft, text: str, answer_question: QuestionAnswerer) -> list[Reply]:
    if _looks_like_question(turn):
        return answer_question(turn) + [_reminder(turn, draft)]
    if content_words(text) < 2 and draft.misses.get("what", 0) == 0:
        return _missed(turn, draft, "what", "Jag behöver lite mer.")
    return _described(turn, draft, text)


def _answer(turn: Turn, draft: ReportDraft, text: str, answer_question: QuestionAnswerer) -> list[Reply]:
    slot = draft.pending or "confirm"
    if slot in FREE_TEXT and _looks_like_question(turn):
        return answer_question(turn) + [_reminder(turn, draft)]
    before = fields(draft, turn.now)
    result = read_slot(turn, draft, slot, text)
    if result.ok:
        fill_from_answer(turn, draft, text, slot)
        # "skrapsår på knät", "hon hade ramlat ur sängen …": words about the event go into the description too
        if slot not in FREE_TEXT and carries_detail(turn, draft, slot, text):
            change_description(turn, draft, text, append=True)
        notes = _answer_note(turn, draft, before, slot)
        if result.follow_up:
            return _put(turn, draft, result.follow_up, notes)
        return advance(turn, draft, notes)
    if _looks_like_question(turn):
        return answer_question(turn) + [_reminder(turn, draft)]
    return _missed(turn, draft, slot, result.problem, result.choices)


def _resume_old(turn: Turn, draft: ReportDraft, state: dict, answer_fresh: QuestionAnswerer) -> list[Reply]:
    held = state.get("held_text", "")
    answer = read_answer(turn.text, answer_question("resume_old", draft))
    value = answer.option.value if answer.kind == AnswerKind.OPTION else None
    if value == "ja":
        draft.pending = None
        return advance(turn, draft, [Reply("Bra, vi fortsätter.")])
    if value == "nej":
        _drop(turn)
        replies = [Reply("Okej, den gamla rapporten är borttagen.")]
        if held and read_answer(held, answer_question("resume_old", draft)).kind != AnswerKind.OPTION:
            _reading(turn, held)
            replies += answer_fresh(turn)
        return replies
    if draft.misses.get("resume_old"):
        draft.pending = None
        return advance(turn, draft, [Reply("Jag fortsätter med den gamla rapporten – skriv ”avbryt” om du vill slänga den.")])
    return _missed(turn, draft, "resume_old", "")


def _stale(turn: Turn, draft: ReportDraft, updated_at: datetime) -> list[Reply]:
    when = format_moment(updated_at, turn.now)
    summary = draft.description[:80] + ("…" if len(draft.description) > 80 else "")
    draft.pending = "resume_old"
    draft.asked["resume_old"] = draft.asked.get("resume_old", 0) + 1
    state_out = draft.to_state() | {"held_text": mask_personal_data(turn.text).text}
    save_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
               state=state_out, now=updated_at)
    question = ask("resume_old", draft)
    return [Reply(f"Du har en påbörjad rapport från {when} som aldrig skickades: ”{summary}”. {question.text}",
                  question.choices)]


def continue_report(turn: Turn, state: dict, updated_at: datetime, answer_question: QuestionAnswerer,
                    answer_fresh: QuestionAnswerer) -> list[Reply]:
    """The next message of a report under way. Personal data masked out of an answer is mentioned once."""
    draft = ReportDraft.from_state(state)
    masked = mask_personal_data(turn.text).kinds
    if not masked or draft.masked_notice_given:
        return _continue(turn, draft, state, updated_at, answer_question, answer_fresh)
    draft.masked_notice_given = True
    return [_masked_notice(masked)] + _continue(turn, draft, state, updated_at, answer_question, answer_fresh)


def _continue(turn: Turn, draft: ReportDraft, state: dict, updated_at: datetime, answer_question: QuestionAnswerer,
              answer_fresh: QuestionAnswerer) -> list[Reply]:
    text = turn.text
    if phrase(text) in CANCEL_WORDS:
        return _cancel(turn, draft)
    if draft.pending == "resume_old":
        return _resume_old(turn, draft, state, answer_fresh)
    if turn.now - updated_at > DRAFT_MAX_AGE:
        return _stale(turn, draft, updated_at)
    if draft.pending == name_check.PENDING:
        answer = name_check.read_answer(turn, draft, text)
        return answer.replies if answer.ask_again else answer.replies + _send(turn, draft)
    if draft.pending == duplicate_check.PENDING:
        answer = duplicate_check.read_answer(turn, draft, text)
        return answer.replies if answer.ask_again else answer.replies + _send(turn, draft)
    if draft.pending == "new_or_answer":
        return _new_or_answer(turn, draft, text)
    if draft.pending == "what":
        return _what(turn, draft, text, answer_question)
    if draft.pending != "description":
        correction = find_correction(text)
        if correction is not None and (corrected := _correct(turn, draft, correction)) is not None:
            return corrected
    repeated = repeats_held_event(draft, text)  # the same words again after "ny händelse": the answer after all
    if repeated:
        draft.queued.remove(mask_personal_data(text).text)
    parts = split_answer(turn, draft, draft.pending, text) if draft.pending else None
    # an answer in so many words is an answer - unless all of it names another place or time ("ringde ssk på
    # Björkhagen som kom och tittade i morse"): then it may be another event, and the bot asks
    if parts is not None and parts.whole and not repeated and {"enhet", "tid"} & set(differences(turn, draft, text)) \
            and is_new_event(turn, draft, text):
        parts = None
    if parts is not None and (replies := _answer_in_parts(turn, draft, draft.pending, parts, answer_question)):
        return replies
    if draft.pending in ("confirm", "edit") and (corrected := _corrections_in_parts(turn, draft, text)):
        return corrected
    if not repeated and is_new_event(turn, draft, text):
        return _hold(turn, draft, text)
    if phrase(text) in answer_words().edit and draft.pending not in ("confirm", "edit"):
        return _put(turn, draft, "edit")
    if draft.pending == "confirm":
        if _looks_like_question(turn):
            return answer_question(turn) + [_reminder(turn, draft)]
        return _confirm(turn, draft, text)
    if draft.pending == "edit":
        return _edit(turn, draft, text)
    return _answer(turn, draft, text, answer_question)
