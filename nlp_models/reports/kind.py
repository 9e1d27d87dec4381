"""Decide the kind of a report: "synpunkt" (opinion, complaint, praise, suggestion) or
"avvikelse" (everything else), from rules/kind/synpunkt.jsonl and rules/kind/kind.toml.

The kind is decided by who speaks. Cues in a relative's or care recipient's voice (upset,
wants, asks why, thanks) add up; a staff member's own opinion (`"voice": "staff"`, "jag
tycker") counts only when the message describes no concrete event (an area rule marked
`"event": true`, or any harm level), and the cues inside it are that voice, not another's.
Harm that needed care, told with no relative's voice, is a staff observation and lowers the
score (`harm_penalty`). A staff member who saw a colleague's conduct (`"voice": "witness"`,
"kollegan pratade nedlåtande till brukaren") tells an event: that cue pulls towards
avvikelse unless someone complains in so many words (a rule marked `"explicit": true`,
"klagar", "synpunkt") or a relative speaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from nlp_models.reports.rules import word_list
from nlp_models.text.negation import is_negated
from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import read_toml
from nlp_models.text.token_patterns import Match, TokenView

HARM_NEEDING_CARE = frozenset({"måttlig", "allvarlig"})


@dataclass(frozen=True)
class KindSettings:
    threshold: float
    repeat_share: float
    harm_penalty: float


@lru_cache(maxsize=1)
def kind_settings() -> KindSettings:
    data = read_toml("kind/kind.toml")
    return KindSettings(
        float(data["synpunkt_threshold"]), float(data.get("repeat_share", 0.0)), float(data.get("harm_penalty", 0.0))
    )


def synpunkt_threshold() -> float:
    return kind_settings().threshold


@lru_cache(maxsize=1)
def _relatives() -> tuple[tuple[str, ...], ...]:
    """The relatives of rules/lists/anhoriga.csv as word sequences ("god man" is two)."""
    return tuple(tuple(fold(word).split()) for word in word_list("anhoriga"))


def relative_speaks(tokens: Sequence[TokenView]) -> bool:
    lemmas = [t.lemma for t in tokens]
    norms = [t.norm for t in tokens]
    for words in _relatives():
        n = len(words)
        for i in range(len(tokens) - n + 1):
            if tuple(lemmas[i:i + n]) == words or tuple(norms[i:i + n]) == words:
                return True
    return False


@dataclass(frozen=True)
class KindDecision:
    kind: str
    score: float
    cues: list[Match]


def describes_event(matches: Sequence[Match], tokens: Sequence[TokenView]) -> bool:
    """A concrete event is told: a fall, a wrong dose, an alarm that failed, or any harm."""
    for match in matches:
        if match.rule.get("trap") or is_negated(match, tokens):
            continue
        if match.rule.group == "area" and match.rule.get("event"):
            return True
        if match.rule.group == "consequence":
            return True
    return False


def decide_kind(matches: Sequence[Match], tokens: Sequence[TokenView], consequence: str | None = None) -> KindDecision:
    settings = kind_settings()
    kind_matches = [m for m in matches if m.rule.group == "kind"]
    blocked = {i for m in kind_matches if m.rule.get("trap") for i in range(m.start, m.end)}
    live = [
        m for m in sorted(kind_matches, key=lambda m: m.start)
        if not m.rule.get("trap")
        and not any(i in blocked for i in range(m.start, m.end))
        and not is_negated(m, tokens)
    ]
    staff_spoken = {i for m in live if m.rule.get("voice") == "staff" for i in range(m.start, m.end)}
    complained = any(m.rule.get("explicit") for m in live)
    event = describes_event(matches, tokens) if staff_spoken else False
    score = 0.0
    cues: list[Match] = []
    counted: set[str] = set()
    for match in live:
        if match.rule.get("voice") == "staff":
            if event:
                continue
        elif match.rule.get("voice") == "witness":
            if complained or relative_speaks(tokens):
                continue
        elif all(i in staff_spoken for i in range(match.start, match.end)):
            continue
        weight = float(match.rule.get("weight", 1.0))
        if match.rule.id in counted:
            weight *= settings.repeat_share
        counted.add(match.rule.id)
        score += weight
        if weight > 0:
            cues.append(match)
    if consequence in HARM_NEEDING_CARE and not relative_speaks(tokens):
        score -= settings.harm_penalty
    kind = "synpunkt" if score >= settings.threshold else "avvikelse"
    return KindDecision(kind, score, cues if kind == "synpunkt" else [])
