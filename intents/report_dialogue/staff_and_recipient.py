"""A staff injury told together with what happened to a care recipient.

"lyften gick sönder mitt i förflyttningen kl 15, bru föll ner i sängen och slog i armen, min kollega fick
klämt fingret": the colleague's injury is a tillbud or arbetsskada for the work-environment system, but
the care recipient's fall is an avvikelse. The parts that tell of staff being hurt are left out, and the
rest - when it names a care recipient and an event - becomes the report.
"""

from __future__ import annotations

from intents.report_dialogue.answer_parts import quote, recipient_words
from intents.turn import Turn
from nlp_models.answers import phrase
from nlp_models.answers.clauses import clauses


def recipient_part(turn: Turn, text: str) -> str | None:
    """What the message tells happened to a care recipient besides a staff injury, as written; None when only
    staff were hurt (or the parts cannot be told apart)."""
    parts = clauses(text)
    staff = [p for p in parts if turn.understand(p.text).report.staff_injury]
    others = [p for p in parts if p not in staff]
    if not staff or not others:
        return None
    rest = quote(text, others)
    analysis = turn.understand(rest).report
    if analysis.staff_injury or not analysis.area_evidence or not set(phrase(rest).split()) & recipient_words():
        return None
    return rest
