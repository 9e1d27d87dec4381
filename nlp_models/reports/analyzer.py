"""Understand one free-text report from a care worker: kind, area, severity and more.

    >>> analyzer = ReportAnalyzer()
    >>> analyzer.analyze("bru ramlade i badrummet, ingen skada. ssk kontaktad").area
    'fall'

The pipeline is `spacy.blank("sv")` with the folded-norm component (language.py) and the
report word component (report_words.py: domain lemmas, compounds, typos). Everything the
analyser knows is in `nlp_models/rules/` as data; the modules here only combine it:
area_rules (area), kind_rules (kind), severity (harm, lex Sarah/Maria), immediate_action,
staff_injury, personal_data (masking).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from nlp_models.reports.area import decide_area
from nlp_models.reports.immediate_action import find_actions
from nlp_models.reports.kind import decide_kind
from nlp_models.text.language import make_blank_swedish
from nlp_models.personal_data.masking import mask_personal_data
from nlp_models.reports.rules import load_report_rules
from nlp_models.reports.words import REPORT_WORDS, annotate, token_views, word_analysis
from nlp_models.reports.severity import decide_severity
from nlp_models.reports.staff_injury import staff_injury_cues
from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import read_toml
from nlp_models.text.token_patterns import Match, TokenSpec, TokenView

# Longer texts are analysed on their first part only; the masking always covers all of it.
MAX_ANALYSED_CHARS = 20_000
# At most this many words explain a decision ("Fall – av: halkade, golvet").
EVIDENCE_WORDS = 3


@lru_cache(maxsize=1)
def explanation_skip_words() -> frozenset[str]:
    """Function words never shown as evidence (rules/explanation.toml)."""
    return frozenset(fold(w) for w in read_toml("explanation.toml")["skip_words"])


@dataclass(frozen=True)
class ReportAnalysis:
    kind: str
    area: str
    secondary_areas: list[str]
    area_candidates: list[tuple[str, float]]
    confidence: float
    evidence: list[str]
    severe: bool
    lex_sarah: bool
    lex_maria: bool
    severity_evidence: list[str]
    consequence: str | None
    consequence_cues: list[str]
    immediate_action: str | None
    action_cues: list[str]
    staff_injury: bool
    masked_text: str
    masked_kinds: list[str]
    # What the decisions were read from, as the user wrote the words, in text order:
    # "halkade", "golvet" for a fall. Empty when nothing pointed anywhere (övrigt by default).
    area_evidence: tuple[str, ...] = ()
    kind_evidence: tuple[str, ...] = ()
    # the consequence was read only from signs of it ("ont", "blödde", "ambulans"), not from a statement:
    # the dialogue offers it as a guess to confirm
    consequence_guessed: bool = False


def _clean(text: object) -> str:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    # control characters other than newline/tab confuse nobody but are never words
    return "".join(ch if (ch.isprintable() or ch in "\n\t") else " " for ch in text)


def _spec_hits(spec: TokenSpec, token: TokenView) -> bool:
    return bool(spec.tests) and spec.accepts(token)


def _explanation(matches: Sequence[Match], tokens: Sequence[TokenView], limit: int = EVIDENCE_WORDS) -> tuple[str, ...]:
    """The few content words a decision was read from, strongest cues first chosen, then
    shown in text order ("halkade", "golvet"): function words ("på", "i") are left out."""
    skip = explanation_skip_words()
    strongest = sorted(matches, key=lambda m: (-abs(float(m.rule.get("weight", 1.0))), m.start))
    chosen: dict[int, str] = {}
    for match in strongest:
        for i in range(match.start, match.end):
            token = tokens[i]
            if token.is_punct or token.norm in skip or i in chosen:
                continue
            if any(_spec_hits(spec, token) for spec in match.rule.specs):
                if len(chosen) < limit and token.text not in chosen.values():
                    chosen[i] = token.text
    return tuple(chosen[i] for i in sorted(chosen))


def _words(matches: Sequence[Match], tokens: Sequence[TokenView]) -> list[str]:
    """The words as written that carried the matches (wildcard tokens left out)."""
    words: list[str] = []
    for match in matches:
        for i in range(match.start, match.end):
            token = tokens[i]
            if token.is_punct:
                continue
            if any(_spec_hits(spec, token) for spec in match.rule.specs):
                if token.text not in words:
                    words.append(token.text)
    return words


class ReportAnalyzer:
    """Builds the pipeline and loads the rules once; `analyze` is then cheap."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._rules = load_report_rules()
        self._words = word_analysis()
        if nlp is None:
            nlp = make_blank_swedish()
            nlp.add_pipe(REPORT_WORDS, last=True)
        self._nlp = nlp
        self._annotates = REPORT_WORDS in nlp.pipe_names

    @property
    def nlp(self) -> Language:
        return self._nlp

    def analyze(self, text: str) -> ReportAnalysis:
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Iterable[str]) -> list[ReportAnalysis]:
        originals = [_clean(text) for text in texts]
        analysed = [text[:MAX_ANALYSED_CHARS] for text in originals]
        results = []
        for original, doc in zip(originals, self._nlp.pipe(analysed)):
            results.append(self._analyse_doc(original, doc))
        return results

    def _analyse_doc(self, original: str, doc: Doc) -> ReportAnalysis:
        if not self._annotates:
            annotate(doc, self._words)
        tokens = token_views(doc)
        matches = self._rules.matcher(tokens)
        area = decide_area(matches, tokens)
        severity = decide_severity(matches, tokens, area.area)
        kind = decide_kind(matches, tokens, severity.consequence)
        actions = find_actions(matches, tokens)
        staff = staff_injury_cues(matches, tokens)
        masked = mask_personal_data(original)
        evidence = _words(area.cues.get(area.area, []) + kind.cues, tokens)
        return ReportAnalysis(
            kind=kind.kind,
            area=area.area,
            secondary_areas=area.secondary,
            area_candidates=area.candidates,
            confidence=area.confidence,
            evidence=evidence,
            severe=severity.severe,
            lex_sarah=severity.lex_sarah,
            lex_maria=severity.lex_maria,
            severity_evidence=_words(severity.severity_cues, tokens),
            consequence=severity.consequence,
            consequence_cues=_words(severity.consequence_cues, tokens),
            consequence_guessed=severity.consequence_guessed,
            immediate_action=actions.text,
            action_cues=_words(actions.cues, tokens),
            staff_injury=bool(staff),
            masked_text=masked.text,
            masked_kinds=masked.kinds,
            area_evidence=_explanation(area.cues.get(area.area, []), tokens),
            kind_evidence=_explanation(kind.cues, tokens),
        )


__all__ = ["ReportAnalysis", "ReportAnalyzer"]
