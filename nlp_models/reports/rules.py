"""Load every report rule file into one indexed matcher.

Groups (the file decides the group):
- area:          rules/areas/<area>.jsonl   (file name = area without å/ä/ö)
- kind:          rules/kind/synpunkt.jsonl
- consequence:   rules/consequence.jsonl
- severity:      rules/severity.jsonl
- action:        rules/actions.jsonl
- staff_injury:  rules/staff_injury.jsonl

Pattern values may name a word list instead of listing words: {"IN": "@lakemedelsnamn"}
reads rules/lists/lakemedelsnamn.csv (column "word"); {"IN": ["@anhoriga", "@mottagare"]}
joins several lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nlp_models.text.rule_files import list_rule_files, read_csv, read_jsonl
from nlp_models.text.token_patterns import PatternError, Rule, TokenPatternMatcher, compile_rule

AREA_NAMES = {
    "fall": "fall",
    "lakemedel": "läkemedel",
    "trycksar": "trycksår",
    "larm": "larm",
    "ovrigt": "övrigt",
}
AREAS = tuple(AREA_NAMES.values())

GROUP_FILES = {
    "kind": ["kind/synpunkt.jsonl"],
    "consequence": ["consequence.jsonl"],
    "severity": ["severity.jsonl"],
    "action": ["actions.jsonl"],
    "staff_injury": ["staff_injury.jsonl"],
}


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The words of rules/lists/<name>.csv."""
    return tuple(row["word"] for row in read_csv(f"lists/{name}.csv") if row.get("word"))


def _resolve_lists(value: Any, where: str) -> Any:
    """Replace {"IN": "@name"} (or several: ["@anhoriga", "@mottagare"]) by the words of
    those lists, recursively."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in {"IN", "NOT_IN"} and isinstance(item, str):
                if not item.startswith("@"):
                    raise PatternError(f"{where}: {key} takes a list or '@listname'")
                out[key] = list(word_list(item[1:]))
            elif key in {"IN", "NOT_IN"} and isinstance(item, list) and item and all(
                isinstance(name, str) and name.startswith("@") for name in item
            ):
                out[key] = [word for name in item for word in word_list(name[1:])]
            else:
                out[key] = _resolve_lists(item, where)
        return out
    if isinstance(value, list):
        return [_resolve_lists(item, where) for item in value]
    return value


@lru_cache(maxsize=1)
def exact_lemmas() -> frozenset[str]:
    """Lemmas of lexicon/lemmas.csv that keep their å/ä/ö ("fälla", "öm")."""
    return frozenset(
        row["lemma"].lower() for row in read_csv("lexicon/lemmas.csv") if row.get("exact", "").lower() == "ja"
    )


def _compile(row: dict[str, Any], group: str, **extra: Any) -> Rule:
    row = dict(row)
    row["pattern"] = _resolve_lists(row.get("pattern"), row.get("_source", "?"))
    row.update(extra)
    return compile_rule(row, group, exact_lemmas())


@dataclass(frozen=True)
class ReportRules:
    matcher: TokenPatternMatcher


@lru_cache(maxsize=1)
def load_report_rules() -> ReportRules:
    """Every rule of the report analyser, compiled once per process."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in list_rule_files("areas"):
        stem = path.rsplit("/", 1)[-1].removesuffix(".jsonl")
        if stem not in AREA_NAMES:
            raise PatternError(f"{path}: unknown area file (expected one of {sorted(AREA_NAMES)})")
        for row in read_jsonl(path):
            rules.append(_compile(row, "area", area=AREA_NAMES[stem]))
    for group, paths in GROUP_FILES.items():
        for path in paths:
            for row in read_jsonl(path):
                rules.append(_compile(row, group))
    for rule in rules:
        if rule.id in seen:
            raise PatternError(f"{rule.get('_source')}: rule id {rule.id!r} also used at {seen[rule.id]}")
        seen[rule.id] = str(rule.get("_source"))
    return ReportRules(TokenPatternMatcher(rules))
