"""English and mixed messages: which messages are English, and which Swedish domain word an
English word stands for (`rules/lexicon/english.csv`, `english.toml`).

Translating words to the Swedish domain lemmas ("fell" -> "falla", "meds" -> "medicin") lets
the Swedish word classes and patterns read English too, so English needs no second rule set,
only a lexicon and a few phrase patterns.

    >>> english = english_lexicon()
    >>> english.lemma("tripped"), english.is_english("she tripped over the rug".split())
    ('snubbla', True)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import read_csv, read_toml


@dataclass(frozen=True)
class EnglishLexicon:
    words: dict[str, str]                 # English base or irregular form -> Swedish lemma
    mixed: frozenset[str]                 # forms read in Swedish messages too ("meds")
    phrases: dict[tuple[str, str], str]   # two-word compounds ("pressure", "ulcer") -> "trycksar"
    endings: tuple[tuple[str, str], ...]
    function_words: frozenset[str]       # never read as Swedish in an English message
    deciding_words: frozenset[str]       # function words that decide the language
    min_hits: int
    min_share: float

    def bases(self, word: str) -> list[str]:
        """`word` and the base forms its regular endings may come from ("tripped" -> "trip")."""
        word = word.lower().strip(".,;:!?()\"'")
        found = [word]
        for ending, replacement in self.endings:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                found.append(word[: len(word) - len(ending)] + replacement)
        return found

    def lemma(self, word: str) -> str | None:
        """The Swedish domain lemma of an English word form, or None."""
        for base in self.bases(word):
            if base in self.words:
                return self.words[base]
        return None

    def phrase(self, first: str, second: str) -> str | None:
        """The Swedish compound two English words stand for ("air mattress" -> "luftmadrass")."""
        first = first.lower()
        for base in self.bases(second):
            found = self.phrases.get((first, base))
            if found is not None:
                return found
        return None

    def is_english(self, words: Sequence[str]) -> bool:
        """True when enough of `words` (lowercase tokens) are English function words."""
        deciding = self.deciding_words
        hits = sum(1 for w in words if w in deciding)
        if hits < self.min_hits:
            return False
        alpha = [w for w in words if any(ch.isalpha() for ch in w)]
        shared = sum(1 for w in alpha if w in self.function_words)
        return bool(alpha) and shared / len(alpha) >= self.min_share

    def is_function_word(self, word: str) -> bool:
        return word in self.function_words


@lru_cache(maxsize=1)
def english_lexicon() -> EnglishLexicon:
    settings = read_toml("lexicon/english.toml")
    rows = read_csv("lexicon/english.csv")
    words = {row["english"].lower(): fold(row["svenska"].lower()) for row in rows if " " not in row["english"]}
    phrases = {
        tuple(row["english"].lower().split(" ", 1)): fold(row["svenska"].lower())
        for row in rows if " " in row["english"]
    }
    mixed = frozenset(row["english"].lower() for row in rows if row.get("mixed", "").lower() == "ja")
    detect = settings["detect"]
    function_words = frozenset(w.lower() for w in detect["function_words"])
    shared = frozenset(w.lower() for w in detect.get("shared_with_swedish", []))
    return EnglishLexicon(
        words=words,
        mixed=mixed,
        phrases=phrases,  # type: ignore[arg-type]
        endings=tuple((str(a), str(b)) for a, b in settings["inflection"]["endings"]),
        function_words=function_words,
        deciding_words=function_words - shared,
        min_hits=int(detect["min_hits"]),
        min_share=float(detect["min_share"]),
    )
