"""The one short clarifying question for statistics: which of several units was meant."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from intents.choice_matching import clean, match_choice
from intents.messages import Reply
from intents.statistics.answers import answer_statistics
from intents.statistics.request import ALL_UNITS_VALUE, CLARIFY_FLOW, unit_choices
from intents.turn import Turn
from storage.drafts import delete_draft

__all__ = ["CLARIFY_FLOW", "answer_clarification"]
ALL_UNITS = {"alla", "alla enheter", "bada", "samtliga", "totalt"}


def answer_clarification(turn: Turn, state: dict, answer_fresh: Callable[[Turn], list[Reply]]) -> list[Reply]:
    delete_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)
    names = list(state.get("choices", []))
    choice = match_choice(turn.text, unit_choices(names))
    if choice is None and clean(turn.text) not in ALL_UNITS:
        return answer_fresh(turn)  # not an answer: treat it as a new message
    original = replace(turn.message, text=state["question"])
    asked = Turn(message=original, session=turn.session, person=turn.person, services=turn.services)
    question = asked.understand().question
    if choice and choice.value != ALL_UNITS_VALUE:
        question = replace(question, unit=choice.value)
    else:  # "Alla": all the units the question could mean ("hemtjänsten": every hemtjänst unit), not everything
        question = replace(question, unit=None, compared_units=tuple(names))
    answers = answer_statistics(asked, question, can_clarify=False)
    turn.outbox.extend(asked.outbox)
    return answers
