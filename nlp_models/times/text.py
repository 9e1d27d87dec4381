"""Turn a message into the folded word list that the time rules read.

"Igår kl. 14.30, forra veckan" becomes "i gar kl 14 : 30 , forra veckan": folded,
split into words, numbers and signs, joined forms ("igår") split, dots dropped (a dot
between two numbers becomes ":"), and words one letter off a time word corrected.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from nlp_models.text.normalize import fold
from nlp_models.times.vocabulary import time_vocabulary

MAX_CHARS = 10_000  # time words sit near the start; longer texts are cut
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w\s]")


def _allowed_edits(word: str) -> int:
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


@lru_cache(maxsize=8192)
def correct_time_word(word: str) -> str:
    """The time word `word` was meant to be, or `word` itself.

    A correction needs the same first letter and a unique nearest word within one edit
    (two for words of eight letters or more), so ordinary words are left alone.
    """
    vocabulary = time_vocabulary()
    known = vocabulary.spelling_words
    if word in known or not word.isalpha():
        return word
    edits = _allowed_edits(word)
    if edits == 0:
        return word
    best: list[str] = []
    best_distance = edits + 1
    for candidate in known:
        if candidate[0] != word[0] or abs(len(candidate) - len(word)) > edits:
            continue
        if len(word) == 4 and len(candidate) != 5:
            continue  # a four-letter word may only lack one letter ("veka", "fora")
        distance = OSA.distance(word, candidate, score_cutoff=edits)
        if distance > edits:
            continue
        if distance < best_distance:
            best, best_distance = [candidate], distance
        elif distance == best_distance:
            best.append(candidate)
    if len(best) > 1:  # a tie: keep the candidates that end like the word ("veckn" -> "veckan")
        best = [c for c in best if c[-1] == word[-1]]
    return best[0] if len(best) == 1 else word


def time_tokens(text: str) -> list[str]:
    """The folded, corrected words of `text` (see the module docstring)."""
    vocabulary = time_vocabulary()
    raw = _TOKEN.findall(fold(text[:MAX_CHARS]))
    tokens: list[str] = []
    for index, token in enumerate(raw):
        if token == ".":
            between_numbers = (
                0 < index < len(raw) - 1 and raw[index - 1].isdigit() and raw[index + 1].isdigit()
            )
            if between_numbers:
                tokens.append(":")
            continue
        token = correct_time_word(token)
        tokens.extend(vocabulary.joined.get(token, (token,)))
    return _english(tokens) if vocabulary.english else tokens


def _english(tokens: list[str]) -> list[str]:
    """English time words read as Swedish ones ("last night" -> "i natt"), and "2 am"/"9 : 30 pm" as "kl 2"/"kl 21 : 30"."""
    phrases = time_vocabulary().english
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for words, swedish in phrases:
            if tuple(tokens[i:i + len(words)]) == words:
                out.extend(swedish)
                i += len(words)
                break
        else:
            out.append(tokens[i])
            i += 1
    for index, token in enumerate(out):
        if token not in ("am", "pm") or index == 0:
            continue
        hour_at = index - 3 if index >= 3 and out[index - 2] == ":" else index - 1
        if hour_at < 0 or not out[hour_at].isdigit() or not 1 <= int(out[hour_at]) <= 12:
            continue
        hour = int(out[hour_at]) % 12 + (12 if token == "pm" else 0)
        out[hour_at] = f"{hour:02d}"
        out[index] = ""
        out.insert(hour_at, "kl")
    return [t for t in out if t]


def time_string(text: str) -> str:
    """`time_tokens` joined by single spaces, padded so every word has a space on both sides."""
    return " " + " ".join(time_tokens(text)) + " "
