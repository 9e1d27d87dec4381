"""Did the event hurt staff? (rules/staff_injury.jsonl) Such events are tillbud or
arbetsskador for the work-environment system, not avvikelser."""

from __future__ import annotations

from typing import Sequence

from nlp_models.text.negation import is_negated
from nlp_models.text.token_patterns import Match, TokenView


def staff_injury_cues(matches: Sequence[Match], tokens: Sequence[TokenView]) -> list[Match]:
    return [
        m
        for m in sorted(matches, key=lambda m: m.start)
        if m.rule.group == "staff_injury" and not is_negated(m, tokens, harm=True)
    ]
