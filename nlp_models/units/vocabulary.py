"""The words of `rules/unit_words.toml` (abbreviations, generic and common words), folded."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import rules_path

UNIT_WORDS_FILE = rules_path("unit_words.toml")


@dataclass(frozen=True)
class UnitVocabulary:
    abbreviations: dict[str, str]
    generic: frozenset[str]
    weak: frozenset[str]
    common: frozenset[str]

    def expand(self, word: str) -> str:
        """The full form of a folded word ("hemtj" -> "hemtjanst")."""
        return self.abbreviations.get(word, word)


@lru_cache(maxsize=1)
def unit_vocabulary() -> UnitVocabulary:
    data = tomllib.loads(UNIT_WORDS_FILE.read_text(encoding="utf-8"))
    return UnitVocabulary(
        abbreviations={fold(k): fold(v) for k, v in data["abbreviations"].items()},
        generic=frozenset(fold(w) for w in data["generic"]["words"]),
        weak=frozenset(fold(w) for w in data["generic"]["weak"]),
        common=frozenset(fold(w) for w in data["common"]["words"]),
    )
