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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.language import Language

from nlp_models.questions.intent import IntentCues
from nlp_models.reports.analyzer import ReportAnalysis, ReportAnalyzer
from nlp_models.text.language import shared_nlp
from nlp_models.text.normalize import fold
from nlp_models.questions.flagged_subjects import flagged_subjects
from nlp_models.questions.statistics_focus import statistics_focus
from nlp_models.questions.terms import find_terms
from nlp_models.times.description import describe_period
from nlp_models.times.expressions import Period, compared_granularity, resolve_period, resolve_periods
from nlp_models.units.matcher import UnitMatcher

MAX_CHARS = 5_000  # questions are short; a long message is read from its start
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
QUESTION_STARTS = frozenset(
    "vad hur vem vilka vilken vilket nar var varfor vart kan far ska skall maste finns har "
    "ar gar borde bor stammer hjalp".split()
    # English question words ("do I need to report ...", "should we ..."); "is"/"was" can start a report
    + "do does should shall must can could would how what when where who why which".split()
)
# A finite verb first and then "jag", "man", "vi" asks (Swedish inverts a yes/no question):
# "behöver jag göra en avvikelse när ...", "räknas det som ett fall".
QUESTION_SUBJECTS = frozenset("jag man vi du ni det".split())
WAS_AT_NEXT = frozenset("pa i hos vid ute hemma borta inne inte ej utan sen forsenad forsenat tvungen".split())
_GROUPS = {"group_unit": "unit", "group_area": "area", "group_month": "month", "group_week": "week",
           "group_quarter": "quarter"}
_REPORT_STATEMENT_WORDS = 4
_KEYWORD_QUERY_WORDS = 3
_SHORT_QUERY_WORDS = 7


@dataclass(frozen=True)
class QuestionParse:
    intent: str  # "report" | "count" | "indicator" | "routine" | "help"
    kind: str | None  # "avvikelse" | "synpunkt" | None
    area: str | None  # "fall" | "läkemedel" | "trycksår" | "larm" | "övrigt" | None
    unit: str | None  # canonical unit name
    period: Period | None
    group_by: str | None  # "unit" | "area" | "month" | "quarter" | "week"
    evidence: list[str]
    # a comparison ("jämför oktober med september", "Solgården och Björkhagen"): exactly what it
    # names, in the order named; empty when the question compares nothing of that sort
    compared_units: tuple[str, ...] = ()
    compared_areas: tuple[str, ...] = ()
    compared_periods: tuple[Period, ...] = ()
    # a count word was said ("antal", "hur många"): numbers asked for in so many words, not only a phrase of names
    counted_outright: bool = False


