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
from nlp_models.text.english import EnglishLexicon, english_lexicon
from nlp_models.text.normalize import fold
from nlp_models.text.spelling import TypoCorrector, is_swedish_word
from nlp_models.text.token_patterns import TokenView
from nlp_models.text.word_forms import WordForm, WordLexicon

REPORT_WORDS = "report_words"
ENGLISH_MARK = "en:"
USER_DATA_KEY = "report_words"


@dataclass
class WordAnalysis:
    lexicon: WordLexicon
    spelling: TypoCorrector
    english: EnglishLexicon

    def __post_init__(self) -> None:
        self.analyse = lru_cache(maxsize=200_000)(self._analyse)
        self.analyse_english = lru_cache(maxsize=50_000)(self._analyse_english)

    def _analyse(self, lower: str) -> WordForm:
        form = self.lexicon.analyse(lower, self.spelling)
        if form.known:
            return form
        # an English word in a Swedish message ("missade hennes meds"), unless it is Swedish too
        translated = self._translated(lower)
        if translated is None or (is_swedish_word(form.norm) and lower not in self.english.mixed):
            return form
        return translated

    def _analyse_english(self, lower: str) -> WordForm:
        """A word of an English message: English first, never a Swedish typo correction."""
        translated = self._translated(lower)
        if translated is not None:
            return translated
        norm = fold(lower)
        if not self.english.is_function_word(lower):
            # Swedish words in English text ("bru", "ssk", "Alvedon") keep their reading;
            # an English word is never stripped to a Swedish stem ("bent" is no "ben")
            form = self.lexicon.analyse(lower, None)
            swedish_looking = (len(form.parts) > 1 or norm in self.lexicon.known or norm in self.lexicon.abbreviations
                               or norm in self.lexicon.irregular or is_swedish_word(norm))
            if form.known and swedish_looking:
                return form
            return WordForm(norm, norm, (norm,), False)
        # an English function word is matched by its written form only (NORM, LOWER), never
        # as a Swedish lemma ("do" is no "dö", "dog" no death)
        marked = ENGLISH_MARK + norm
        return WordForm(norm, marked, (marked,), False)

    def _translated(self, lower: str) -> WordForm | None:
        lemma = self.english.lemma(lower)
        return None if lemma is None else self.translated_as(lower, lemma)

    def translated_as(self, lower: str, lemma: str) -> WordForm:
        """The English word `lower` read as the Swedish domain word `lemma`."""
        swedish = self.lexicon.analyse(lemma, None)
        return WordForm(fold(lower), swedish.lemma, swedish.parts, True)


@lru_cache(maxsize=1)
def word_analysis() -> WordAnalysis:
    """The lexicon (with every word the rules name) and its typo corrector, built once."""
    matcher = load_report_rules().matcher
    lexicon = WordLexicon(extra_lemmas=matcher.literal_values())
    # typos may also be corrected towards the exact words rules name ("varfor", "golvet")
    written = {word for word in matcher.literal_values(("NORM",)) if word.isalpha() and len(word) >= 4}
    return WordAnalysis(lexicon, TypoCorrector(lexicon.vocabulary() | written), english_lexicon())


def annotate(doc: Doc, analysis: WordAnalysis | None = None) -> Doc:
    """Set the domain lemmas of `doc` and store the word forms in its user data."""
    analysis = analysis or word_analysis()
    lowers = [token.lower_ for token in doc]
    english = analysis.english.is_english(lowers)
    analyse = analysis.analyse_english if english else analysis.analyse
    forms = [analyse(lower) for lower in lowers]
    if english:
        # English writes its compounds apart: "pressure ulcer" is one Swedish word, read on
        # its second token ("ulcer" -> trycksår); the first keeps its own reading
        for i in range(1, len(lowers)):
            compound = analysis.english.phrase(lowers[i - 1], lowers[i])
            if compound is not None:
                forms[i] = analysis.translated_as(lowers[i], compound)
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
