"""Is a matched cue negated? ("har inte ramlat", "ingen fraktur", "ambulans behövdes inte").

Settings in rules/negation.toml: the negating words before and after a cue, how far they
reach, and the words a negation does not cross ("har inte ramlat men larmet gick inte att
trycka på": the "inte" before "ramlat" says nothing about the larm).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import read_toml
from nlp_models.text.token_patterns import Match, TokenView


@dataclass(frozen=True)
class NegationSettings:
    before: frozenset[str]
    before_harm: frozenset[str]
    after: frozenset[str]
    window_before: int
    window_after: int
    breaks: frozenset[str]
    not_negations: frozenset[tuple[str, str]]
    planned_before: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def negation_settings() -> NegationSettings:
    data = read_toml("negation.toml")["negation"]
    return NegationSettings(
        before=frozenset(fold(w) for w in data["before"]),
        before_harm=frozenset(fold(w) for w in data.get("before_harm", [])),
        after=frozenset(fold(w) for w in data["after"]),
        window_before=int(data["window_before"]),
        window_after=int(data["window_after"]),
        breaks=frozenset(fold(w) for w in data["breaks"]),
        not_negations=frozenset((fold(a), fold(b)) for a, b in data.get("not_negations", [])),
        planned_before=frozenset(fold(w) for w in data.get("planned_before", [])),
    )


def _is_negator(tokens: Sequence[TokenView], j: int, words: frozenset[str], settings: NegationSettings) -> bool:
    norm = tokens[j].norm
    if norm not in words:
        return False
    following = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    return (norm, following) not in settings.not_negations


def _in_clause_before(match: Match, tokens: Sequence[TokenView], settings: NegationSettings,
                      hit: Callable[[int], bool]) -> bool:
    """Whether `hit` holds for a token shortly before `match` (window_before), not across a clause break."""
    j, steps = match.start - 1, 0
    while j >= 0 and steps < settings.window_before:
        if hit(j):
            return True
        if tokens[j].norm in settings.breaks or tokens[j].is_punct:
            break
        j -= 1
        steps += 1
    return False


def is_negated(match: Match, tokens: Sequence[TokenView], harm: bool = False) -> bool:
    """True when a negating word governs the cue of `match` (and the rule is negatable)."""
    if not match.rule.get("negatable", False):
        return False
    settings = negation_settings()
    words = settings.before | settings.before_harm if harm else settings.before
    # inside the match, between its words ("slog inte huvudet")
    for j in range(match.start + 1, match.end - 1):
        if _is_negator(tokens, j, words, settings):
            return True
    # before the match
    if _in_clause_before(match, tokens, settings, lambda j: _is_negator(tokens, j, words, settings)):
        return True
    # after the match
    j = match.end
    steps = 0
    while j < len(tokens) and steps < settings.window_after:
        if tokens[j].norm in settings.after:
            return True
        if tokens[j].norm in settings.breaks or tokens[j].is_punct:
            break
        j += 1
        steps += 1
    return False


def is_planned(match: Match, tokens: Sequence[TokenView]) -> bool:
    """True when the action of `match` is still to come ("ssk ska titta på henne", "läkaren kommer att
    ringa"): a planning word inside the match or shortly before it, within the same clause."""
    settings = negation_settings()
    words = settings.planned_before
    if any(tokens[j].norm in words for j in range(match.start, match.end)):
        return True
    return _in_clause_before(match, tokens, settings, lambda j: tokens[j].norm in words)
