"""Find the routine a care worker is asking about.

Questions arrive typed on a phone: without å/ä/ö, with typos ("rammlat") and in every
inflection ("ramlade", "larmet", "tabletterna"). Matching therefore works on folded,
lightly stemmed tokens, and a question token counts as a match for a routine term when
the two are equal, when one is a prefix or compound part of the other
("trygghetslarmet" / "larm"), or when they are close by edit distance (rapidfuzz).

Each matching term weighs by how rare it is among the routines (idf), so a word that
many routines share ("medicin") decides less than one that only one routine has
("narkotikaräkning"). A keyword phrase whose every word is in the question adds a bonus,
so "utebliven dos" beats a routine that only mentions "dos".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from intents.routines.library import Routine
from nlp_models.text.normalize import fold

# Below this score `best` answers None: nothing in the question is specific enough.
MIN_SCORE = 2.0

TITLE_WEIGHT = 1.2
KEYWORD_WEIGHT = 1.0
AREA_WEIGHT = 0.5
PHRASE_BONUS = 0.5  # per word of a keyword phrase that is matched in full

EXACT = 1.0
# Prefix or compound part: "vand" ~ "vandschem", "trygghetslarm" ~ "larm". Kept below
# EXACT / TITLE_WEIGHT so that an exact keyword beats a compound that hits a title word.
AFFIX = 0.75
TYPO = (0.8, 0.7)  # similarity at one and at two edits ("rammlat" ~ "ramlat")
MIN_TYPO_LEN = 5  # shorter words are too easily another word with one edit ("fall"/"full")
TWO_TYPOS_LEN = 10  # words at least this long may have two edits
MIN_AFFIX_LEN = 4  # "larm" may be the last part of "trygghetslarm" ...
MIN_BARE_SUFFIX_LEN = 5  # ... but "ring" is not a part of "förvaring" (no linking s)
# Swedish prefixes that begin many unrelated words: "missat" must not match "misstänker".
BOUND_PREFIXES = frozenset({"miss", "over", "fore", "efter", "till", "under", "utan"})
SHORT_STEM_LEN = 3
SHORT_STEM_WEIGHT = 0.7  # "sen", "tid", "dos": real words, but too short to decide alone
PHRASE_MATCH = 0.8

# Folded function words and words every routine question has; they never decide a match.
# The verb "ringa" is here: nearly every routine says whom to call. So are the kinds of
# unit ("hemtjänst", "säbo") and the compass words of unit names: they say where, not what.
STOPWORDS = frozenset(
    """
    boende boendet boenden enhet enheten hemtjanst hemtjansten korttids korttidsboende
    korttidsboendet norr sabo sarskilt soder syd oster vaster
    a aldrig alla allt alltid andra annan annat ar att av bara behover bli blir bor borde
    bru brukare brukaren brukarens brukarna da de dem den denna deras dessa det detta dig
    din dina ditt du efter ej eller emot en er ett fa far fatt finns for fran galler gav ge
    gjorde gjort gor gora ha hade han har hej hen hon hur i in innan inte ja jag kan kunde
    man manga maste med mellan mig min mina mitt morse mot mycket na nagon nagot nagra nar
    nasta ni nu och ocksa om oss pa ring ringa ringde ringer ringt rutin rutinen rutiner sa
    saga sager sig sin sina sitt ska skall skulle snalla som ta tack tar till under upp ur
    ut vad var vara varfor vart vem vet vi vid vilka vilken vilket vill visst
    """.split()
)

# Times of day say when, not what: "i morgon" must not find "morgonmedicin". Matched on
# the stem, so "morgonen" and "kvällens" go too.
_TIME_WORDS = """
    morgon morgonen kvall kvallen kvallens natt natten dag dagen formiddag eftermiddag
    igar imorgon idag vecka veckan manad manaden
