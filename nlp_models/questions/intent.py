"""The cue patterns of `rules/intents.jsonl`, run with a spaCy `Matcher` on folded norms.

Each line is {"id", "signal", "pattern"}: a token pattern and the signal it gives
("count", "group_unit", "routine", "indicator", "help_bot", "event", ...). The parser
decides the intent from the signals found; this module only finds them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from nlp_models.text.rule_files import rules_path

INTENTS_FILE = rules_path("intents.jsonl")


@dataclass(frozen=True)
class IntentPattern:
    id: str
    signal: str
    pattern: list[dict]


@lru_cache(maxsize=1)
def intent_patterns() -> tuple[IntentPattern, ...]:
    rows = []
    for line in INTENTS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            rows.append(IntentPattern(data["id"], data["signal"], data["pattern"]))
    return tuple(rows)


class IntentCues:
    """Finds the signals of `rules/intents.jsonl` in a `Doc`."""

    def __init__(self, nlp: Language) -> None:
        self._matcher = Matcher(nlp.vocab)
        self._signal_of: dict[str, str] = {}
        for row in intent_patterns():
            self._matcher.add(row.id, [row.pattern])
            self._signal_of[row.id] = row.signal

    def signals(self, doc: Doc) -> dict[str, list[str]]:
        """signal -> the texts that gave it, in text order."""
        found: dict[str, list[str]] = defaultdict(list)
        for match_id, start, end in self._matcher(doc):
            rule_id = doc.vocab.strings[match_id]
            found[self._signal_of[rule_id]].append(doc[start:end].text)
        return dict(found)
