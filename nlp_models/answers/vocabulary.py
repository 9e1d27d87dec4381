"""The answer vocabulary (rules/answers.toml), folded once: yes, no, "vet ej", skip, the words of each choice."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import read_toml

_NOT_WORD = re.compile(r"[^\w\s-]+|(?<!\w)-(?!\w)")


def phrase(text: str) -> str:
    """An answer as the vocabulary is written: folded, punctuation gone, single spaces ("Nä!" → "na")."""
    folded = fold(text or "")
    cleaned = _NOT_WORD.sub(" ", folded.replace("_", " "))
    words = cleaned.split()
    if not words and folded.strip() == "-":
        return "-"
    return " ".join(words)


def _folded(words) -> frozenset[str]:
    return frozenset(p for p in (phrase(w) for w in words) if p)


@dataclass(frozen=True)
class AnswerWords:
    yes: frozenset[str]
    no: frozenset[str]
    unknown: frozenset[str]
    skip: frozenset[str]
    later: frozenset[str]
    cancel: frozenset[str]
    edit: frozenset[str]
    help: frozenset[str]
    more: frozenset[str]  # "visa fler": the next page of a list
    fillers: frozenset[str]
    hedges: tuple[str, ...]  # longest first
    already_said: frozenset[str]
    # topic → choice value → the phrases that mean it
    topics: Mapping[str, Mapping[str, frozenset[str]]]
    # correction vocabulary: field names, change/wrong/lead/copula words, description and kind phrases
    corrections: Mapping[str, tuple[str, ...]]
    correction_fields: Mapping[str, tuple[str, ...]]
    # topic → value → the phrases that name the value itself (not a sign of it), longest first
    explicit: Mapping[str, Mapping[str, tuple[str, ...]]]
    clause_joiners: frozenset[str]
    clause_kept: frozenset[str]
    greetings: tuple[str, ...]  # longest first
    introductions: tuple[str, ...]  # longest first


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(_folded(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def answer_words() -> AnswerWords:
    data = read_toml("answers.toml")
    words = data["words"]
    topics = {
        topic: MappingProxyType({value: _folded(phrases) for value, phrases in choices.items()})
        for topic, choices in data.get("topics", {}).items()
    }
    corrections = dict(data.get("corrections", {}))
    fields = corrections.pop("fields", {})
    kinds = corrections.pop("kind", {})
    flat = {name: _longest_first(items) for name, items in corrections.items()}
    flat.update({f"kind.{kind}": _longest_first(items) for kind, items in kinds.items()})
    return AnswerWords(
        yes=_folded(words["yes"]), no=_folded(words["no"]), unknown=_folded(words["unknown"]),
        skip=_folded(words["skip"]), later=_folded(words["later"]), cancel=_folded(words["cancel"]),
        edit=_folded(words["edit"]), help=_folded(words["help"]), more=_folded(words["more"]),
        fillers=_folded(words["fillers"]),
        hedges=_longest_first(words.get("hedges", [])), already_said=_folded(words.get("already_said", [])),
        topics=MappingProxyType(topics),
        corrections=MappingProxyType(flat),
        correction_fields=MappingProxyType({name: _longest_first(items) for name, items in fields.items()}),
        explicit=MappingProxyType({topic: MappingProxyType({value: _longest_first(items) for value, items in values.items()})
                                   for topic, values in data.get("explicit", {}).items()}),
        clause_joiners=_folded(data.get("clauses", {}).get("joiners", [])),
        clause_kept=_folded(data.get("clauses", {}).get("kept", [])),
        greetings=_longest_first(data.get("preamble", {}).get("greetings", [])),
        introductions=_longest_first(data.get("preamble", {}).get("introductions", [])),
    )
