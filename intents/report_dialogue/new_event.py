"""Is a message sent while a question waits an answer, or a new event?

A message that is itself a report - it names an event, and the NLU finds an area, time or unit
different from the draft's - is not used as the answer: the bot asks, and keeps both.
"""

from __future__ import annotations

from datetime import timedelta

from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.intake import area_is_clear, content_words, tells_of_event
from intents.turn import Turn
from nlp_models.personal_data.masking import mask_personal_data

MIN_WORDS = 4  # "ett fall", "i går kl 22" are answers
WHOLE_REPORT_WORDS = 8
SAME_TIME = timedelta(hours=1)
NO_NEW_EVENT_WHILE = {"what", "description", "new_or_answer", "resume_old"}


def whole_report(turn: Turn, text: str) -> bool:
    """A message that is a report on its own: an event, with at least two of unit, time, harm and action."""
    if content_words(text) < WHOLE_REPORT_WORDS:
        return False
    understanding = turn.understand(text)
    analysis = understanding.report
    facets = [understanding.unit, understanding.occurred_at, analysis.consequence, analysis.immediate_action]
    return bool(analysis.area_evidence) and sum(f is not None for f in facets) >= 2


def differences(turn: Turn, draft: ReportDraft, text: str) -> list[str]:
    """The cues in `text` that differ from the draft: "område", "tid", "enhet", "typ". A whole report that names a
    unit or a time the draft does not have yet differs too: it may be another event."""
    understanding = turn.understand(text)
    analysis = understanding.report
    found = []
    whole = whole_report(turn, text)
    long_story = whole or content_words(text) >= WHOLE_REPORT_WORDS
    # a unit only guessed from the person's own units is no unit said: naming another one fills it in
    said_unit = draft.unit if not draft.unit_guessed else None
    if understanding.unit and (said_unit or long_story) and understanding.unit != draft.unit:
        found.append("enhet")
    occurred = draft.occurred()
    if understanding.occurred_at and (
            (occurred and abs(understanding.occurred_at - occurred) >= SAME_TIME) or (not occurred and whole)):
        found.append("tid")
    # the area differs from the one the draft was read as (not while the area question waits: that answer names one);
    # "övrigt", the catch-all with weak cues ("han verkade okej sen"), only in a whole report of its own
    if (analysis.area != draft.area and analysis.area_evidence and area_is_clear(analysis)
            and draft.pending != "area" and (draft.area_evidence or draft.area_confirmed)
            and (analysis.area != "övrigt" or whole)):
        found.append("område")
    if analysis.kind != draft.kind and analysis.kind == "synpunkt":
        found.append("typ")
    return found


def tells_more(turn: Turn, text: str) -> bool:
    """An answer that also tells of the event ("hon hade ramlat ur sängen och larmet låg på golvet"): its words
    belong in the description, not only in the field it answered."""
    if content_words(text) < MIN_WORDS:
        return False
    analysis = turn.understand(text).report
    return bool(analysis.area_evidence or analysis.consequence_cues or analysis.action_cues or analysis.severity_evidence)


def repeats_held_event(draft: ReportDraft, text: str) -> bool:
    """The same words again after "ny händelse": the person meant them as the answer after all."""
    return mask_personal_data(text).text in draft.queued


def is_new_event(turn: Turn, draft: ReportDraft, text: str) -> bool:
    if draft.pending in NO_NEW_EVENT_WHILE or content_words(text) < MIN_WORDS or repeats_held_event(draft, text):
        return False
    understanding = turn.understand(text)
    analysis = understanding.report
    if understanding.intent != "report" and not analysis.staff_injury and not tells_of_event(turn, text):
        return False
    if draft.pending == "confirm" and content_words(text) >= WHOLE_REPORT_WORDS:
        return True  # a story after the summary is no "skicka": this report's, or another event's - ask
    found = differences(turn, draft, text)
    names_event = bool(analysis.area_evidence) or analysis.kind == "synpunkt" or analysis.staff_injury
    # words the area rules do not know ("lyften har varit trasig") still tell of another event when both the
    # unit and the time differ
    return bool(found) and (names_event or len(found) >= 2)
