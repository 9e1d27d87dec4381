"""Decide the kind of a report: "synpunkt" (opinion, complaint, praise, suggestion) or
"avvikelse" (everything else), from rules/kind/synpunkt.jsonl and the threshold in
rules/kind/kind.toml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from nlp_models.text.negation import is_negated
from nlp_models.text.rule_files import read_toml
from nlp_models.text.token_patterns import Match, TokenView


@lru_cache(maxsize=1)
def synpunkt_threshold() -> float:
    return float(read_toml("kind/kind.toml")["synpunkt_threshold"])


@lru_cache(maxsize=1)
def repeat_share() -> float:
    return float(read_toml("kind/kind.toml").get("repeat_share", 0.0))


@dataclass(frozen=True)
class KindDecision:
    kind: str
    score: float
    cues: list[Match]


def decide_kind(matches: Sequence[Match], tokens: Sequence[TokenView]) -> KindDecision:
    score = 0.0
    cues: list[Match] = []
    counted: set[str] = set()
    kind_matches = [m for m in matches if m.rule.group == "kind"]
    blocked = {i for m in kind_matches if m.rule.get("trap") for i in range(m.start, m.end)}
    for match in sorted(kind_matches, key=lambda m: m.start):
        if match.rule.get("trap") or any(i in blocked for i in range(match.start, match.end)):
            continue
        if is_negated(match, tokens):
            continue
        weight = float(match.rule.get("weight", 1.0))
        if match.rule.id in counted:
            weight *= repeat_share()
        counted.add(match.rule.id)
        score += weight
        if weight > 0:
            cues.append(match)
    kind = "synpunkt" if score >= synpunkt_threshold() else "avvikelse"
    return KindDecision(kind, score, cues if kind == "synpunkt" else [])
