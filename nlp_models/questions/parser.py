"""Understand a message: its intent, and for questions the kind, area, unit, period, grouping.

The cues come from data (`rules/intents.jsonl`, `rules/question_terms.toml`,
`rules/time_words.toml`); the intent is decided here by rules in a fixed order:

1. nothing to read                                   -> help
2. "vill rapportera en avvikelse ...", unless asked as a how-to question -> report
3. a count cue ("hur många", "antal", "per enhet") with a kind named      -> count
4. a question about the bot ("boten", "vilka frågor")                    -> help
   a statement with event words ("ramlade", "stämmer inte")              -> report
5. a routine cue ("vad gör jag", "måste jag", "rutinen")                  -> routine
6. an indicator cue ("målvärdet", "andel", "brukarundersökningen")        -> indicator
7. a count cue                                                            -> count
8. a statistics noun ("läkemedelsavvikelser") with a period, unit or "?",
   or an area word with a period or "?", or either as bare keywords,
   and no event words                                                     -> count
9. "du"/"dig" in a question                                               -> help
10. event words ("ramlade", "fick fel tabletter", "ingen skada")          -> report
11. any other question, greeting or "du"/"dig"                           -> help
12. a statement about an area or unit, or of four words or more          -> report
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.language import Language

from nlp_models.questions.intent import IntentCues
from nlp_models.text.language import shared_nlp
from nlp_models.text.normalize import fold
from nlp_models.questions.terms import find_terms
from nlp_models.times.description import describe_period
from nlp_models.times.expressions import Period, resolve_period
from nlp_models.units.matcher import UnitMatcher

MAX_CHARS = 5_000  # questions are short; a long message is read from its start
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
QUESTION_STARTS = frozenset(
    "vad hur vem vilka vilken vilket nar var varfor vart kan far ska skall maste finns har "
    "ar gar borde bor stammer hjalp".split()
)
_GROUPS = {"group_unit": "unit", "group_area": "area", "group_month": "month", "group_week": "week"}
_REPORT_STATEMENT_WORDS = 4
_KEYWORD_QUERY_WORDS = 3


@dataclass(frozen=True)
class QuestionParse:
    intent: str  # "report" | "count" | "indicator" | "routine" | "help"
    kind: str | None  # "avvikelse" | "synpunkt" | None
    area: str | None  # "fall" | "läkemedel" | "trycksår" | "larm" | "övrigt" | None
    unit: str | None  # canonical unit name
    period: Period | None
    group_by: str | None  # "unit" | "area" | "month" | "week"
    evidence: list[str]


def _clean(text: object) -> str:
    if not isinstance(text, str):
        return ""
    return _CONTROL.sub(" ", text[:MAX_CHARS]).strip()


def _single(values: list[str]) -> str | None:
    unique = list(dict.fromkeys(values))
    return unique[0] if len(unique) == 1 else None


class QuestionParser:
    def __init__(self, units: UnitMatcher, nlp: Language | None = None) -> None:
        self._units = units
        self._nlp = nlp if nlp is not None else shared_nlp()
        self._cues = IntentCues(self._nlp)

    def parse(self, text: str, today: date) -> QuestionParse:
        clean = _clean(text)
        doc = self._nlp(clean)
        words = [t for t in doc if not (t.is_punct or t.is_space)]
        if not words:
            return QuestionParse("help", None, None, None, None, None, ["tomt meddelande"])

        signals = self._cues.signals(doc)
        terms = find_terms(clean)
        unit_match = self._units.find(clean)
        period = resolve_period(clean, today)
        group_by = self._group_by(signals, clean)
        first = fold(words[0].text)
        is_question = clean.rstrip().endswith("?") or first in QUESTION_STARTS
        asks_how = first in {"vad", "hur", "vem", "vilka", "vilken", "vilket", "varfor", "nar", "var"}

        kind = _single(terms.kinds)
        area = _single(terms.areas)
        has = signals.__contains__
        stats = has("count") or group_by is not None
        # event words count against statistics, except in a wh-question ("vilka avvikelser
        # har inte fått återkoppling?"); a few bare keywords ("trycksår ekbacken") ask for numbers
        event_statement = has("event") and not asks_how
        keywords_only = len(words) <= _KEYWORD_QUERY_WORDS
        help_word_only = (
            has("help_word")
            and len(words) <= 3
            and not (terms.kinds or terms.areas or period or unit_match or stats)
        )

        if has("report_explicit") and not (
            is_question and (has("routine") or has("help_bot") or has("help_capability"))
        ):
            intent = "report"
        elif stats and terms.kinds and not has("routine"):
            intent = "count"
        elif has("help_bot") or help_word_only or (
            has("help_capability") and not has("event") and not stats
        ):
            intent = "help"
        elif has("event") and not is_question:
            intent = "report"
        elif has("routine"):
            intent = "routine"
        elif has("indicator"):
            intent = "indicator"
        elif stats:
            intent = "count"
        elif terms.plural_kind and not event_statement and (
            period is not None or unit_match is not None or is_question or keywords_only
        ):
            intent = "count"
        elif terms.areas and not event_statement and (
            period is not None or is_question or keywords_only
        ):
            intent = "count"
        elif has("help_you") and is_question:
            intent = "help"
        elif has("event") and not asks_how:
            intent = "report"
        elif is_question or has("help_word") or has("help_you"):
            intent = "help"
        elif terms.areas or terms.kinds or unit_match is not None or len(words) >= _REPORT_STATEMENT_WORDS:
            intent = "report"
        else:
            intent = "help"

        evidence = [f"{signal}: {', '.join(texts)}" for signal, texts in signals.items()]
        evidence += [f"term: {word}" for word in terms.evidence]
        if unit_match is not None:
            evidence.append(f"enhet: {unit_match.matched_text} -> {unit_match.name}")
        unit = unit_match.name if unit_match is not None else None

        if intent == "count":
            if period is not None:
                evidence.append(f"period: {describe_period(period)}")
            return QuestionParse(intent, kind, area, unit, period, group_by, evidence)
        if intent == "indicator":
            return QuestionParse(intent, kind, area, unit, period, None, evidence)
        if intent == "routine":
            return QuestionParse(intent, kind, area, unit, None, None, evidence)
        if intent == "report":
            return QuestionParse(intent, kind, None, unit, None, None, evidence)
        return QuestionParse("help", None, None, None, None, None, evidence)

    @staticmethod
    def _group_by(signals: dict[str, list[str]], text: str) -> str | None:
        folded = fold(text)
        found = []
        for signal, group in _GROUPS.items():
            for cue in signals.get(signal, []):
                found.append((folded.find(fold(cue)), group))
        return min(found)[1] if found else None
