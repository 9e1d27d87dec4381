"""Typo correction towards the domain lexicon, careful not to over-correct.

A word is corrected only when all of these hold (settings in `rules/lexicon/spelling.toml`):
- it is long enough (short words are too easy to confuse: "fall"/"full", "larm"/"varm");
- it is not an ordinary Swedish word (the word list of spacy-lookups-data, plus the
  `protected` words of spelling.toml), so "vänta" never becomes "vända";
- a domain word starting with the same letter lies within the allowed edit distance
  (optimal string alignment: a swapped pair of letters costs 1).
"""

from __future__ import annotations

import gzip
import re
import threading
from functools import lru_cache
from importlib import resources
from itertools import groupby

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import read_toml


def _read_lemma_table() -> str:
    """The spacy-lookups-data Swedish lemma table (JSON of word forms and lemmas), folded."""
    data = resources.files("spacy_lookups_data").joinpath("data/sv_lemma_lookup.json.gz")
    raw = gzip.decompress(data.read_bytes()).decode("utf-8").lower()
    for accented, plain in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")):
        raw = raw.replace(accented, plain)
    return raw


@lru_cache(maxsize=1)
def _built_word_groups() -> dict[str, str]:
    """All word forms of the lemma table, folded, grouped by their first two letters: one string of
    `"word"` items per group, so a membership test searches a small string and the 730 000 forms
    are not kept as separate Python objects. Built in one pass (about a second): cutting a group out of the
    whole table when first needed held the interpreter for 15-35 ms per new pair of letters, in the
    middle of a conversation."""
    try:
        words = sorted(set(re.findall(r'"([^"]*)"', _read_lemma_table())))
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover - optional data
        return {}
    return {prefix: '"' + '""'.join(group) + '"' for prefix, group in groupby(words, key=lambda word: word[:2])}


_loading = threading.Lock()


def _swedish_word_groups() -> dict[str, str]:
    with _loading:  # one load, however many threads ask while it runs
        return _built_word_groups()


def load_swedish_words() -> None:
    """Read the word list now rather than at the first word that needs it (a server does this
    before it takes messages, the terminal chat while the person types)."""
    _swedish_word_groups()


@lru_cache(maxsize=65536)
def is_swedish_word(word: str) -> bool:
    """True when the folded `word` is a form in the general Swedish word list."""
    return f'"{word}"' in _swedish_word_groups().get(word[:2], "")


class TypoCorrector:
    """Maps a misspelt folded word to the nearest domain word, or says it cannot."""

    def __init__(self, vocabulary: set[str]) -> None:
        settings = read_toml("lexicon/spelling.toml")["spelling"]
        self.min_length = int(settings["min_length"])
        self.limits = sorted((int(length), int(dist)) for length, dist in settings["max_distance"].items())
        self.protected = {fold(word) for word in settings.get("protected", [])}
        self.same_first_letter = bool(settings.get("same_first_letter", True))
        self.by_first: dict[str, list[str]] = {}
        for word in sorted(vocabulary):
            if len(word) >= self.min_length - 1:
                self.by_first.setdefault(word[0], []).append(word)
        self.vocabulary = vocabulary
        self.correct = lru_cache(maxsize=50000)(self._correct)  # type: ignore[method-assign]

    def max_distance(self, length: int) -> int:
        allowed = 0
        for min_len, dist in self.limits:
            if length >= min_len:
                allowed = dist
        return allowed

    def _correct(self, word: str) -> str | None:
        if len(word) < self.min_length or not word.isalpha() or word in self.vocabulary:
            return None
        if word in self.protected:
            return None
        limit = self.max_distance(len(word))
        if limit <= 0:
            return None
        choices = self.by_first.get(word[0], []) if self.same_first_letter else sorted(self.vocabulary)
        if not choices:
            return None
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=25)
        if not found:
            return None
        if is_swedish_word(word):
            return None
        # closest first; among equals prefer a missing, extra or swapped letter over a
        # wrong one ("lamet" -> "larmet"), then the longest shared beginning ("larment" ->
        # "larmet", not "larbent"), then the closest length
        best = min(
            found,
            key=lambda hit: (
                hit[1],
                Indel.distance(word, hit[0]),
                -_shared_prefix(word, hit[0]),
                abs(len(hit[0]) - len(word)),
                hit[0],
            ),
        )
        return str(best[0])


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
