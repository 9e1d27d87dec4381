"""Find the care unit (enhet) a message names, among the units given from the database.

Names and aliases are folded and their common words expanded ("HT Syd" reads as
"hemtjanst syd"). A match is, best first: the whole name word for word; the name
written together or apart ("hemtjanstnorr"); the name with a typo in a long word; only
the distinctive part of the name ("Solgården" for "Solgårdens äldreboende"). Generic
words alone ("hemtjänst", "boende") never pick a unit: they make the units that contain
them candidates, so the dialogue can ask which one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from nlp_models.text.normalize import fold
from nlp_models.units.vocabulary import unit_vocabulary

MAX_CHARS = 20_000
_WORD = re.compile(r"[^\W_]+")

EXACT = 1.0
JOINED = 0.97  # written together or apart: "hemtjanstnorr", "bjork hagen"
FUZZY = 0.9  # scaled by similarity
PARTIAL = 0.8  # only the distinctive words
PREFIX = 0.75  # the start of a distinctive word, shortened ("solg" for Solgården)
MIN_PREFIX = 4
GENERIC = 0.0  # only generic words: a candidate, never a match


@dataclass(frozen=True)
class UnitEntry:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitMatch:
    name: str
    matched_text: str
    score: float


@dataclass(frozen=True)
class _Form:
    unit: str
    words: tuple[str, ...]
    distinctive: tuple[str, ...]  # the non-generic words (all words if none is generic)
    safe_alone: bool  # the distinctive words may stand alone inside a message


@dataclass(frozen=True)
class _Hit:
    unit: str
    score: float
    start: int  # character offsets in the text
    end: int


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int


def _allowed_edits(word: str) -> int:
    if len(word) < 5:
        return 0
    return 1 if len(word) < 9 else 2


def _word_similarity(written: str, name_word: str) -> float:
    """1.0 for the same word (also genitive "solgardens"), less for a typo, 0 otherwise."""
    if written == name_word or written == name_word + "s":
        return 1.0
    edits = _allowed_edits(name_word)
    if edits == 0 or written[:1] != name_word[:1]:
        return 0.0
    if written.endswith("s") and OSA.distance(written[:-1], name_word) <= edits:
        written = written[:-1]
    distance = OSA.distance(written, name_word, score_cutoff=edits)
    if distance > edits:
        return 0.0
    return 1.0 - distance / max(len(name_word), len(written))


def _string_similarity(written: str, name: str) -> float:
    edits = _allowed_edits(name)
    if written == name:
        return 1.0
    if edits == 0 or written[:1] != name[:1]:
        return 0.0
    distance = OSA.distance(written, name, score_cutoff=edits)
    return 0.0 if distance > edits else 1.0 - distance / max(len(name), len(written))


def _with_context(
    window: list[_Word], name_words: tuple[str, ...], similarities: list[float]
) -> list[float]:
    """Allow one typo in a short distinctive word when the generic words of the name are
    written out beside it ("hemtjänst sud" is Hemtjänst Syd; "sud" alone is nothing)."""
    generic = unit_vocabulary().generic
    if not any(s == 1.0 and n in generic for s, n in zip(similarities, name_words)):
        return similarities
    relaxed = []
    for similarity, word, name_word in zip(similarities, window, name_words):
        if similarity <= 0 and name_word not in generic and len(name_word) >= 3:
            distance = OSA.distance(word.text, name_word, score_cutoff=1)
            similarity = 0.6 if distance <= 1 and len(word.text) >= 3 else 0.0
        relaxed.append(similarity)
    return relaxed


# Words that join two names, after which a shared generic word may be left out:
# "hemtjänst norr och syd" names Hemtjänst Norr and Hemtjänst Syd.
_JOINERS = frozenset({"och", "med", "mot", "vs", "kontra", "eller", "samt", "an"})


def _words(text: str) -> list[_Word]:
    vocabulary = unit_vocabulary()
    folded = fold(text[:MAX_CHARS])
    words = [_Word(vocabulary.expand(m[0]), m.start(), m.end()) for m in _WORD.finditer(folded)]
    return _with_elided_generic(words, vocabulary.generic)


def _with_elided_generic(words: list[_Word], generic: frozenset[str]) -> list[_Word]:
    """Write out a generic word left out after a joiner: "hemtjänst norr och syd" reads as
    "hemtjänst norr och hemtjänst syd" (the added word has no width of its own)."""
    out: list[_Word] = []
    for i, word in enumerate(words):
        if (i >= 3 and words[i - 1].text in _JOINERS and words[i - 3].text in generic
                and words[i - 2].text not in generic and word.text not in generic):
            out.append(_Word(words[i - 3].text, word.start, word.start))
        out.append(word)
    return out


def _form(unit: str, text: str) -> _Form | None:
    vocabulary = unit_vocabulary()
    words = tuple(w.text for w in _words(text))
    if not words:
        return None
    distinctive = tuple(w for w in words if w not in vocabulary.generic) or words
    safe = all(w not in vocabulary.common and len(w) >= 4 for w in distinctive)
    return _Form(unit, words, distinctive, safe)


class UnitMatcher:
    """Matches unit names in free text; built from the units stored in the database."""

    def __init__(self, entries: Iterable[UnitEntry]) -> None:
        self._units: list[str] = []
        self._forms: list[_Form] = []
        for entry in entries:
            if entry.name in self._units:
                continue
            self._units.append(entry.name)
            for text in (entry.name, *entry.aliases):
                form = _form(entry.name, text)
                if form is not None:
                    self._forms.append(form)

    @property
    def names(self) -> list[str]:
        return list(self._units)

    # ---- scoring ----

    def _hits(self, words: list[_Word], partial_any: bool) -> list[_Hit]:
        hits: list[_Hit] = []
        for form in self._forms:
            hits.extend(self._sequence_hits(form, form.words, words, EXACT, FUZZY))
            if len(form.words) == 2 and form.distinctive != form.words:
                # a generic word and a name, the other way round: "södra hemtjänsten"
                hits.extend(self._sequence_hits(form, form.words[::-1], words, EXACT, FUZZY))
            hits.extend(self._joined_hits(form, words))
            if form.distinctive != form.words and (form.safe_alone or partial_any):
                hits.extend(self._sequence_hits(form, form.distinctive, words, PARTIAL, PARTIAL))
            if form.safe_alone and len(form.distinctive) == 1:
                hits.extend(self._prefix_hits(form, words))
        return hits

    @staticmethod
    def _prefix_hits(form: _Form, words: list[_Word]) -> list[_Hit]:
        """A name shortened to its start, as in a hurried question ("avv i år solg",
        "fall bjorkh"): at least four letters, two fewer than the name, and no ordinary
        Swedish word or common word ("björk" alone is a tree)."""
        from nlp_models.text.spelling import is_swedish_word

        name = form.distinctive[0]
        common = unit_vocabulary().common
        hits = []
        for word in words:
            text = word.text
            if (MIN_PREFIX <= len(text) <= len(name) - 2 and name.startswith(text) and text.isalpha()
                    and text not in common and not is_swedish_word(text)):
                hits.append(_Hit(form.unit, PREFIX, word.start, word.end))
        return hits

    @staticmethod
    def _sequence_hits(
        form: _Form, name_words: tuple[str, ...], words: list[_Word], exact: float, fuzzy: float
    ) -> list[_Hit]:
        size = len(name_words)
        hits = []
        for i in range(len(words) - size + 1):
            window = words[i : i + size]
            similarities = [_word_similarity(w.text, n) for w, n in zip(window, name_words)]
            if min(similarities) <= 0:
                similarities = _with_context(window, name_words, similarities)
            if min(similarities) <= 0:
                continue
            score = exact if min(similarities) == 1.0 else fuzzy * min(similarities)
            hits.append(_Hit(form.unit, score, window[0].start, window[-1].end))
        return hits

    @staticmethod
    def _joined_hits(form: _Form, words: list[_Word]) -> list[_Hit]:
        joined_name = "".join(form.words)
        hits = []
        for size in range(1, len(form.words) + 2):
            if size == len(form.words):
                continue  # word for word is the sequence match
            for i in range(len(words) - size + 1):
                window = words[i : i + size]
                similarity = _string_similarity("".join(w.text for w in window), joined_name)
                if similarity > 0:
                    hits.append(_Hit(form.unit, JOINED * similarity, window[0].start, window[-1].end))
        return hits

    def _generic_candidates(self, words: list[_Word]) -> list[str]:
        vocabulary = unit_vocabulary()
        present = {w.text for w in words if w.text in vocabulary.generic}
        present -= vocabulary.weak
        found = []
        for form in self._forms:
            if form.unit not in found and present & set(form.words) and form.distinctive != form.words:
                found.append(form.unit)
        return found

    def _best(self, text: str, partial_any: bool) -> tuple[list[_Hit], list[str]]:
        """The best hits (one per unit, ties kept) and the generic-word candidates."""
        if not isinstance(text, str) or not text.strip():
            return [], []
        words = _words(text)
        hits = self._hits(words, partial_any)
        by_unit: dict[str, _Hit] = {}
        for hit in hits:
            current = by_unit.get(hit.unit)
            if current is None or (hit.score, hit.end - hit.start) > (
                current.score,
                current.end - current.start,
            ):
                by_unit[hit.unit] = hit
        best = sorted(by_unit.values(), key=lambda h: (-h.score, h.start - h.end))
        # A longer name that contains a shorter one wins ("Solgården korttid" over "Solgården").
        best = [
            h
            for h in best
            if not any(
                o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                and o.score >= h.score - 1e-9
                for o in best
            )
        ]
        if best:
            top = best[0].score
            best = [h for h in best if h.score >= top - 1e-9]
        return best, self._generic_candidates(words)

    def _match(self, text: str, partial_any: bool) -> UnitMatch | None:
        best, _ = self._best(text, partial_any)
        if len(best) != 1:
            return None
        hit = best[0]
        return UnitMatch(hit.unit, text[hit.start : hit.end], round(hit.score, 3))

    # ---- public API ----

    def find(self, text: str) -> UnitMatch | None:
        """The one unit named anywhere in `text`, or None (none, or several equally good)."""
        return self._match(text, partial_any=False)

    def candidates(self, text: str) -> list[str]:
        """The units `text` may mean: the match, the equally good ones, or those a generic
        word points at ("hemtjänsten" -> every Hemtjänst unit)."""
        best, generic = self._best(text, partial_any=False)
        if best:
            return [h.unit for h in best]
        return generic

    def lookup(self, name: str) -> UnitMatch | None:
        """A whole answer that should be a unit name ("solgarden" -> Solgården; "norr" ->
        Hemtjänst Norr when that is the only unit with that word)."""
        return self._match(name, partial_any=True)

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """The nearest unit names, best first, for a "no such unit" answer."""
        if not isinstance(name, str) or not name.strip() or limit <= 0:
            return []
        best, generic = self._best(name, partial_any=True)
        ordered = [h.unit for h in best] + generic
        query = " ".join(w.text for w in _words(name))
        choices = [" ".join(form.words) for form in self._forms]
        for _, score, index in process.extract(
            query, choices, scorer=fuzz.WRatio, limit=len(choices), score_cutoff=50
        ):
            ordered.append(self._forms[index].unit)
        unique: list[str] = []
        for unit in ordered:
            if unit not in unique:
                unique.append(unit)
        return unique[:limit]
