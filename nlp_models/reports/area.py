"""Decide the area of a report from the area rule matches (rules/areas/*.jsonl).

Each non-negated cue adds its weight to its area (a rule counts fully once, then a share
for each repeat); traps ("i så fall") remove the cues of their area inside their span;
"övrigt" starts with a base score, so a message without clear cues is övrigt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from nlp_models.text.negation import is_negated
from nlp_models.reports.rules import AREAS
from nlp_models.text.rule_files import read_toml
from nlp_models.text.token_patterns import Match, TokenView


@dataclass(frozen=True)
class AreaSettings:
    ovrigt_base: float
    repeat_share: float
    secondary_min: float
    temperature: float
    tie_order: tuple[str, ...]


@lru_cache(maxsize=1)
def area_settings() -> AreaSettings:
    data = read_toml("areas.toml")["areas"]
    return AreaSettings(
        float(data["ovrigt_base"]),
        float(data["repeat_share"]),
        float(data["secondary_min"]),
        float(data["temperature"]),
        tuple(data["tie_order"]),
    )


@dataclass(frozen=True)
class AreaDecision:
    area: str
    secondary: list[str]
    candidates: list[tuple[str, float]]
    confidence: float
    scores: dict[str, float]
    cues: dict[str, list[Match]]


def blocked_tokens(matches: Sequence[Match]) -> dict[str, set[int]]:
    """Token positions inside trap matches, per area."""
    blocked: dict[str, set[int]] = {}
    for match in matches:
        if match.rule.get("trap"):
            blocked.setdefault(match.rule.get("area", ""), set()).update(range(match.start, match.end))
    return blocked


def decide_area(matches: Sequence[Match], tokens: Sequence[TokenView]) -> AreaDecision:
    settings = area_settings()
    area_matches = [m for m in matches if m.rule.group == "area"]
    blocked = blocked_tokens(area_matches)
    scores = {area: 0.0 for area in AREAS}
    scores["övrigt"] = settings.ovrigt_base
    cues: dict[str, list[Match]] = {area: [] for area in AREAS}
    counted: dict[str, int] = {}
    for match in sorted(area_matches, key=lambda m: m.start):
        rule = match.rule
        if rule.get("trap"):
            continue
        area = rule.get("area")
        if blocked.get(area) and any(i in blocked[area] for i in range(match.start, match.end)):
            continue
        if is_negated(match, tokens):
            continue
        weight = float(rule.get("weight", 1.0))
        seen = counted.get(rule.id, 0)
        counted[rule.id] = seen + 1
        scores[area] += weight if seen == 0 else weight * settings.repeat_share
        if weight > 0:
            cues[area].append(match)
    order = {area: n for n, area in enumerate(settings.tie_order)}
    ranked = sorted(AREAS, key=lambda a: (-round(scores[a], 6), order.get(a, 99)))
    best = ranked[0]
    # softmax shifted by the top score: the same shares, and no overflow however long the text
    top = max(max(scores[a], 0.0) for a in AREAS)
    exps = {a: math.exp((max(scores[a], 0.0) - top) / settings.temperature) for a in AREAS}
    total = sum(exps.values())
    candidates = [(a, round(exps[a] / total, 4)) for a in ranked]
    def real_evidence(area: str) -> float:
        return scores[area] - (settings.ovrigt_base if area == "övrigt" else 0.0)

    secondary = [a for a in ranked[1:] if real_evidence(a) >= settings.secondary_min]
    return AreaDecision(best, secondary, candidates, candidates[0][1], scores, cues)
