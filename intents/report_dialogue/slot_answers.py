"""Reading the user's answer to the slot we asked about. Each reader fills the draft or says why not."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from intents.choice_matching import clean, is_no, match_choice
from intents.messages import Choice
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.questions import (
    AREA_LABELS,
    CONSEQUENCE_CHOICES,
    CONTACT_CHOICES,
    GIVER_CHOICES,
    SKIP,
)
from intents.turn import Turn
from nlp_models.personal_data.masking import mask_personal_data
from nlp_models.times.expressions import names_clock_time, resolve_occurred_at
from storage.timestamps import STOCKHOLM


@dataclass
class SlotResult:
    ok: bool
    problem: str = ""  # Swedish: why the answer was not understood
    choices: list[Choice] = field(default_factory=list)  # e.g. unit suggestions


OK = SlotResult(True)
AREA_CHOICES = [Choice(label, value) for value, label in AREA_LABELS.items()]
_NOW_WORDS = {"nu", "just nu", "precis nu", "alldeles nyss", "nyss", "precis"}
_UNKNOWN_WORDS = {"vet inte", "vet ej", "osaker", "minns inte", "ingen aning"}


def read_area(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    choice = match_choice(text, [Choice(AREA_LABELS.get(a, a), a) for a in draft.area_candidates] + AREA_CHOICES)
    if choice is None:
        analysis = turn.understand(text).report
        if analysis.area != "övrigt" and analysis.evidence:
            choice = Choice(AREA_LABELS[analysis.area], analysis.area)
    if choice is None:
        return SlotResult(False, "Jag förstod inte vilket område du menar.")
    if choice.value != draft.area:
        draft.area_evidence = []  # the words found were evidence for another area
    draft.area = choice.value
    draft.area_confirmed = True
    return OK


def read_unit(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    matcher = turn.services.nlu.units
    choice = match_choice(text, [Choice(n, n) for n in draft.unit_candidates]) if draft.unit_candidates else None
    found = choice.value if choice else None
    if found is None:
        hit = matcher.lookup(text) or matcher.find(text)
        found = hit.name if hit else None
    if found is None:
        ambiguous = matcher.candidates(text)
        if ambiguous:
            draft.unit_candidates = ambiguous
            return SlotResult(False, "Det finns flera enheter som passar.", [Choice(n, n) for n in ambiguous])
        suggestions = matcher.suggest(text)
        draft.unit_candidates = suggestions
        shown = clean(text)[:40]
        return SlotResult(False, f"Jag hittar ingen enhet som heter ”{shown}”." + (" Menar du någon av dessa?" if suggestions else ""),
                          [Choice(n, n) for n in suggestions])
    draft.unit = found
    draft.unit_candidates = []
    return OK


def read_time(turn: Turn, draft: ReportDraft, text: str, now: datetime) -> SlotResult:
    words = clean(text)
    if words in _NOW_WORDS:
        draft.occurred_at, draft.occurred_approximate = now.isoformat(), False
        return OK
    if words in _UNKNOWN_WORDS:
        return SlotResult(False, "Ungefär räcker, t.ex. ”i natt”, ”i morse” eller ”i går kväll”.")
    moment = resolve_occurred_at(text, now)
    if moment is None:
        return SlotResult(False, "Jag förstod inte tiden (den kan inte heller ligga i framtiden).")
    draft.occurred_at, draft.occurred_approximate = moment.isoformat(), not names_clock_time(text)
    return OK


def read_clock(turn: Turn, draft: ReportDraft, text: str, now: datetime) -> SlotResult:
    """Only a clock time ("kl 02.30"): on the day already given ("i natt" → that night), else today."""
    known = draft.occurred()
    if known is not None:
        day = known.astimezone(STOCKHOLM).date()
        # that day, or the evening before it ("i natt" is stored on the morning side of midnight)
        for candidate in (day, day - timedelta(days=1)):
            end_of_day = datetime.combine(candidate, time(23, 59), tzinfo=STOCKHOLM)
            moment = resolve_occurred_at(text, min(now, end_of_day))
            if moment is not None and moment.astimezone(STOCKHOLM).date() == candidate:
                draft.occurred_at, draft.occurred_approximate = moment.isoformat(), False
                return OK
    return read_time(turn, draft, text, now)


def read_consequence(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    choice = match_choice(text, CONSEQUENCE_CHOICES)
    if choice is None and is_no(text):
        choice = CONSEQUENCE_CHOICES[0]
    if choice is None:
        cue = turn.understand(text).report.consequence
        if cue:
            draft.consequence = cue
            return OK
        return SlotResult(False, "Välj den konsekvens som passar bäst.")
    draft.consequence = choice.value
    return OK


def read_action(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    if match_choice(text, [SKIP, Choice("nej", "nej"), Choice("inget", "inget"), Choice("ingenting", "ingenting")]):
        draft.immediate_action = None
    else:
        draft.immediate_action = mask_personal_data(text.strip()).text[:500] or None
    draft.action_answered = True
    return OK


def read_given_by(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    choice = match_choice(text, GIVER_CHOICES)
    if choice is None:
        return SlotResult(False, "Välj vem som lämnade synpunkten.")
    draft.given_by = choice.value
    return OK


def read_contact(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    choice = match_choice(text, CONTACT_CHOICES)
    if choice is None:
        words = clean(text)
        if is_no(text):
            choice = CONTACT_CHOICES[0]
        elif "tel" in words or "ring" in words:
            choice = CONTACT_CHOICES[2]
        elif "skrift" in words or "brev" in words or "mejl" in words or "mail" in words:
            choice = CONTACT_CHOICES[1]
    if choice is None:
        return SlotResult(False, "Svara nej, skriftligt eller telefon.")
    draft.contact_wanted = None if choice.value == "nej" else choice.value
    draft.contact_answered = True
    return OK


def read_description(turn: Turn, draft: ReportDraft, text: str) -> SlotResult:
    masked = mask_personal_data(text.strip())
    if len(masked.text.split()) < 2:
        return SlotResult(False, "Beskriv gärna med några ord vad som hände.")
    draft.description = masked.text
    return OK
