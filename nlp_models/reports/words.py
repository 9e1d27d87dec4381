"""The spaCy component that gives every token its domain word form.

It sets `token.lemma_` to the domain lemma (after abbreviation expansion, typo correction
and compound analysis, see `word_forms.py`) and keeps the full analyses in
`doc.user_data["report_words"]`. `token.norm_` stays the folded text (language.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from nlp_models.reports.rules import load_report_rules
from nlp_models.text.spelling import TypoCorrector
from nlp_models.text.token_patterns import TokenView
from nlp_models.text.word_forms import WordForm, WordLexicon

REPORT_WORDS = "report_words"
USER_DATA_KEY = "report_words"


@dataclass
class WordAnalysis:
    lexicon: WordLexicon
    spelling: TypoCorrector

    def __post_init__(self) -> None:
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)

    def _analyse(self, lower: str) -> WordForm:
        return self.lexicon.analyse(lower, self.spelling)


@lru_cache(maxsize=1)
def word_analysis() -> WordAnalysis:
    """The lexicon (with every word the rules name) and its typo corrector, built once."""
    matcher = load_report_rules().matcher
    lexicon = WordLexicon(extra_lemmas=matcher.literal_values())
    # typos may also be corrected towards the exact words rules name ("varfor", "golvet")
    written = {word for word in matcher.literal_values(("NORM",)) if word.isalpha() and len(word) >= 4}
    return WordAnalysis(lexicon, TypoCorrector(lexicon.vocabulary() | written))


def annotate(doc: Doc, analysis: WordAnalysis | None = None) -> Doc:
    """Set the domain lemmas of `doc` and store the word forms in its user data."""
    analyse = (analysis or word_analysis()).analyse
    forms = [analyse(token.lower_) for token in doc]
    for token, form in zip(doc, forms):
        token.lemma_ = form.lemma
    doc.user_data[USER_DATA_KEY] = forms
    return doc


class ReportWords:
    def __init__(self) -> None:
        self.analysis = word_analysis()

    def __call__(self, doc: Doc) -> Doc:
        return annotate(doc, self.analysis)


@Language.factory(REPORT_WORDS)
def make_report_words(nlp: Language, name: str) -> ReportWords:
    return ReportWords()


def token_views(doc: Doc) -> list[TokenView]:
    """What the rule matcher sees of each token of an annotated doc."""
    forms: list[WordForm] | None = doc.user_data.get(USER_DATA_KEY)
    if forms is None or len(forms) != len(doc):
        annotate(doc)
        forms = doc.user_data[USER_DATA_KEY]
    views = []
    for token, form in zip(doc, forms):
        views.append(
            TokenView(
                i=token.i,
                text=token.text,
                lower=token.lower_,
                norm=form.norm,
                lemma=form.lemma,
                parts=form.parts,
                is_punct=token.is_punct,
                is_digit=token.is_digit,
                like_num=token.like_num,
            )
        )
    return views
