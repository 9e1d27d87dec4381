"""Read a short answer to one question: a choice, yes/no, "vet ej", skip, later, or a number.

    >>> from types import SimpleNamespace as Option
    >>> q = Question("contact", options=(Option(label="Nej", value="nej"), Option(label="Ja, skriftligt",
    ...              value="skriftligt"), Option(label="Ja, per telefon", value="telefon")),
    ...              yes=("skriftligt", "telefon"), no="nej")
    >>> read_answer("ja", q).kind
    <AnswerKind.YES_WHICH: 'yes_which'>
    >>> read_answer("ja per telefon", q).option.value
    'telefon'

The words are data (rules/answers.toml); a question only says what its choices are, which of
them a plain "ja" or "nej" means, and whether "vet ej" is an allowed answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, Sequence

from rapidfuzz import fuzz, process

from nlp_models.answers.vocabulary import AnswerWords, answer_words, phrase

FUZZY_CUTOFF = 82
MAX_WORDS_FOR_CONTAINED = 10  # a choice named inside a longer answer ("hon vill ha svar per telefon")
NEGATIONS = frozenset({"inte", "ej", "inga", "ingen", "inget", "utan", "aldrig", "icke"})


class Option(Protocol):
    """A choice of a question (intents.messages.Choice is one): what is shown, and what it stands for."""

    label: str
    value: str


@dataclass(frozen=True)
class Question:
    topic: str  # the key of its choice words in answers.toml ("contact", "confirm", ...)
    options: Sequence[Option] = ()
    yes: tuple[str, ...] = ()  # the option values a plain "ja" may mean; several: ask which
    no: str | None = None  # the option value a plain "nej" means
    unknown: str | None = None  # the value "vet ej" stores, when the field allows it


class AnswerKind(StrEnum):
    OPTION = "option"
    YES = "yes"  # a plain yes the question has no option for
    YES_WHICH = "yes_which"  # yes, but the question has several yes-answers
    NO = "no"
    UNKNOWN = "unknown"
    SKIP = "skip"
    LATER = "later"
    CANCEL = "cancel"
    NUMBER = "number"  # a number where the question has no numbered choices
    NOT_UNDERSTOOD = "not_understood"


@dataclass(frozen=True)
class Answer:
    kind: AnswerKind
    option: Option | None = None
    number: int | None = None

    @property
    def understood(self) -> bool:
        return self.kind != AnswerKind.NOT_UNDERSTOOD


NOTHING = Answer(AnswerKind.NOT_UNDERSTOOD)


def _strip_fillers(words: list[str], fillers: frozenset[str]) -> list[str]:
    while words and words[0] in fillers:
        words = words[1:]
    while words and words[-1] in fillers:
        words = words[:-1]
    return words


def _option_phrases(question: Question, vocabulary: AnswerWords) -> list[tuple[str, Option]]:
    """Every phrase that names an option, longest first: label, value and the topic's words."""
    synonyms = vocabulary.topics.get(question.topic, {})
    pairs: dict[str, list[Option]] = {}
    for option in question.options:
        for said in {phrase(option.label), phrase(option.value), *synonyms.get(option.value, ())}:
            if said and option not in pairs.setdefault(said, []):
                pairs[said].append(option)
    unique = [(said, options[0]) for said, options in pairs.items() if len(options) == 1]
    return sorted(unique, key=lambda item: (-len(item[0]), item[0]))


def _option(question: Question, value: str | None) -> Option | None:
    return next((o for o in question.options if o.value == value), None) if value else None


def _exact(text: str, phrases: list[tuple[str, Option]]) -> Option | None:
    return next((option for said, option in phrases if said == text), None)


def _negated_before(padded: str, said: str) -> bool:
    """"har inte ont", "inga sår": a negation before the words, unless the words carry it ("ingen skada")."""
    if said.split()[0] in NEGATIONS:
        return False
    before = padded[: padded.index(f" {said} ")].split()
    return any(word in NEGATIONS for word in before)


def _contained(text: str, phrases: list[tuple[str, Option]]) -> Option | None:
    """The one option whose words stand inside the answer; None when none or several do."""
    padded = f" {text} "
    found = {id(option): option for said, option in phrases
             if len(said) >= 3 and f" {said} " in padded and not _negated_before(padded, said)}
    return next(iter(found.values())) if len(found) == 1 else None


def _classes(text: str, question: Question, vocabulary: AnswerWords) -> Answer | None:
    """yes / no / vet ej / hoppa över / senare / avbryt, said on their own."""
    if text in vocabulary.cancel:
        return Answer(AnswerKind.CANCEL)
    if text in vocabulary.unknown:
        return Answer(AnswerKind.UNKNOWN)
    if text in vocabulary.skip:
        return Answer(AnswerKind.SKIP)
    if text in vocabulary.later:
        return Answer(AnswerKind.LATER)
    if text in vocabulary.no:
        option = _option(question, question.no)
        return Answer(AnswerKind.OPTION, option) if option else Answer(AnswerKind.NO)
    if text in vocabulary.yes:
        if len(question.yes) == 1 and (option := _option(question, question.yes[0])):
            return Answer(AnswerKind.OPTION, option)
        return Answer(AnswerKind.YES_WHICH) if len(question.yes) > 1 else Answer(AnswerKind.YES)
    return None


