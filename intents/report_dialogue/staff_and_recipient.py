"""A staff injury told together with what happened to a care recipient.

"lyften gick sönder mitt i förflyttningen kl 15, bru föll ner i sängen och slog i armen, min kollega fick
klämt fingret": the colleague's injury is a tillbud or arbetsskada for the work-environment system, but
the care recipient's fall is an avvikelse. The parts that tell of staff being hurt are left out, and the
rest - when it names a care recipient and an event - becomes the report.
"""

from __future__ import annotations

from functools import lru_cache

from intents.report_dialogue.answer_parts import quote
from intents.turn import Turn
from nlp_models.answers import answer_words, phrase
from nlp_models.answers.clauses import clauses
from nlp_models.reports.rules import word_list


@lru_cache(maxsize=1)
def recipient_words() -> frozenset[str]:
    """Single words for the care recipient ("bru", "brukaren", "boende"): rules/lists/mottagare.csv and the
    answer words for a synpunkt from the brukare."""
    words = {phrase(w) for w in word_list("mottagare")}
    words |= {said for said in answer_words().topics.get("given_by", {}).get("brukare", ()) if " " not in said}
    return frozenset(words)


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