@lru_cache(maxsize=1)
def shared_report_analyzer() -> ReportAnalyzer:
    """For a parser used alone; `LanguageUnderstanding` hands in its own analysis."""
    return ReportAnalyzer()


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

    def parse(self, text: str, today: date, report: ReportAnalysis | None = None) -> QuestionParse:
        """`report`: the report analysis of the same text, when the caller has it (the
        boundary between a short report, "rodnad vä häl", and nothing at all uses it)."""
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
        # "var på vårdcentralen ..." (was at) tells; "var finns rutinen" (where) asks
        was_at = first == "var" and len(words) > 1 and fold(words[1].text) in WAS_AT_NEXT
        is_question = clean.rstrip().endswith("?") or (first in QUESTION_STARTS and not was_at) or self._inverted(doc, words)
        asks_how = first in {"vad", "hur", "vem", "vilka", "vilken", "vilket", "varfor", "nar", "var"}

        kind = _single(terms.kinds)
        area = _single(terms.areas)
        def reads_as_report() -> bool:
            analysis = report if report is not None else shared_report_analyzer().analyze(clean)
            return analysis.area != "övrigt" and bool(analysis.area_evidence)

        intent = self._intent(
            signals, terms, words, period, unit_match, group_by, is_question, asks_how, reads_as_report,
            self._units.candidates(clean) if unit_match is None else [unit_match.name],
        )

        evidence = [f"{signal}: {', '.join(texts)}" for signal, texts in signals.items()]
        evidence += [f"term: {word}" for word in terms.evidence]
        if unit_match is not None:
            evidence.append(f"enhet: {unit_match.matched_text} -> {unit_match.name}")
        unit = unit_match.name if unit_match is not None else None

        if intent == "count":
            if "count" not in signals:
                # counted without a count word ("fall senaste 10 dagarna på Ekbacken"): say what made it a count
                made_of = [*terms.evidence, *([describe_period(period)] if period else []), *([unit] if unit else [])]
                evidence.insert(0, f"count: {' + '.join(made_of) or 'statistikord'}")
            if period is not None:
                evidence.append(f"period: {describe_period(period)}")
            compared = self._compared(clean, today, signals, terms, unit)
            unit, area, group_by = self._comparison(clean, today, signals, terms, unit, area, group_by)
            return QuestionParse(intent, kind, area, unit, period, group_by, evidence, *compared,
                                 counted_outright="count" in signals)
        if intent == "indicator":
            return QuestionParse(intent, kind, area, unit, period, None, evidence)
        if intent == "routine":
            return QuestionParse(intent, kind, area, unit, None, None, evidence)
        if intent == "report":
            return QuestionParse(intent, kind, None, unit, None, None, evidence)
        return QuestionParse("help", None, None, None, None, None, evidence)

    @staticmethod
    def _intent(
        signals, terms, words, period, unit_match, group_by, is_question: bool, asks_how: bool,
        reads_as_report: Callable[[], bool], units_named: list[str] = (),
    ) -> str:
        """The intent, with the boundary between a report and a question made explicit:
        a concrete event told (a definite person and a past tense: "att han trillade i natt",
        "hon har fått ett sår") is a report even when asked as a how-to question; a
        hypothetical ("om en brukare har ramlat") or a category ("fall", "fallavvikelser") is
        not. Counting needs a count cue, a grouping, a plural statistics word, or an area
        word with a period or a unit in a short message."""
        def has(signal: str) -> bool:
            if signal == "routine":
                return "routine" in signals or "routine_noun" in signals
            return signal in signals

        named = bool(terms.kinds or terms.areas or terms.plural_kind or period or unit_match)
        flagged = bool(flagged_subjects(" ".join(w.text for w in words)).subjects)  # lex Sarah/Maria, severe events

        stats = has("count") or group_by is not None or (
            has("count_verb") and bool(terms.areas or terms.kinds or len(set(units_named)) >= 2)
        )
        # "fler fall på Björkhagen än på Ekbacken i år?": a comparison of named things asks
        # for numbers, unless it tells an event ("larmet tog mer än 30 min")
        if has("compare") and (terms.areas or terms.kinds) and (is_question or period is not None) and not (
            has("event") or has("concrete_event") or has("finite_verb")
        ):
            stats = True
        concrete = has("concrete_event")
        event_statement = (has("event") or concrete) and not asks_how
        keywords_only = len(words) <= _KEYWORD_QUERY_WORDS
        short = len(words) <= _SHORT_QUERY_WORDS
        help_word_only = (
            has("help_word")
            and len(words) <= 3
            and not (terms.kinds or terms.areas or period or unit_match or stats)
        )
        if has("report_explicit") and not (
            is_question and (has("routine") or has("help_bot") or has("help_capability")) and not concrete
        ):
            return "report"
        # "hur många procent av synpunkterna ...": a share is an indicator, not a count
        if stats and (terms.kinds or terms.plural_kind) and not has("routine") and not has("indicator"):
            return "count"
        # "hur många lex sarah i år": an explicit count beats a routine word, not a how-to verb
        # "hur många lex maria", "antal allvarliga händelser": flagged reports are countable things too
        if has("count") and "routine" not in signals and "indicator" not in signals and (named or flagged):
            return "count"
        # "är det en verklig ökning av fallen på Solgården?", "ökar fallen?": a trend of something named
        if (named and is_question and not concrete and not has("indicator")
                and statistics_focus(" ".join(w.text for w in words)) == "trend"):
            return "count"
        # "kan du visa statistik?": what the bot can do, when nothing to count is named
        if has("help_can_you") and stats and not named and not concrete:
            return "help"
        if has("help_bot") or help_word_only or (
            has("help_capability") and not has("event") and not stats and not concrete
        ):
            return "help"
        if concrete and not has("count"):
            return "report"
        if has("event") and not is_question and "routine_noun" not in signals:
            return "report"
        # "lex sarah i år?", "finns det några möjliga lex maria i år": a period asks for numbers, not the routine
        if "routine_noun" in signals and "routine" not in signals and period is not None and not concrete and (
                short or flagged):
            return "count"
        if has("routine"):
            return "routine"
        if has("indicator"):
            return "indicator"
        if "routine_weak" in signals:
            return "routine"
        if stats:
            return "count"
        if has("compare") and named and not concrete and not (has("event") and not is_question):
            return "count"  # "jämför Solgården och Björkhagen i år", "jämför vecka 10 med vecka 12"
        # a whole statement with a finite verb tells something ("medicinskåpet stod olåst på
        # Ekgården i går", "god man har framfört klagomål ..."); a statistics query without a
        # count word is a phrase of names ("fallavvikelser förra veckan på hemtjänst norr")
        statement = not is_question and has("finite_verb")
        if terms.plural_kind and not event_statement and not statement and (
            period is not None or unit_match is not None or is_question or keywords_only
        ):
            return "count"
        if terms.areas and not event_statement and not statement and short and (
            period is not None or unit_match is not None or (is_question and asks_how)
        ):
            return "count"
        if has("help_you") and is_question:
            return "help"
        if has("event") and not asks_how:
            return "report"
        if is_question or has("help_word") or has("help_you"):
            return "help"
        if terms.areas or terms.kinds or unit_match is not None or len(words) >= _REPORT_STATEMENT_WORDS:
            return "report"
        # a few words with report content and nothing else: "rodnad vä häl", "ramla"
        return "report" if reads_as_report() else "help"

    def _compared(self, text: str, today: date, signals, terms, unit) -> tuple[tuple, tuple, tuple]:
        """What a comparison names, each in the order named: units, areas, periods."""
        if "compare" not in signals and "och" not in fold(text).split():
            return (), (), ()
        units = tuple(dict.fromkeys(self._units.candidates(text))) if unit is None else ()
        areas = tuple(dict.fromkeys(terms.areas)) if "compare" in signals else ()
        periods = tuple(dict.fromkeys(resolve_periods(text, today))) if "compare" in signals else ()
        return (units if len(units) >= 2 else (), areas if len(areas) >= 2 else (),
                periods if len(periods) >= 2 else ())

    def _comparison(self, text: str, today: date, signals, terms, unit, area, group_by):
        """Comparisons and trends (SCHEMA.md): two units compared -> unit None, per unit; two
        areas -> area None, per area; two months or weeks -> per month or week; a trend
        question ("ökar fallen?") -> per month."""
        if group_by is not None:
            return unit, area, group_by
        units = self._units.candidates(text) if unit is None else [unit]
        if len(set(units)) >= 2 and ("compare" in signals or "och" in fold(text).split()):
            return None, area, "unit"
        if len(set(terms.areas)) >= 2 and "compare" in signals:
            return unit, None, "area"
        if "compare" in signals:
            granularity = compared_granularity(text, today)
            if granularity is not None:
                return unit, area, granularity
        if statistics_focus(text) == "trend":
            return unit, area, "month"
        return unit, area, None

    @staticmethod
    def _inverted(doc, words) -> bool:
        """A finite verb before its subject pronoun at the start: "behöver jag ...", "gäller
        det ...". A past tense there tells ("glömde jag ..." is rare); present tense asks."""
        if len(words) < 2 or fold(words[1].text) not in QUESTION_SUBJECTS:
            return False
        verb = fold(words[0].text)
        return len(verb) >= 3 and verb.endswith(("er", "ar", "as", "or")) and verb not in {"eller", "efter", "under", "over", "sedan"}

    @staticmethod
    def _group_by(signals: dict[str, list[str]], text: str) -> str | None:
        folded = fold(text)
        found = []
        for signal, group in _GROUPS.items():
            for cue in signals.get(signal, []):
                found.append((folded.find(fold(cue)), group))
        return min(found)[1] if found else None
