"""How a conversation opens: greetings and introductions before a report, and short report openers.

- "hi, I work nights at Solgården. A resident fell …" and "hej! god morgon, jag jobbar natt på Solgården.
  bru ramlade …": the greeting and the introduction decide nothing; what follows does.
- "fall", "ett fall inatt", "läkemedelsavvikelse igår": the words of a statistics question, but for a
  care worker, who cannot see statistics, they can only be the start of a report; and an event with an
  event time and an article ("ett fall i natt") is a report for any role.

The words are data (rules/answers.toml [preamble]).
"""

from __future__ import annotations

from datetime import timedelta

from intents.access import statistics_scope
from intents.report_dialogue.answer_parts import quote
from intents.report_dialogue.intake import asks_something
from intents.turn import Turn
from nlp_models.answers import answer_words, phrase
from nlp_models.answers.clauses import clauses
from nlp_models.times.expressions import resolve_occurred_at, said_precision

EVENT_DAYS = 2  # "i går", "i natt", "i förrgår": a time an event happened, not a period to count over
_ONE_EVENT = {"en", "ett", "one", "a", "an"}


def _is_greeting(words: list[str]) -> bool:
    vocabulary = answer_words()
    text = f" {' '.join(words)} "
    for said in vocabulary.greetings:
        text = text.replace(f" {said} ", " ")
    return not [w for w in text.split() if w not in vocabulary.fillers]


def without_greeting(text: str) -> str:
    """`text` without the greeting parts it starts with ("hej!", "hi,", "god morgon,")."""
    parts = clauses(text)
    index = 0
    while index < len(parts) and _is_greeting(phrase(parts[index].text).split()):
        index += 1
    return text if index == 0 else quote(text, parts[index:]) if index < len(parts) else ""


def without_preamble(turn: Turn, text: str) -> str:
    """`text` without the greeting and the introduction before the message proper ("jag jobbar natt på
    Solgården", "I work nights at Solgården"): an introduction tells no event."""
    rest = without_greeting(text)
    parts = clauses(rest)
    introductions = answer_words().introductions
    index = 0
    while index < len(parts):
        said = phrase(parts[index].text)
        introduces = any(said == i or said.startswith(i + " ") for i in introductions)
        if not introduces or turn.understand(parts[index].text).report.area_evidence:
            break
        index += 1
    return rest if index == 0 else quote(rest, parts[index:]) if index < len(parts) else ""


def _event_time(turn: Turn, text: str) -> bool:
    """A time an event happened ("i natt", "i går kväll", "kl 14"), not a period to count over ("i mars")."""
    moment = resolve_occurred_at(text, turn.now)
    if moment is None or said_precision(text) is None:
        return False
    return turn.now - moment <= timedelta(days=EVENT_DAYS)


def opens_report(turn: Turn, text: str) -> bool:
    """A short message read as a statistics question that can only be, or is plainly, the start of a report."""
    understanding = turn.understand(text)
    if understanding.intent != "count" or asks_something(text):
        return False
    question = understanding.question
    if question.group_by is not None or question.counted_outright or any(e.startswith("group_") for e in question.evidence):
        return False  # "antal fall", "fall per enhet": numbers asked for in so many words
    if statistics_scope(session=turn.session, person=turn.person) is None:
        return True
    return _event_time(turn, text) and bool(set(phrase(text).split()) & _ONE_EVENT)
