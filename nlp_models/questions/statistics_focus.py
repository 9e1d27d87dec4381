"""What a statistics question is about beyond a plain count: a trend, open reports or the
largest areas. Phrases live in `rules/statistics_focus.toml`."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import rules_path

RULES = rules_path("")


def phrase_pattern(phrase: str) -> str:
    """A rule phrase as a regular expression over folded text (a trailing * continues the word)."""
    words = [re.escape(w) for w in fold(phrase).split()]
    if words[-1].endswith(r"\*"):
        words[-1] = words[-1][:-2] + r"\w*"
    return r"\b" + r"\s+".join(words) + r"\b"


@lru_cache(maxsize=1)
def _focus_patterns() -> list[tuple[str, re.Pattern[str]]]:
    data = tomllib.loads((RULES / "statistics_focus.toml").read_text(encoding="utf-8"))
    return [(name, re.compile("|".join(phrase_pattern(p) for p in spec["phrases"]))) for name, spec in data.items()]


def statistics_focus(text: str) -> str | None:
    """"year_over_year", "trend", "open", "largest", or None for a plain count."""
    folded = fold(text)
    for name, pattern in _focus_patterns():
        if pattern.search(folded):
            return name
    return None


@lru_cache(maxsize=1)
def _mention_rules() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    data = tomllib.loads((RULES / "unit_mentions.toml").read_text(encoding="utf-8"))
    prepositions = "|".join(re.escape(p) for p in data["prepositions"])
    pattern = re.compile(rf"\b(?:{prepositions})\s+([a-z][a-z0-9-]{{2,}}(?:\s+[a-z][a-z0-9-]+)?)")
    return pattern, frozenset(data["not_units"]), frozenset(data["generic_first_words"])


def unit_mention(text: str) -> str | None:
    """The words after "på/hos/vid/inom" that look like a unit name, in the original spelling."""
    pattern, not_units, generic = _mention_rules()
    folded = fold(text)
    for match in pattern.finditer(folded):
        words = match.group(1).split()
        if words[0] in generic and len(words) > 1 and words[1] not in not_units:
            pass  # "hemtjänst väst": a generic word and a name
        elif words[0] in not_units:
            continue
        if len(words) > 1 and words[1] in not_units:
            words = words[:1]
        start = match.start(1)
        end = start + len(" ".join(words))
        return text[start:end]
    return None