def _fuzzy(text: str, phrases: list[tuple[str, Option]]) -> Option | None:
    """A prefix ("tel", "ingen") or a close spelling ("lindig") of one option's words."""
    if len(text) < 3:
        return None
    by_prefix = {id(o): o for said, o in phrases if said.startswith(text) or (len(said) >= 3 and text.startswith(said + " "))}
    if len(by_prefix) == 1:
        return next(iter(by_prefix.values()))
    by_word = {id(o): o for said, o in phrases if text in said.split()}  # "syd" for "Hemtjänst Syd"
    if len(by_word) == 1:
        return next(iter(by_word.values()))
    candidates = [said for said, _ in phrases if len(said) >= 4]
    best = process.extractOne(text, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if best is None:
        return None
    return dict(phrases)[best[0]]


EXPLICIT_FUZZY_CUTOFF = 85
EXPLICIT_FUZZY_MIN_LEN = 6  # "maattlig" for "måttlig"; shorter words are too easily another word


def explicit_option(text: str, question: Question) -> Option | None:
    """The option a longer answer names outright, not by its signs: "måttlig, hon har ont i armen" names
    måttlig (its "ont" is only a sign of lindrig); "allvarlig tror jag, hon fick ett blåmärke" names allvarlig.
    The first named option wins; a negated name ("inte allvarligt") names nothing. A number first in the
    answer ("4, hon var medvetslös") is that choice. The naming words are rules/answers.toml [explicit.<topic>]."""
    vocabulary = answer_words()
    names = vocabulary.explicit.get(question.topic)
    words = phrase(text).split()
    if not words:
        return None
    if words[0].isascii() and words[0].isdigit() and len(words) > 1 and not words[1].isdigit():
        index = int(words[0]) - 1
        return question.options[index] if 0 <= index < len(question.options) else None
    if not names:
        return None
    padded = f" {' '.join(words)} "
    found: list[tuple[int, str]] = []
    for value, phrases in names.items():
        for said in phrases:
            at = padded.find(f" {said} ")
            while at >= 0:
                if not _negated_before(padded[: at + len(said) + 2], said):
                    found.append((len(padded[:at].split()), value))
                    break
                at = padded.find(f" {said} ", at + 1)
    single = {said: value for value, phrases in names.items() for said in phrases
              if " " not in said and len(said) >= EXPLICIT_FUZZY_MIN_LEN}
    for index, word in enumerate(words):
        if len(word) < EXPLICIT_FUZZY_MIN_LEN or word in single:
            continue
        best = process.extractOne(word, list(single), scorer=fuzz.ratio, score_cutoff=EXPLICIT_FUZZY_CUTOFF)
        if best is not None and not any(w in NEGATIONS for w in words[max(0, index - 2):index]):
            found.append((index, single[best[0]]))
    for _, value in sorted(found):
        if option := _option(question, value):
            return option
    return None


def read_answer(text: str, question: Question) -> Answer:
    vocabulary = answer_words()
    said = phrase(text)
    if not said:
        return NOTHING
    phrases = _option_phrases(question, vocabulary)
    words = said.split()
    candidates = [said]
    stripped = " ".join(_strip_fillers(words, vocabulary.fillers))
    if stripped and stripped != said:
        candidates.append(stripped)
    for candidate in candidates:
        if candidate.isascii() and candidate.isdigit():  # "²" is a digit to isdigit, not to int
            number = int(candidate)
            if not question.options:
                return Answer(AnswerKind.NUMBER, number=number)
            index = number - 1
            return Answer(AnswerKind.OPTION, question.options[index]) if 0 <= index < len(question.options) else NOTHING
        if option := _exact(candidate, phrases):
            return Answer(AnswerKind.OPTION, option)
        if answer := _classes(candidate, question, vocabulary):
            return answer
    core = candidates[-1].split()
    # "ja, per telefon", "ok skicka", "nej ingen skada", "nä vet inte": a yes/no particle before the answer
    for size in (3, 2, 1):
        lead, rest = " ".join(core[:size]), " ".join(core[size:])
        if rest and (lead in vocabulary.yes or lead in vocabulary.no):
            if option := _exact(rest, phrases):
                return Answer(AnswerKind.OPTION, option)
            if answer := _classes(rest, question, vocabulary):
                if answer.kind not in (AnswerKind.YES, AnswerKind.NO, AnswerKind.YES_WHICH):
                    return answer
    if len(core) <= MAX_WORDS_FOR_CONTAINED and (option := _contained(" ".join(core), phrases)):
        return Answer(AnswerKind.OPTION, option)
    if len(core) <= 3 and (option := _fuzzy(" ".join(core), phrases)):
        return Answer(AnswerKind.OPTION, option)
    return NOTHING
