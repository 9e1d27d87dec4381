"""Understanding a typed answer to a question with choices: "2", "ja", "skicka", "lindrig", "lindig".

A thin layer over the shared answer reader (nlp_models/answers, words in rules/answers.toml), for
questions that only need "which choice" or "yes/no".
"""

from __future__ import annotations

from intents.messages import Choice
from nlp_models.answers import AnswerKind, Question, answer_words, phrase, read_answer


def clean(text: str) -> str:
    return phrase(text)


def is_yes(text: str) -> bool:
    return clean(text) in answer_words().yes


def is_no(text: str) -> bool:
    return clean(text) in answer_words().no


def is_cancel(text: str) -> bool:
    return clean(text) in answer_words().cancel


def match_choice(text: str, choices: list[Choice], *, topic: str = "") -> Choice | None:
    """The choice a typed answer means: its number, value or label, the topic's words for it, or a close
    spelling of one."""
    answer = read_answer(text, Question(topic, tuple(choices)))
    return answer.option if answer.kind == AnswerKind.OPTION else None  # type: ignore[return-value]


def match_yes_no_choice(text: str, choices: list[Choice]) -> Choice | None:
    """`match_choice`, and a plain yes for the first choice and a plain no for the second."""
    choice = match_choice(text, choices)
    if choice is None and is_yes(text):
        choice = choices[0]
    if choice is None and is_no(text):
        choice = choices[1]
    return choice
