"""A changed description is read again: what it implies for area, consequence and severity.

"lägg till att hon slog i huvudet" after "ingen skada" makes the consequence uncertain and flags the
report; a level the person named ("måttlig") is not changed by mere signs in later words ("ont i armen"); "ändra beskrivningen: bru fick fel tabletter" moves a fall to läkemedel. The dialogue shows
every such change before the report is saved.
"""

from __future__ import annotations

from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.intake import apply_analysis, named_consequence, set_time
from intents.turn import Turn
from nlp_models.personal_data.masking import mask_personal_data

NOT_HARMED = (None, "ingen", "okänd")


def _joined(description: str, addition: str) -> str:
    start = description.rstrip()
    if start and start[-1] not in ".!?":
        start += "."
    return f"{start} {addition[:1].upper()}{addition[1:]}".strip()


def change_description(turn: Turn, draft: ReportDraft, value: str, *, append: bool) -> None:
    """Add to (append) or replace the description, then let the NLU re-decide what it implies."""
    masked = mask_personal_data(value.strip()).text
    draft.description = _joined(draft.description, masked) if append else masked
    whole = turn.understand(draft.description)
    new_words = turn.understand(masked).report if append else whole.report
    before = (draft.area, draft.area_confirmed, draft.area_chosen)
    flags = (draft.severe, draft.lex_sarah, draft.lex_maria)
    apply_analysis(draft, whole.report)
    if before[2]:  # the person chose the area; the text does not overrule that, its own area is secondary
        analysed = draft.area
        if analysed != before[0]:
            draft.area_evidence = []
        draft.area, draft.area_confirmed, draft.area_chosen = before
        pointed = [analysed] if analysed != "övrigt" and whole.report.area_evidence else []
        draft.secondary_areas = [a for a in dict.fromkeys(pointed + draft.secondary_areas) if a != draft.area]
    if append:  # an addition can only add flags
        draft.severe, draft.lex_sarah, draft.lex_maria = (
            old or new for old, new in zip(flags, (draft.severe, draft.lex_sarah, draft.lex_maria)))
    if draft.is_synpunkt:
        return
    named = named_consequence(masked)
    if named is not None:  # the level named in the new words
        draft.consequence, draft.consequence_said = named, True
    elif new_words.consequence and new_words.consequence != draft.consequence and not draft.consequence_said:
        draft.consequence = new_words.consequence
    elif new_words.severe and draft.consequence in NOT_HARMED:
        draft.consequence, draft.consequence_said = None, False  # "ingen skada" no longer fits: asked again
    if "consequence" in draft.unknown and draft.consequence is None:
        draft.unknown.remove("consequence")
    if new_words.immediate_action and not draft.immediate_action:
        draft.immediate_action, draft.action_answered = new_words.immediate_action, True
    understanding = turn.understand(masked)
    if understanding.unit and (not append or not draft.unit):
        draft.unit = understanding.unit
    if understanding.occurred_at and (not append or not draft.occurred_at):
        set_time(draft, understanding.occurred_at, masked)
