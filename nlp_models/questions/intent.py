"""The cue patterns of `rules/intents.jsonl`, run with a spaCy `Matcher` on folded norms.

Each line is {"id", "signal", "pattern"}: a token pattern and the signal it gives
("count", "group_unit", "routine", "indicator", "help_bot", "event", ...). The parser
decides the intent from the signals found; this module only finds them. Signal "trap"
marks words that only look like a cue ("räkna narkotikan" is the narcotics count, not a
statistics request): other cues inside its span are dropped.
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
# Words that make what follows a condition: "vad gör jag om hon har ramlat?"
HYPOTHETICAL = frozenset({"om", "ifall", "if", "utifall"})
# ... but "en avvikelse om att hon fick fel dos" tells what happened
CLAUSE_STARTS = frozenset({"att", "nar", "da", "that", "when"})
TRAP = "trap"


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
        for signal, start, end in self.spans(doc):
            found[signal].append(doc[start:end].text)
        return dict(found)

    def spans(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(signal, start, end) of every cue, in text order. A concrete event told as a
        condition ("om hon har ramlat", "if she fell") is a hypothetical, not an event."""
        found = []
        for match_id, start, end in self._matcher(doc):
            signal = self._signal_of[doc.vocab.strings[match_id]]
            if (signal == "concrete_event" and start > 0 and doc[start - 1].norm_ in HYPOTHETICAL
                    and doc[start].norm_ not in CLAUSE_STARTS):
                signal = "hypothetical"
            found.append((signal, start, end))
        traps = [(start, end) for signal, start, end in found if signal == TRAP]
        return [
            (signal, start, end) for signal, start, end in found
            if signal != TRAP and not any(s <= start and end <= e for s, e in traps)
        ]