"""

# "i så fall", "i alla fall": "fall" here is not a fall.
_IDIOMS = re.compile(r"\bi (?:sa|alla|vilket|varje|bada|basta|varsta|annat|nagot) fall\b")
_WORD = re.compile(r"[a-z0-9]+")

# Longest first; a suffix is only stripped when at least three letters remain.
_SUFFIXES = tuple(
    sorted(
        """
        heterna hetens heten arnas ernas ornas andet arna erna orna ande ende aste ades
        het ade ast are ens ets na en et ar er or at ad it a e n s t
        """.split(),
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 3


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light Swedish stem of a folded word: "ramlade", "ramlat", "ramla" -> "raml"."""
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < _MIN_STEM:
            continue
        if len(suffix) == 1 and word[-2] == suffix:
            continue  # a doubled letter is the word's own: "tablett", "buss"
        return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def _time_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in _TIME_WORDS.split())


SIMILARITY_CACHE_SIZE = 20_000  # distinct words; a few MB at most


@dataclass(frozen=True, slots=True)
class Token:
    raw: str  # folded word as typed
    stem: str


def clean(text: str) -> str:
    """Folded `text` without the idioms that only look like domain words."""
    return _IDIOMS.sub(" ", fold(text))


def tokenize(text: str) -> list[Token]:
    """Folded content words of `text`, each with its stem; function words dropped."""
    tokens = (Token(w, stem(w)) for w in _WORD.findall(clean(text)) if w not in STOPWORDS)
    return [t for t in tokens if t.stem not in _time_stems()]


@dataclass(frozen=True, slots=True)
class RoutineHit:
    routine: Routine
    score: float
    matched: tuple[str, ...]  # the (folded) question words that matched this routine

    @property
    def title(self) -> str:
        return self.routine.title


@dataclass(slots=True)
class _Term:
    stem: str
    raws: set[str]
    idf: float = 0.0


@dataclass(frozen=True, slots=True)
class _Indexed:
    routine: Routine
    weights: dict[str, float]  # term stem -> field weight (title beats keyword)
    phrases: tuple[tuple[str, ...], ...]  # keyword phrases of two or more stems


