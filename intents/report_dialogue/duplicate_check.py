"""Duplicates: before a report is saved, ask once whether it is the same event as a close earlier
report - same unit, same area and kind, happened within 48 hours of it, similar text - without
showing anything of the other report but when it was reported:

    "Innan jag sparar: en liknande händelse på samma enhet har redan rapporterats.
     Är det samma händelse som rapporterades i dag kl 03.10?"   [Ja, samma] [Nej, en annan]

"Ja" (or "vet ej") saves the report marked as a possible duplicate, for the chef to decide
("AV-… är dubblett av AV-…"); "nej" saves it as it is. Nothing is lost either way.

Hooked into the dialogue at two points, like the name question: `ask_once` when the user chooses to
send, and `read_answer` for the reply (`draft.pending == PENDING`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz

from intents.messages import Choice, Reply
from intents.report_dialogue.draft import ReportDraft
from intents.swedish_dates import format_moment
from intents.turn import Turn
from nlp_models.answers import AnswerKind, Question, read_answer as read_short_answer
from nlp_models.text.normalize import fold
from storage.drafts import save_draft
from storage.report_queries import similar_report_candidates
from storage.reports import get_report, mark_possible_duplicate
from storage.units import get_unit_by_name

PENDING = "duplicate"
WINDOW_HOURS = 48
SIMILARITY = 65  # rapidfuzz token_set_ratio of the stemmed content words, 0-100
STEM = 5  # words compared by their first letters: "hittad"/"hittade", "brukare"/"brukaren"
CHOICES = [Choice("Ja, samma", "ja"), Choice("Nej, en annan", "nej")]
QUESTION = Question("duplicate", options=CHOICES, yes=("ja",), no="nej", unknown="vet ej")
_SMALL_WORDS = frozenset("i pa och en ett att det som med till av for var har hade vid om ar den de hon han hen "
                         "inte kl sa men fran ut in upp nu da".split())


@dataclass(frozen=True)
class Earlier:
    reference: str
    reported_at: datetime
    similarity: float


@dataclass
class DuplicateAnswer:
    replies: list[Reply] = field(default_factory=list)
    ask_again: bool = False


def content(text: str) -> str:
    """The words that carry the event, each cut to its stem: what two reports of one event share."""
    return " ".join(w[:STEM] for w in re.findall(r"[a-z]+", fold(text)) if w not in _SMALL_WORDS and len(w) > 1)


def similarity(a: str, b: str) -> float:
    return fuzz.token_set_ratio(content(a), content(b))


def find_earlier(turn: Turn, draft: ReportDraft) -> Earlier | None:
    """The most similar close earlier report of the same unit, area and kind, if similar enough."""
    unit = get_unit_by_name(session=turn.session, name=draft.unit) if draft.unit else None
    occurred = draft.occurred() or turn.now
    if unit is None:
        return None
    best: Earlier | None = None
    for _id, reference, description, _occurred_at, reported_at in similar_report_candidates(
            session=turn.session, unit_id=unit.id, area=draft.area, kind=draft.kind, around=occurred,
            hours=WINDOW_HOURS):
        if reference in draft.linked:
            continue  # the reporter named it ("samma bru som i AV-…"): they have said how the two relate
        score = similarity(draft.description, description)
        if score >= SIMILARITY and (best is None or score > best.similarity):
            best = Earlier(reference, reported_at, score)
    return best


def _save(turn: Turn, draft: ReportDraft) -> None:
    save_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
               state=draft.to_state(), now=turn.now)


def ask_once(turn: Turn, draft: ReportDraft) -> list[Reply] | None:
    """The question, when a close earlier report exists and it was not asked before; None: go on."""
    if draft.duplicate_asked:
        return None
    draft.duplicate_asked = True
    earlier = find_earlier(turn, draft)
    if earlier is None:
        return None
    draft.duplicate_candidate, draft.pending = earlier.reference, PENDING
    _save(turn, draft)
    when = format_moment(earlier.reported_at, turn.now)
    return [Reply("Innan jag sparar: en liknande händelse på samma enhet har redan rapporterats. "
                  f"Är det samma händelse som rapporterades {when}?", list(CHOICES))]


def read_answer(turn: Turn, draft: ReportDraft, text: str) -> DuplicateAnswer:
    """Yes (or "vet ej"): save marked as a possible duplicate; no: save as it is; else ask again."""
    answer = read_short_answer(text, QUESTION)
    value = answer.option.value if answer.kind == AnswerKind.OPTION else None
    if answer.kind == AnswerKind.UNKNOWN:
        value = "ja"
    if value is None:
        _save(turn, draft)
        return DuplicateAnswer([Reply("Svara ja om det är samma händelse, eller nej om det är en annan.",
                                      list(CHOICES))], ask_again=True)
    draft.pending = "confirm"
    if value == "ja":
        draft.possible_duplicate_of = draft.duplicate_candidate
        return DuplicateAnswer([Reply("Okej, jag sparar den och noterar att det troligen är samma händelse – "
                                      "chefen ser det och avgör. Det du skrev finns kvar i rapporten.")])
    return DuplicateAnswer()


def note_possible_duplicate(turn: Turn, draft: ReportDraft, report) -> None:
    """After saving: point the new report at the earlier one the reporter thinks it repeats."""
    if not draft.possible_duplicate_of:
        return
    earlier = get_report(session=turn.session, reference=draft.possible_duplicate_of)
    if earlier is not None:
        mark_possible_duplicate(session=turn.session, report=report, earlier=earlier)
