"""Which flagged reports a statistics question is about: severe events, lex Sarah or lex Maria
cases, and whether it asks for those reported to IVO or assessed. Phrases live in
`rules/flagged_subjects.toml`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from nlp_models.questions.statistics_focus import phrase_pattern
from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import rules_path


_ATTRIBUTE = re.compile(r"\ballvarlig\w*\s+(?=lex)")


@dataclass(frozen=True)
class FlaggedSubjects:
    subjects: tuple[str, ...]  # "lex_sarah", "lex_maria", "severe", in the order of the rule file
    stage: str | None  # "reported" (to IVO), "assessed", or None: all cases and candidates


def _compile(phrases: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(phrase_pattern(p) for p in phrases))


@lru_cache(maxsize=1)
def _rules() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
    data = tomllib.loads(rules_path("flagged_subjects.toml").read_text(encoding="utf-8"))
    subjects = [(name, _compile(spec["phrases"])) for name, spec in data["subjects"].items()]
    stages = [(name, _compile(phrases)) for name, phrases in data["stages"].items()]
    return subjects, stages


def flagged_subjects(text: str) -> FlaggedSubjects:
    """The flagged subjects `text` names (none: an ordinary count) and the stage it asks for.
    "allvarliga lex maria" is about lex Maria: severity is part of what lex Maria means."""
    if not isinstance(text, str):
        return FlaggedSubjects((), None)
    folded = fold(text)
    subject_rules, stage_rules = _rules()
    found = [name for name, pattern in subject_rules if pattern.search(folded)]
    if "severe" in found and len(found) > 1 and not any(
            name == "severe" and pattern.search(_ATTRIBUTE.sub("", folded)) for name, pattern in subject_rules):
        found.remove("severe")  # "allvarliga lex maria": an attribute, not a subject of its own
    stage = next((name for name, pattern in stage_rules if pattern.search(folded)), None) if found else None
    return FlaggedSubjects(tuple(found), stage)
