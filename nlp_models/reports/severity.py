"""Consequence level and severity flags of a report.

- consequence (rules/consequence.jsonl): the highest harm level the words show,
  "ingen" < "lindrig" < "måttlig" < "allvarlig", or None without a cue.
- severe: consequence "allvarlig", or a rule of rules/severity.jsonl with flag "severe"
  (head injury, serious medication error, abuse and neglect, lex Sarah / lex Maria words).
- lex_sarah: a rule flags it (abuse, neglect, missförhållande in SoL care).
- lex_maria: a rule flags it (vårdskada, "lex Maria"), or serious harm ("allvarlig") in the
  health-care areas fall, läkemedel and trycksår. Candidates only: people decide.
Traps (e.g. "hem från sjukhuset") remove harm cues inside their span.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from nlp_models.text.negation import is_negated
from nlp_models.text.token_patterns import Match, TokenView

LEVELS = ("ingen", "lindrig", "måttlig", "allvarlig")
HEALTH_CARE_AREAS = frozenset({"fall", "läkemedel", "trycksår"})


@dataclass(frozen=True)
class SeverityDecision:
    severe: bool
    lex_sarah: bool
    lex_maria: bool
    severity_cues: list[Match]
    consequence: str | None
    consequence_cues: list[Match]
    consequence_guessed: bool = False  # only signs of the level ("rule guess"), no statement of it


def _live(matches: Sequence[Match], tokens: Sequence[TokenView], group: str) -> list[Match]:
    group_matches = [m for m in matches if m.rule.group == group]
    blocked: set[int] = set()
    for match in group_matches:
        if match.rule.get("trap"):
            blocked.update(range(match.start, match.end))
    live = []
    for match in sorted(group_matches, key=lambda m: m.start):
        if match.rule.get("trap"):
            continue
        if any(i in blocked for i in range(match.start, match.end)):
            continue
        if is_negated(match, tokens, harm=True):
            continue
        live.append(match)
    return live


def decide_severity(matches: Sequence[Match], tokens: Sequence[TokenView], area: str) -> SeverityDecision:
    consequence_matches = _live(matches, tokens, "consequence")
    level_index = -1
    for match in consequence_matches:
        level_index = max(level_index, LEVELS.index(match.rule.get("level")))
    consequence = LEVELS[level_index] if level_index >= 0 else None
    consequence_cues = [m for m in consequence_matches if m.rule.get("level") == consequence]

    severity_matches = _live(matches, tokens, "severity")
    flags: set[str] = set()
    for match in severity_matches:
        flags.update(match.rule.get("flags", ["severe"]))
    severity_cues = list(severity_matches)
    if consequence == "allvarlig":
        flags.add("severe")
        severity_cues = sorted(severity_cues + consequence_cues, key=lambda m: m.start)
        if area in HEALTH_CARE_AREAS:
            flags.add("lex_maria")
    return SeverityDecision(
        severe="severe" in flags,
        lex_sarah="lex_sarah" in flags,
        lex_maria="lex_maria" in flags,
        severity_cues=severity_cues,
        consequence=consequence,
        consequence_cues=consequence_cues,
        consequence_guessed=bool(consequence_cues) and all(m.rule.get("guess") for m in consequence_cues),
    )