class RoutineSearch:
    """Ranks routines for a question. Build once per routine set; queries are cheap."""

    def __init__(self, routines: Iterable[Routine], *, min_score: float = MIN_SCORE) -> None:
        self.routines: tuple[Routine, ...] = tuple(routines)
        self.min_score = min_score
        self._terms: dict[str, _Term] = {}
        self._index = tuple(self._index_routine(r) for r in self.routines)
        n = max(len(self._index), 1)
        document_frequency: dict[str, int] = {}
        for entry in self._index:
            for term in entry.weights:
                document_frequency[term] = document_frequency.get(term, 0) + 1
        for term, count in document_frequency.items():
            self._terms[term].idf = math.log(1 + n / count)
        self._fallback_texts = [fold(f"{r.title} {' '.join(r.keywords)}") for r in self.routines]
        self._similarity_cache: dict[Token, dict[str, float]] = {}

    def _index_routine(self, routine: Routine) -> _Indexed:
        weights: dict[str, float] = {}
        phrases: list[tuple[str, ...]] = []

        def add(tokens: Sequence[Token], weight: float) -> None:
            for token in tokens:
                self._terms.setdefault(token.stem, _Term(token.stem, set())).raws.add(token.raw)
                weights[token.stem] = max(weights.get(token.stem, 0.0), weight)

        add(tokenize(routine.title), TITLE_WEIGHT)
        add(tokenize(routine.area.value), AREA_WEIGHT)
        for keyword in routine.keywords:
            tokens = tokenize(keyword)
            add(tokens, KEYWORD_WEIGHT)
            stems = tuple(dict.fromkeys(t.stem for t in tokens))
            if len(stems) > 1:
                phrases.append(stems)
        return _Indexed(routine, weights, tuple(dict.fromkeys(phrases)))

    def search(self, question: str, limit: int = 3) -> list[RoutineHit]:
        """Up to `limit` routines that share at least one term with `question`, best first."""
        tokens = list({t.stem: t for t in tokenize(question)}.values())
        if not tokens or limit <= 0:
            return []
        similarities = [self._similarities(token) for token in tokens]
        hits: list[RoutineHit] = []
        for entry in self._index:
            score = 0.0
            matched: list[str] = []
            best_by_term: dict[str, float] = {}
            for token, sims in zip(tokens, similarities):
                best = 0.0
                for term, sim in sims.items():
                    weight = entry.weights.get(term)
                    if weight is None:
                        continue
                    best = max(best, sim * weight * self._terms[term].idf)
                    best_by_term[term] = max(best_by_term.get(term, 0.0), sim)
                if best > 0:
                    if len(token.stem) <= SHORT_STEM_LEN:
                        best *= SHORT_STEM_WEIGHT
                    score += best
                    matched.append(token.raw)
            for phrase in entry.phrases:
                if all(best_by_term.get(term, 0.0) >= PHRASE_MATCH for term in phrase):
                    score += PHRASE_BONUS * len(phrase)
            if score > 0:
                hits.append(RoutineHit(entry.routine, round(score, 3), tuple(matched)))
        hits.sort(key=lambda h: (-h.score, h.routine.title))
        return hits[:limit]

    def best(self, question: str) -> RoutineHit | None:
        """The top hit when it is confident enough, else None."""
        hits = self.search(question, limit=1)
        return hits[0] if hits and hits[0].score >= self.min_score else None

    def nearest(self, question: str, limit: int = 3) -> list[Routine]:
        """Routines to suggest when nothing matched well: search hits first, then the
        titles that look most like the question, so there is always something to offer."""
        chosen = [hit.routine for hit in self.search(question, limit)]
        if len(chosen) < limit and self.routines:
            ranked = process.extract(
                clean(question), self._fallback_texts, scorer=fuzz.token_set_ratio, limit=None
            )
            for _, _, index in ranked:
                if len(chosen) >= limit:
                    break
                if self.routines[index] not in chosen:
                    chosen.append(self.routines[index])
        return chosen

    def _similarities(self, token: Token) -> dict[str, float]:
        """How well `token` matches each known term (terms that do not match are left out).
        The index never changes, so each word is compared once; reports reuse most words."""
        cached = self._similarity_cache.get(token)
        if cached is not None:
            return cached
        sims: dict[str, float] = {}
        for term in self._terms.values():
            sim = _similarity(token, term)
            if sim > 0:
                sims[term.stem] = sim
        if len(self._similarity_cache) < SIMILARITY_CACHE_SIZE:
            self._similarity_cache[token] = sims
        return sims


def _similarity(token: Token, term: _Term) -> float:
    q, t = token.stem, term.stem
    if q == t or token.raw in term.raws:
        return EXACT
    short, long_ = (q, t) if len(q) <= len(t) else (t, q)
    if len(short) >= MIN_AFFIX_LEN and short not in BOUND_PREFIXES:
        if long_.startswith(short) or _compound_tail(long_, short):
            return AFFIX
    edits = _typo_edits(q, t, Levenshtein.distance)
    for raw in term.raws:
        edits = min(edits, _typo_edits(token.raw, raw, OSA.distance))
    return TYPO[edits - 1] if edits <= len(TYPO) else 0.0


def _typo_edits(a: str, b: str, distance) -> int:
    """Edits between `a` and `b` when few enough to be a typo, else a number too large."""
    too_many = len(TYPO) + 1
    shortest = min(len(a), len(b))
    if shortest < MIN_TYPO_LEN:
        return too_many
    allowed = 2 if shortest >= TWO_TYPOS_LEN else 1
    edits = distance(a, b, score_cutoff=allowed)
    return edits if edits <= allowed else too_many


def _compound_tail(word: str, tail: str) -> bool:
    """Whether `tail` ends the compound `word`: "trygghets|larm", "narkotika|rakning"."""
    if not word.endswith(tail):
        return False
    return len(tail) >= MIN_BARE_SUFFIX_LEN or word[-len(tail) - 1] == "s"
