"""Kind and area words in questions (`rules/question_terms.toml`).

A word names a kind ("synpunkter"), an area ("trycksår", "kvällsmedicin"), or both in a
compound ("fallavvikelser" = fall + avvikelse, "läkemedelsavikelser" with its typo).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import rules_path

QUESTION_TERMS_FILE = rules_path("question_terms.toml")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class KindTerms:
    words: frozenset[str]
    endings: tuple[str, ...]
    plural: frozenset[str]


@dataclass(frozen=True)
class AreaTerms:
    words: frozenset[str]
    starts: tuple[str, ...]
    ends: tuple[str, ...]
    not_words: frozenset[str]
    prefixes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class QuestionTerms:
    kinds: dict[str, KindTerms]
    areas: dict[str, AreaTerms]
    exclusions: tuple[str, ...]
    counted: frozenset[str] = frozenset()


@dataclass
class TermHits:
    """What the words of a question name, with the words as evidence."""

    kinds: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    plural_kind: bool = False  # "avvikelser", "fallavvikelser": a statistics word
    evidence: list[str] = field(default_factory=list)


def _folded(words) -> list[str]:
    return [fold(w) for w in words]


@lru_cache(maxsize=1)
def question_terms() -> QuestionTerms:
    data = tomllib.loads(QUESTION_TERMS_FILE.read_text(encoding="utf-8"))
    kinds = {
        name: KindTerms(
            frozenset(_folded(spec["words"])),
            tuple(sorted(_folded(spec["endings"]), key=len, reverse=True)),
            frozenset(_folded(spec["plural"])),
        )
        for name, spec in data["kinds"].items()
    }
    areas = {
        name: AreaTerms(
            frozenset(_folded(spec["words"])),
            tuple(_folded(spec["starts"])),
            tuple(_folded(spec["ends"])),
            frozenset(_folded(spec["not"])),
            frozenset(_folded(spec.get("prefixes", []))),
        )
        for name, spec in data["areas"].items()
    }
    counted = frozenset(_folded(data.get("counted", {}).get("words", [])))
    return QuestionTerms(kinds, areas, tuple(_folded(data["exclusions"]["phrases"])), counted)


def _edits(word: str) -> int:
    if len(word) < 6:
        return 0
    return 1 if len(word) < 9 else 2


def _near(word: str, target: str) -> bool:
    if word == target:
        return True
    edits = _edits(target)
    return (
        edits > 0
        and word[:1] == target[:1]
        and abs(len(word) - len(target)) <= edits
        and OSA.distance(word, target, score_cutoff=edits) <= edits
    )


def _split_kind(word: str, terms: KindTerms, areas: dict[str, AreaTerms]) -> tuple[str, bool] | None:
    """(the compound's first part, plural) if `word` ends in a kind word, also with a typo.

    Among the ways to split a misspelt compound, the one whose first part names an area
    wins ("fallvvikelser" is fall + avvikelser, not "fal" + "lvvikelser").
    """
    if word in terms.words:
        return "", word in terms.plural
    for ending in terms.endings:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)], ending in terms.plural
    splits: list[tuple[int, int, str, bool]] = []
    for ending in terms.endings:
        edits = _edits(ending)
        if edits == 0:
            continue
        for size in range(len(ending) - edits, len(ending) + edits + 1):
            if size <= 0 or size > len(word):
                continue
            tail = word[-size:]
            if tail[:1] not in {ending[:1], ending[1:2]}:
                continue
            distance = OSA.distance(tail, ending, score_cutoff=edits)
            if distance <= edits:
                plural = ending in terms.plural or tail.endswith("er") or tail.endswith("erna")
                first = word[:-size]
                names_area = not first or _area_of(first, areas, compound_part=True) is not None
                splits.append((0 if names_area else 1, distance, first, plural))
    if not splits:
        return None
    _, _, first, plural = min(splits)
    return first, plural


def _area_of(word: str, areas: dict[str, AreaTerms], compound_part: bool = False) -> str | None:
    """The area a word (or the first part of a compound) names."""
    if not word:
        return None
    candidates = [word]
    if compound_part and word.endswith("s"):
        candidates.append(word[:-1])  # linking s: "lakemedels" + "avvikelser"
    if compound_part:
        for name, terms in areas.items():
            if word in terms.prefixes:
                return name
    for candidate in candidates:
        for name, terms in areas.items():
            if candidate in terms.not_words:
                continue
            if candidate in terms.words:
                return name
    for candidate in candidates:
        for name, terms in areas.items():
            if candidate in terms.not_words:
                continue
            if any(candidate.startswith(s) for s in terms.starts if len(candidate) > len(s)):
                return name
            if any(candidate.endswith(e) for e in terms.ends if len(candidate) > len(e)):
                return name
            if any(_near(candidate, w) for w in terms.words):
                return name
    if compound_part:
        # the first part of a compound with a kind word may carry one typo ("larrm", "fll")
        for candidate in candidates:
            for name, terms in areas.items():
                for start in (*terms.words, *terms.starts):
                    if len(start) >= 4 and len(candidate) >= 3 and candidate[:1] == start[:1]:
                        if OSA.distance(candidate, start, score_cutoff=1) <= 1:
                            return name
    return None


def _excluded_spans(folded: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for phrase in phrases:
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded):
            spans.append((m.start(), m.end()))
    return spans


def _words(folded: str, terms: QuestionTerms) -> list[tuple[str, int, int]]:
    """The words of `folded` with their offsets; a compound written with "-" or "." before a
    kind word is one word ("lm-avvikelser", "läk.avvikelser", "maria-anmälningar")."""
    found = [(m[0], m.start(), m.end()) for m in _WORD.finditer(folded)]
    words: list[tuple[str, int, int]] = []
    i = 0
    while i < len(found):
        word, start, end = found[i]
        if i + 1 < len(found):
            following, next_start, next_end = found[i + 1]
            joined = next_start == end + 1 and (
                folded[end] in "-." or (folded[end] == " " and any(word in a.prefixes for a in terms.areas.values()))
            )
            if joined and any(_split_kind(following, k, terms.areas) is not None for k in terms.kinds.values()):
                words.append((word + following, start, next_end))
                i += 2
                continue
        words.append((word, start, end))
        i += 1
    return words


def find_terms(text: str) -> TermHits:
    """The kinds and areas `text` names, in order of appearance."""
    terms = question_terms()
    folded = fold(text)
    excluded = _excluded_spans(folded, terms.exclusions)
    hits = TermHits()
    for word, start, end in _words(folded, terms):
        if any(s <= start < e for s, e in excluded):
            continue
        if word in terms.counted or any(word.endswith(c) and len(word) > len(c) + 2 for c in terms.counted):
            hits.plural_kind = True
            hits.evidence.append(text[start:end])
            continue
        named = False
        for kind, kind_terms in terms.kinds.items():
            split = _split_kind(word, kind_terms, terms.areas)
            if split is None:
                continue
            first, plural = split
            hits.kinds.append(kind)
            hits.plural_kind = hits.plural_kind or plural
            area = _area_of(first, terms.areas, compound_part=True)
            if area is not None:
                hits.areas.append(area)
            named = True
            break
        if not named:
            area = _area_of(word, terms.areas)
            if area is None:
                continue
            hits.areas.append(area)
        hits.evidence.append(text[start:end])
    return hits
