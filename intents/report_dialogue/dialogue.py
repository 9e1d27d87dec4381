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
from intents.report_dialogue.corrections import Correction, find_correction, infer_slot
from intents.report_dialogue.description_edits import change_description
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.intake import (
    apply_synpunkt_details,
    asks_something,
    content_words,
    fill_from_answer,
    new_draft,
)
from intents.report_dialogue.new_event import is_new_event, repeats_held_event, tells_more
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
from intents.report_dialogue.slot_answers import SlotResult, read_slot, set_unknown
from intents.report_dialogue.submission import submit
from intents.report_dialogue.summary import changed_lines, fields, render_summary
from intents.swedish_dates import format_moment
from intents.turn import Turn
from nlp_models.answers import AnswerKind, answer_words, phrase, read_answer
from nlp_models.personal_data.masking import mask_personal_data
from storage.drafts import delete_draft, save_draft

QuestionAnswerer = Callable[[Turn], list[Reply]]

DRAFT_MAX_AGE = timedelta(hours=24)
CANCEL_WORDS = answer_words().cancel  # folded, as `intents.choice_matching.clean` gives them
QUESTION_INTENTS = {"count", "routine", "indicator"}
FREE_TEXT = {"action", "description"}
CANCELLED = "Okej, rapporten är avbruten. Inget har sparats."
STAFF_INJURY_TEXT = (
    "Det här låter som att någon i personalen har skadats eller nästan skadats (tillbud eller arbetsskada). "
    "Det rapporteras i kommunens arbetsmiljösystem, inte som en avvikelse – prata med din chef om hur ni gör. "
    "Krya på dig om det gäller dig! Om även en brukare drabbades kan du beskriva det för mig."
)
MASKED_NOTICE = ("Jag tog bort {what} ur texten – sådant behövs inte i rapporten och sparas aldrig. "
                 "Beskriv personen som ”brukaren” eller ”boende”.")
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
    return Reply(MASKED_NOTICE.format(what=what))


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

def start_report(turn: Turn, queued: list[str] | None = None) -> list[Reply]:
    analysis = turn.understand().report
    if analysis.staff_injury:
        return [_staff_injury(turn)] + _start_queued(turn, list(queued or []))
    draft = new_draft(turn, turn.text)
    draft.queued = list(queued or [])
    replies: list[Reply] = []
    if analysis.masked_kinds:
        replies.append(_masked_notice(analysis.masked_kinds))
        draft.masked_notice_given = True
    if draft.linked:
        replies.append(Reply(f"Jag skriver en ny rapport och kopplar den till {', '.join(draft.linked)}."))
    if content_words(turn.text) < 3:
        return _put(turn, draft, "what", replies)
    return advance(turn, draft, replies)


def _start_queued(turn: Turn, queued: list[str]) -> list[Reply]:
    """The next event told mid-dialogue becomes its own report, now that the previous one is done."""
    if not queued:
        return []
    _reading(turn, queued[0])
    return [Reply("Nu tar vi nästa händelse du skrev om.")] + start_report(turn, queued[1:])


def _described(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    """The person told what happened after an empty start: take everything the NLU finds in it."""
    analysis = turn.understand(text).report
    if analysis.staff_injury:
        _drop(turn)
        return [_staff_injury(turn)] + _start_queued(turn, draft.queued)
    fresh = new_draft(turn, text)
    if draft.is_synpunkt:
        fresh.kind = "synpunkt"
    fresh.queued, fresh.started_at, fresh.asked = draft.queued, draft.started_at, draft.asked
    fresh.masked_notice_given = draft.masked_notice_given
    replies: list[Reply] = []
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


def _changed(turn: Turn, draft: ReportDraft, before, slot: str) -> list[Reply]:
    """After a correction: say what changed, then go on (the next question, or the summary again)."""
    lines = changed_lines(before, fields(draft, turn.now))
    had_consequence = dict(before).get("Konsekvens", "–") != "–"
    if slot == "add_description" and had_consequence and draft.consequence is None:
        lines.append("Konsekvensen stämmer kanske inte längre med beskrivningen – jag frågar igen")
    text = ("Ändrat:\n" + "\n".join(f"• {line}" for line in lines)) if lines else "Det stod redan så."
    if draft.pending in ("edit", "confirm") or draft.pending == slot:
        draft.pending = None
    return advance(turn, draft, [Reply(text)])


def _correct(turn: Turn, draft: ReportDraft, correction: Correction) -> list[Reply] | None:
    """Apply a correction, or None when the message turned out not to be one."""
    slot = correction.slot
    if slot == "value":
        slot = infer_slot(turn, draft, correction.value)
        if slot is None:
            return None
    if slot in ("given_by", "contact") and not draft.is_synpunkt:
        return None
    before = fields(draft, turn.now)
    result = _apply_value(turn, draft, slot, correction.value)
    if not result.ok:
        if draft.pending == slot:
            return _missed(turn, draft, slot, result.problem, result.choices)
        _save(turn, draft)
        hint = f" Skriv t.ex. ”{LATER_EXAMPLES[slot]}”." if slot in LATER_EXAMPLES else ""
        return [Reply(f"{result.problem}{hint}", result.choices)]
    if result.follow_up:
        return _put(turn, draft, result.follow_up)
    return _changed(turn, draft, before, slot)


# ---------------------------------------------------------------- new event or answer

def _hold(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    draft.held, draft.held_for = mask_personal_data(text).text, draft.pending
    return _put(turn, draft, "new_or_answer")


def _keep_as_new(turn: Turn, draft: ReportDraft, note: str) -> list[Reply]:
    draft.queued.append(draft.held)
    draft.pending, draft.held, draft.held_for = draft.held_for, "", None
    return advance(turn, draft, [Reply(note)])


def _new_or_answer(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    answer = read_answer(text, answer_question("new_or_answer", draft))
    value = answer.option.value if answer.kind == AnswerKind.OPTION else None
    if value == "ny":
        return _keep_as_new(turn, draft, "Okej, den händelsen tar vi direkt efter den här.")
    if value != "svar":
        return _missed(turn, draft, "new_or_answer", "Jag förstod inte riktigt.")
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
    result = read_slot(turn, draft, slot, text)
    if result.ok:
        if slot not in FREE_TEXT:
            fill_from_answer(turn, draft, text, slot)
            if tells_more(turn, text):  # "hon hade ramlat ur sängen …": the story goes into the description
                before = fields(draft, turn.now)
                change_description(turn, draft, text, append=True)
                return _changed(turn, draft, before, slot)
        if result.follow_up:
            return _put(turn, draft, result.follow_up)
        return advance(turn, draft)
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
    draft = ReportDraft.from_state(state)
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
    if repeats_held_event(draft, text):
        draft.queued.remove(mask_personal_data(text).text)
    elif is_new_event(turn, draft, text):
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
