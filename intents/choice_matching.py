"""Understanding a typed answer to a question with choices: "2", "ja", "skicka", "lindrig", "lindig"."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from intents.messages import Choice
from nlp_models.text.normalize import fold

YES = {"ja", "j", "japp", "jo", "jajamen", "ok", "okej", "oki", "visst", "absolut", "stammer", "ja tack", "yes", "y"}
NO = {"nej", "n", "nae", "na", "nope", "no", "nej tack", "inte"}


def clean(text: str) -> str:
    return " ".join(fold(text).strip(" \t\n.!?,:;\"'").split())


def is_yes(text: str) -> bool:
    return clean(text) in YES


def is_no(text: str) -> bool:
    return clean(text) in NO


def match_choice(text: str, choices: list[Choice], *, cutoff: float = 82) -> Choice | None:
    """The choice a typed answer means: its number, value or label, or a close spelling of one."""
    answer = clean(text)
    if not answer or not choices:
        return None
    if answer.isdigit():
        index = int(answer) - 1
        return choices[index] if 0 <= index < len(choices) else None
    for choice in choices:
        if answer in (clean(choice.value), clean(choice.label)):
            return choice
    for choice in choices:  # "ingen" for "ingen skada", "tel" for "telefon"
        label = clean(choice.label)
        if len(answer) >= 3 and (label.startswith(answer) or answer.startswith(label)):
            return choice
    if len(answer) >= 3:  # "syd" for "Hemtjänst Syd", when only one choice has that word
        by_word = [c for c in choices if answer in clean(c.label).split()]
        if len(by_word) == 1:
            return by_word[0]
    labels = [clean(c.label) for c in choices]
    best = process.extractOne(answer, labels, scorer=fuzz.ratio, score_cutoff=cutoff)
    return choices[best[2]] if best else None


def match_yes_no_choice(text: str, choices: list[Choice]) -> Choice | None:
    """`match_choice`, and a plain yes for the first choice and a plain no for the second."""
    choice = match_choice(text, choices)
    if choice is None and is_yes(text):
        choice = choices[0]
    if choice is None and is_no(text):
        choice = choices[1]
    return choice
