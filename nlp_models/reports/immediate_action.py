"""What was done at once (rules/actions.jsonl): the labels of the action cues, in the
order they were written, joined into one short text ("ssk kontaktad; hjälpte upp"). An action
denied ("ssk ej kontaktad") or still to come ("ssk ska titta på henne") is not one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from nlp_models.text.negation import is_negated, is_planned
from nlp_models.text.token_patterns import Match, TokenView


@dataclass(frozen=True)
class ActionDecision:
    text: str | None
    labels: list[str]
    cues: list[Match]


def find_actions(matches: Sequence[Match], tokens: Sequence[TokenView]) -> ActionDecision:
    labels: list[str] = []
    cues: list[Match] = []
    for match in sorted((m for m in matches if m.rule.group == "action"), key=lambda m: m.start):
        if is_negated(match, tokens) or is_planned(match, tokens):
            continue
        cues.append(match)
        label = str(match.rule.get("label", match.rule.id))
        if label not in labels:
            labels.append(label)
    return ActionDecision("; ".join(labels) if labels else None, labels, cues)
