"""What a synpunkt's own words already tell: who gave it, whether they want an answer, whether it is praise.

    >>> giver("sonen ringde o klagade på att maten var kall")
    'anhörig'
    >>> contact_wish("dottern är missnöjd och vill bli uppringd")
    'telefon'

The words are data in rules/kind/synpunkt_details.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from nlp_models.answers.vocabulary import phrase
from nlp_models.text.rule_files import read_toml

MAX_PHRASE_WORDS = 6


@dataclass(frozen=True)
class _Words:
    givers: dict[str, str]  # folded phrase → giver value
    giver_from: frozenset[str]
    not_after: frozenset[str]
    contact: tuple[tuple[str, tuple[str, ...]], ...]  # (wish, phrases longest first), in file order
    praise: frozenset[str]
    complaint: frozenset[str]
    media: tuple[tuple[str, frozenset[str]], ...] = ()  # (wish, single words naming the way of contact)
    wish_words: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    reach: int = 7
    spelling: dict[str, str] | None = None  # colloquial folded word → folded standard word


def _folded(items) -> tuple[str, ...]:
    return tuple(sorted({phrase(i) for i in items if phrase(i)}, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = read_toml("kind/synpunkt_details.toml")
    givers = {said: value for value, items in data["givers"].items() for said in _folded(items)}
    rules = data["giver_rules"]
    media = data.get("contact_media", {})
    return _Words(
        givers=givers,
        giver_from=frozenset(_folded(rules["from"])),
        not_after=frozenset(_folded(rules["not_after"])),
        contact=tuple((wish, _folded(items)) for wish, items in data["contact"].items()),
        praise=frozenset(_folded(data["tone"]["praise"])),
        complaint=frozenset(_folded(data["tone"]["complaint"])),
        media=tuple((wish, frozenset(_folded(items))) for wish, items in media.items()
                    if wish not in ("wish", "negation", "reach")),
        wish_words=frozenset(_folded(media.get("wish", []))),
        negations=frozenset(_folded(media.get("negation", []))),
        reach=int(media.get("reach", 7)),
        spelling={phrase(variant): phrase(standard) for standard, variants in data.get("spelling", {}).items()
                  for variant in variants},
    )


def _phrases_at(words: list[str], index: int):
    """The phrases starting at `index`, longest first."""
    for size in range(min(MAX_PHRASE_WORDS, len(words) - index), 0, -1):
        yield size, " ".join(words[index:index + size])


def giver(text: str) -> str | None:
    """brukare, anhörig, personal or annan, when the message says who gave the synpunkt; else None."""
    vocabulary = _words()
    words = phrase(text).split()
    first: str | None = None
    for index in range(len(words)):
        for _, said in _phrases_at(words, index):
            value = vocabulary.givers.get(said)
            if value is None:
                continue
            before = words[index - 1] if index else ""
            article_before = words[index - 2] if index >= 2 and before in {"en", "ett", "den", "min", "hans", "hennes"} else ""
            if before in vocabulary.giver_from or article_before in vocabulary.giver_from:
                return value
            if first is None and before not in vocabulary.not_after and article_before not in vocabulary.not_after:
                first = value
            break
    return first


def _spelled(text: str) -> list[str]:
    spelling = _words().spelling or {}
    return [spelling.get(word, word) for word in phrase(text).split()]


def contact_wish(text: str) -> str | None:
    """"telefon", "skriftligt", "nej", "oklart" (an answer is wanted, the way not said) or None (not said)."""
    words = _spelled(text)
    padded = f" {' '.join(words)} "
    for wish, phrases in _words().contact:
        if any(f" {said} " in padded for said in phrases):
            return wish
    return _wished_medium(words)


def _wished_medium(words: list[str]) -> str | None:
    """A way of contact named after a wish word ("vill hellre ha svar via brev"); "nej" when every one named is
    negated ("vill absolut inte att någon ringer")."""
    vocabulary = _words()
    negated_only = False
    for index, word in enumerate(words):
        if word not in vocabulary.wish_words:
            continue
        window = words[index + 1:index + 1 + vocabulary.reach]
        negated = False
        for later in window:
            if later in vocabulary.negations:
                negated = True
                continue
            medium = next((wish for wish, media in vocabulary.media if later in media), None)
            if medium is None:
                continue
            if not negated:
                return medium
            negated_only = True
    return "nej" if negated_only else None


def is_praise(text: str) -> bool:
    """Praise: a word of praise and no word of complaint ("inte nöjd" is not praise)."""
    vocabulary = _words()
    words = phrase(text).split()
    found = {said for index in range(len(words)) for _, said in _phrases_at(words, index)}
    return bool(found & vocabulary.praise) and not found & vocabulary.complaint
