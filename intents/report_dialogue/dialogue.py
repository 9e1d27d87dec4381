"""The reporting conversation: start from one message, ask only for what is missing, confirm, save.

State lives in the conversation draft (database), so any bot process can take the next message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from intents.choice_matching import clean, is_no, is_yes, match_choice
from intents.messages import Choice, Reply
from intents.report_dialogue import name_check, slot_answers
from intents.report_dialogue.corrections import Correction, find_correction
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.questions import CONFIRM_CHOICES, REMINDERS, ask, next_missing
from intents.report_dialogue.submission import submit
from intents.report_dialogue.summary import render_summary
from intents.swedish_dates import format_moment
from intents.turn import Turn
from nlp_models.text.normalize import fold
from nlp_models.times.expressions import names_clock_time
from storage.drafts import delete_draft, save_draft
from storage.people import units_of
from storage.vocabulary import UnitRelation

QuestionAnswerer = Callable[[Turn], list[Reply]]

DRAFT_MAX_AGE = timedelta(hours=24)
CANCEL_WORDS = {"avbryt", "avbryt rapporten", "glom det", "stopp", "sluta", "cancel", "avsluta", "strunta i det"}
QUESTION_INTENTS = {"count", "routine", "indicator"}
HELP_WORDS = {"hjalp", "help", "hjalp mig", "vad kan du", "vad kan du gora"}
# "jag vill rapportera en avvikelse:" and the like carry no content of their own
_LEAD_IN = re.compile(
    r"^\s*(?:hej\W*)?(?:jag\s+)?(?:vill|ska|skulle\s+vilja|behover|maste)?\s*(?:rapportera|skriva|lamna|anmala|gora|registrera)?"
    r"\s*(?:en\s+|ett\s+)?(?:ny\s+)?(?:avvikelse|avvikelserapport|synpunkt|rapport|klagomal)?\s*(?:om\s+att|om|ang|angaende)?\s*[:,.!-]*\s*"
)
STAFF_INJURY_TEXT = (
    "Det här låter som att någon i personalen har skadats eller nästan skadats (tillbud eller arbetsskada). "
    "Det rapporteras i kommunens arbetsmiljösystem, inte som en avvikelse – prata med din chef om hur ni gör. "
    "Krya på dig om det gäller dig! Om även en brukare drabbades kan du beskriva det för mig."
)
MASKED_NOTICE = ("Jag tog bort {what} ur texten – sådant behövs inte i rapporten och sparas aldrig. "
                 "Beskriv personen som ”brukaren” eller ”boende”.")
_MASK_WORDS = {"personnummer": "personnummer", "telefonnummer": "telefonnummer", "e-post": "e-postadresser"}


AREA_MARGIN = 0.2  # the best area must lead the next by this much, or we ask


def area_is_clear(analysis) -> bool:
    scores = [score for _, score in analysis.area_candidates]
    return len(scores) < 2 or scores[0] - scores[1] >= AREA_MARGIN


def content_words(text: str) -> int:
    return len(_LEAD_IN.sub("", fold(text), count=1).split())


def _save(turn: Turn, draft: ReportDraft) -> None:
    save_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
               state=draft.to_state(), now=turn.now)


def _drop(turn: Turn) -> None:
    delete_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)


def _masked_notice(kinds: list[str]) -> Reply:
    names = [_MASK_WORDS.get(k, k) for k in dict.fromkeys(kinds)]
    what = " och ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " och " + names[-1]
    return Reply(MASKED_NOTICE.format(what=what))


def _home_unit(turn: Turn) -> str | None:
    units = units_of(session=turn.session, person=turn.person, relation=UnitRelation.MEMBER)
    return units[0].name if len(units) == 1 else None


def start_report(turn: Turn) -> list[Reply]:
    understanding = turn.understand()
    analysis = understanding.report
    if analysis.staff_injury:
        return [Reply(STAFF_INJURY_TEXT)]
    draft = ReportDraft(
        kind=analysis.kind,
        area=analysis.area,
        area_evidence=list(analysis.evidence),
        area_candidates=[area for area, _ in analysis.area_candidates][:3],
        area_confirmed=area_is_clear(analysis),
        secondary_areas=list(analysis.secondary_areas),
        occurred_at=understanding.occurred_at.isoformat() if understanding.occurred_at else None,
        occurred_approximate=understanding.occurred_at is not None and not names_clock_time(turn.text),
        consequence=analysis.consequence,
        immediate_action=analysis.immediate_action,
        action_answered=analysis.immediate_action is not None,
        description=analysis.masked_text.strip(),
        severe=analysis.severe,
        lex_sarah=analysis.lex_sarah,
        lex_maria=analysis.lex_maria,
        started_at=turn.now.isoformat(),
    )
    draft.unit = understanding.unit
    if draft.unit is None:
        draft.unit_candidates = turn.services.nlu.units.candidates(turn.text)
        if not draft.unit_candidates:
            draft.unit = _home_unit(turn)
    replies: list[Reply] = []
    if analysis.masked_kinds:
        replies.append(_masked_notice(analysis.masked_kinds))
        draft.masked_notice_given = True
    if content_words(turn.text) < 3:
        draft.pending = "what"
        _save(turn, draft)
        what = "synpunkten" if draft.is_synpunkt else "vad som hände"
        replies.append(Reply(f"Berätta kort {what}, med egna ord. Skriv inga namn eller personnummer."))
        return replies
    return replies + advance(turn, draft)


def advance(turn: Turn, draft: ReportDraft, prefix: list[Reply] | None = None) -> list[Reply]:
    """Ask the next missing thing, or show the summary when nothing is missing."""
    replies = list(prefix or [])
    slot = next_missing(draft)
    if slot is None:
        draft.editing = False
        draft.pending = "confirm"
        _save(turn, draft)
        replies.append(Reply(render_summary(draft, turn.now) + "\n\nStämmer det?", list(CONFIRM_CHOICES)))
        return replies
    draft.pending = slot
    _save(turn, draft)
    replies.append(ask(slot, draft))
    return replies


def _reask(turn: Turn, draft: ReportDraft, problem: str, choices: list[Choice] | None = None) -> list[Reply]:
    question = ask(draft.pending, draft) if draft.pending else Reply("")
    _save(turn, draft)
    return [Reply(f"{problem} {question.text}".strip(), choices if choices else question.choices)]


def _merge_new_description(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    """The user told what happened after an empty start: take everything the NLU finds in it."""
    understanding = turn.understand(text)
    analysis = understanding.report
    replies: list[Reply] = []
    if analysis.staff_injury:
        _drop(turn)
        return [Reply(STAFF_INJURY_TEXT)]
    if analysis.masked_kinds and not draft.masked_notice_given:
        replies.append(_masked_notice(analysis.masked_kinds))
        draft.masked_notice_given = True
    was_synpunkt = draft.is_synpunkt
    draft.description = analysis.masked_text.strip()
    draft.kind = "synpunkt" if was_synpunkt else analysis.kind
    draft.area, draft.area_evidence = analysis.area, list(analysis.evidence)
    draft.area_candidates = [a for a, _ in analysis.area_candidates][:3]
    draft.area_confirmed = area_is_clear(analysis)
    draft.secondary_areas = list(analysis.secondary_areas)
    draft.severe, draft.lex_sarah, draft.lex_maria = analysis.severe, analysis.lex_sarah, analysis.lex_maria
    draft.consequence = draft.consequence or analysis.consequence
    if analysis.immediate_action and not draft.action_answered:
        draft.immediate_action, draft.action_answered = analysis.immediate_action, True
    if understanding.occurred_at and not draft.occurred_at:
        draft.occurred_at = understanding.occurred_at.isoformat()
        draft.occurred_approximate = not names_clock_time(text)
    if understanding.unit:
        draft.unit = understanding.unit
    return replies


def _apply_correction(turn: Turn, draft: ReportDraft, correction: Correction) -> slot_answers.SlotResult:
    value = correction.value
    if correction.slot == "area":
        return slot_answers.read_area(turn, draft, value)
    if correction.slot == "unit":
        return slot_answers.read_unit(turn, draft, value)
    if correction.slot == "time":
        return slot_answers.read_time(turn, draft, value, turn.now)
    if correction.slot == "clock":
        return slot_answers.read_clock(turn, draft, value, turn.now)
    if correction.slot == "consequence":
        return slot_answers.read_consequence(turn, draft, value)
    if correction.slot == "action":
        return slot_answers.read_action(turn, draft, value)
    draft.kind = fold(value)  # the next missing slots of the new kind are asked for
    return slot_answers.OK


def _read_slot(turn: Turn, draft: ReportDraft, text: str) -> slot_answers.SlotResult:
    slot = draft.pending
    if slot == "area":
        return slot_answers.read_area(turn, draft, text)
    if slot == "unit":
        return slot_answers.read_unit(turn, draft, text)
    if slot == "time":
        return slot_answers.read_time(turn, draft, text, turn.now)
    if slot == "consequence":
        return slot_answers.read_consequence(turn, draft, text)
    if slot == "action":
        return slot_answers.read_action(turn, draft, text)
    if slot == "given_by":
        return slot_answers.read_given_by(turn, draft, text)
    if slot == "contact":
        return slot_answers.read_contact(turn, draft, text)
    if slot == "description":
        return slot_answers.read_description(turn, draft, text)
    return slot_answers.SlotResult(False, "Jag tappade tråden.")


def _looks_like_question(turn: Turn) -> bool:
    words = clean(turn.text)
    if words in HELP_WORDS:
        return True
    intent = turn.understand().intent
    return intent in QUESTION_INTENTS and (turn.text.strip().endswith("?") or intent in {"count", "routine"})


def _reminder(draft: ReportDraft) -> Reply:
    what = "synpunkt" if draft.is_synpunkt else "avvikelse"
    question = ask(draft.pending, draft) if draft.pending and draft.pending != "what" else Reply(
        "Berätta kort vad som hände.")
    about = REMINDERS.get(draft.pending or "", "din rapport")
    return Reply(f"(Vi höll på med din {what} – jag behöver veta {about}.) {question.text}", question.choices)


def _edit(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    choices = ask("edit", draft).choices
    choice = match_choice(text, choices)
    if choice is None:
        return _reask(turn, draft, "Välj vad du vill ändra.")
    draft.editing = True
    if choice.value == "område":
        draft.area_confirmed = False
    elif choice.value == "enhet":
        draft.unit = None
    elif choice.value == "tid":
        draft.occurred_at = None
    elif choice.value == "konsekvens":
        draft.consequence = None
    elif choice.value == "åtgärd":
        draft.action_answered = False
    else:
        draft.pending = "description"
        _save(turn, draft)
        return [ask("description", draft)]
    return advance(turn, draft)


def _confirm(turn: Turn, draft: ReportDraft, text: str) -> list[Reply]:
    choice = match_choice(text, CONFIRM_CHOICES)
    if choice is None and is_yes(text):
        choice = CONFIRM_CHOICES[0]
    if choice is None and is_no(text):
        choice = CONFIRM_CHOICES[1]
    if choice is None:
        return _reask(turn, draft, "Svara skicka, ändra eller avbryt.")
    if choice.value == "ändra":
        draft.pending = "edit"
        _save(turn, draft)
        return [ask("edit", draft)]
    if choice.value == "avbryt":
        _drop(turn)
        return [Reply("Okej, rapporten är avbruten. Inget har sparats.")]
    question = name_check.ask_once(turn, draft)
    if question:
        return question
    reply = submit(turn, draft)
    if reply is None:
        _save(turn, draft)
        return [Reply("Det gick inte att spara just nu. Din rapport finns kvar – skriv ”skicka” igen om en liten stund.",
                      [CONFIRM_CHOICES[0]])]
    _drop(turn)
    return [reply]


def continue_report(turn: Turn, state: dict, updated_at: datetime, answer_question: QuestionAnswerer,
                    answer_fresh: QuestionAnswerer) -> list[Reply]:
    draft = ReportDraft.from_state(state)
    text = turn.text
    if clean(text) in CANCEL_WORDS:
        _drop(turn)
        return [Reply("Okej, rapporten är avbruten. Inget har sparats.")]

    if draft.pending == "resume_old":
        held = state.get("held_text", "")
        if is_yes(text) or clean(text) in {"fortsatt", "ja fortsatt"}:
            draft.pending = None
            return advance(turn, draft, [Reply("Bra, vi fortsätter.")])
        if is_no(text) or clean(text) in {"slang", "nej slang den", "slang den"}:
            _drop(turn)
            replies = [Reply("Okej, den gamla rapporten är borttagen.")]
            if held and not (is_yes(held) or is_no(held)):
                turn.message = replace(turn.message, text=held)
                turn._understanding = None
                replies += answer_fresh(turn)
            return replies
        return _reask(turn, draft, "Svara ja för att fortsätta eller nej för att slänga den.")

    if turn.now - updated_at > DRAFT_MAX_AGE:
        when = format_moment(updated_at, turn.now)
        summary = draft.description[:80] + ("…" if len(draft.description) > 80 else "")
        draft.pending = "resume_old"
        state_out = draft.to_state() | {"held_text": text}
        save_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
                   state=state_out, now=updated_at)
        question = ask("resume_old", draft)
        return [Reply(f"Du har en påbörjad rapport från {when} som aldrig skickades: ”{summary}”. {question.text}",
                      question.choices)]

    if draft.pending == name_check.PENDING:
        answer = name_check.read_answer(turn, draft, text)
        return answer.replies if answer.ask_again else answer.replies + _confirm(turn, draft, "skicka")
    correction = find_correction(text)
    if correction is not None and draft.pending not in {"what", "description"}:
        result = _apply_correction(turn, draft, correction)
        if not result.ok:
            return _reask(turn, draft, result.problem, result.choices)
        return advance(turn, draft, [Reply("Ändrat.")])

    if draft.pending == "confirm":
        if _looks_like_question(turn):
            return answer_question(turn) + [_reminder(draft)]
        return _confirm(turn, draft, text)
    if draft.pending == "edit":
        return _edit(turn, draft, text)
    if draft.pending == "what":
        if _looks_like_question(turn):
            return answer_question(turn) + [_reminder(draft)]
        if content_words(text) < 2:
            return [Reply("Berätta kort vad som hände, med några ord.")]
        return advance(turn, draft, _merge_new_description(turn, draft, text))

    free_text = draft.pending in {"action", "description"}
    if free_text and _looks_like_question(turn):
        return answer_question(turn) + [_reminder(draft)]
    result = _read_slot(turn, draft, text)
    if result.ok:
        return advance(turn, draft)
    if not free_text and _looks_like_question(turn):
        return answer_question(turn) + [_reminder(draft)]
    return _reask(turn, draft, result.problem, result.choices)
