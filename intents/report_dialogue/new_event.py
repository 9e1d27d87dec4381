"""Is a message sent while a question waits an answer, or a new event?

A message that is itself a report - it names an event, and the NLU finds an area, time or unit
different from the draft's - is not used as the answer: the bot asks, and keeps both.
"""

from __future__ import annotations

from datetime import timedelta

from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.intake import area_is_clear, content_words
from intents.turn import Turn

MIN_WORDS = 4  # "ett fall", "i går kl 22" are answers
SAME_TIME = timedelta(hours=1)
NO_NEW_EVENT_WHILE = {"what", "description", "new_or_answer", "resume_old"}


def differences(turn: Turn, draft: ReportDraft, text: str) -> list[str]:
    """The cues in `text` that differ from the draft: "område", "tid", "enhet", "typ"."""
    understanding = turn.understand(text)
    analysis = understanding.report
    found = []
    if understanding.unit and draft.unit and understanding.unit != draft.unit:
        found.append("enhet")
    occurred = draft.occurred()
    if understanding.occurred_at and occurred and abs(understanding.occurred_at - occurred) >= SAME_TIME:
        found.append("tid")
    if (analysis.area != draft.area and analysis.area_evidence and area_is_clear(analysis)
            and (draft.area_confirmed or draft.area_chosen)):
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


def is_new_event(turn: Turn, draft: ReportDraft, text: str) -> bool:
    if draft.pending in NO_NEW_EVENT_WHILE or content_words(text) < MIN_WORDS:
        return False
    understanding = turn.understand(text)
    analysis = understanding.report
    if understanding.intent != "report" and not analysis.staff_injury:
        return False
    names_event = bool(analysis.area_evidence) or analysis.kind == "synpunkt" or analysis.staff_injury
    return names_event and bool(differences(turn, draft, text))
