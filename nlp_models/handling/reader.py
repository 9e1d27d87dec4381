"""Read what a handler wrote about a report: which fields, with which text.

    >>> reading = read_handling("utredning: pratat med ssk. orsak: lös matta åtgärd: mattan borttagen status åtgärdad")
    >>> [(f.field, f.text) for f in reading.fields]
    [('investigation', 'pratat med ssk'), ('cause', 'lös matta'), ('action', 'mattan borttagen'), ('status', 'åtgärdad')]

A field starts where its words stand (rules/handling.toml):
- "namn:" anywhere ("åtgärd: …", also with small typos: "atgrd: …");
- a field's name, or an everyday lead ("orsaken var att …"), at the start of a sentence;
- "status åtgärdad", "lagrum HSL", "lex maria …" anywhere.
Its text runs to where the next field starts; full stops, semicolons and new lines only end a
status or a lagrum. Text outside every field (before the first, or after a status) is read for
what it says ("vi har infört dubbelkontroll" is an åtgärd, "den är klar nu" a status): such fields
are marked `inferred`, so the caller can propose them before saving. What cannot be placed is
returned as not understood. Positions are found on folded text, the texts are cut from the
original (folding keeps the length).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from nlp_models.handling.vocabulary import LAGRUM_VALUE, HandlingWords, folded_phrase, handling_words
from nlp_models.text.normalize import fold

CLOSED_FIELDS = ("status", "lagrum")
# fields that may start at the beginning of a sentence by their name alone
_FREE_FIELDS = ("investigation", "cause", "cause_categories", "action", "feedback", "comment", "informed")
_SENTENCE_FIELDS = _FREE_FIELDS + CLOSED_FIELDS  # "status blå" at a sentence start: a status that is wrong
_SENTENCE_END = re.compile(r"[;\n]|[.!?](?=\s|$)")
_PART_END = re.compile(r",(?=\s)|[;\n]|[.!?](?=\s|$)")
_LAGRUM_TOKENS = ("sol", "hsl", "lss")
_LAGRUM_NOISE = frozenset("en ett avvikelse avvikelsen en som enligt under bedomd bedoms bedomning faller galler "
                          "lagrum det ar och".split())
_CONNECTORS = ("och ", "sen ", "sedan ", "samt ", "dessutom ", "aven ", "ocksa ", "men ")
_TRIM = " \t\r\n,;:–-"
_LEX_REASONS = ("cause", "investigation")  # what a reason after a lex decision reads like
FUZZY_NAME_CUTOFF = 80
_COLON_NAME_WORDS = 4


@dataclass(frozen=True)
class FieldText:
    field: str  # investigation, cause, cause_categories, action, feedback, comment, status, lagrum, informed, lex
    text: str  # as written, trimmed
    inferred: bool = False  # read from everyday words, not named: propose before saving
    law: str | None = None  # field "lex": "lex sarah" / "lex maria" when the law was named
    bare_name: bool = False  # started by the field's name alone at a sentence start ("insats uteblev …"): weak


@dataclass(frozen=True)
class HandlingReading:
    fields: tuple[FieldText, ...] = ()
    not_understood: tuple[str, ...] = ()
    unknown_field: str | None = None  # "prioritet" of "prioritet: hög" at the very start

    @property
    def inferred(self) -> bool:
        return any(f.inferred for f in self.fields)


@dataclass
class _Marker:
    start: int
    end: int  # where the value begins
    field: str
    law: str | None = None
    value_end: int | None = None  # a closed value found with the name: where it ends
    bare_name: bool = False  # the field's name alone at a sentence start, no colon

    @property
    def span(self) -> int:
        return self.end - self.start


@dataclass
class _Reader:
    text: str
    words: HandlingWords = field(default_factory=handling_words)

    def __post_init__(self) -> None:
        self.folded = fold(self.text)
        self.names = self.words.names
        self.unknown_field: str | None = None

    # ------------------------------------------------------------ markers

    def sentence_starts(self) -> list[int]:
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(self.folded)]
        out = []
        for start in starts:
            while start < len(self.folded) and self.folded[start] in " \t\r\n":
                start += 1
            out.append(start)
        return out

    def _name_for(self, words: str) -> str | None:
        if words in self.names:
            return self.names[words]
        if " " not in words and len(words) >= 4:
            best = process.extractOne(words, list(self.names), scorer=fuzz.ratio, score_cutoff=FUZZY_NAME_CUTOFF)
            if best and " " not in best[0]:
                return self.names[best[0]]
        return None

    def colon_markers(self) -> list[_Marker]:
        markers = []
        leading = len(self.folded) - len(self.folded.lstrip(_TRIM))
        for colon in re.finditer(r":", self.folded):
            before = self.folded[:colon.start()]
            clause_start = max(before.rfind(c) for c in ".;\n,") + 1
            words = list(re.finditer(r"[a-z]+(?:-[a-z]+)?", before[clause_start:]))
            if not words or before[clause_start + words[-1].end():].strip():
                continue  # "kl 03:10", "ssk :)"
            found = None
            for size in range(min(_COLON_NAME_WORDS, len(words)), 0, -1):
                chosen = words[-size:]
                phrase = " ".join(w.group() for w in chosen)
                law = dict(self.words.lex_laws).get(phrase)
                name = "lex" if law else self._name_for(phrase) if size == 1 else self.names.get(phrase)
                if name:
                    found = _Marker(clause_start + chosen[0].start(), colon.end(), name, law)
                    break
            if found:
                markers.append(found)
            elif clause_start + words[0].start() == leading and len(words) <= 3 and self.unknown_field is None:
                self.unknown_field = self.text[clause_start + words[0].start():colon.start()].strip()
        return markers

    def law_markers(self) -> list[_Marker]:
        markers = []
        for law, pattern in self.words.law_patterns:
            markers += [_Marker(m.start(), m.end(), "lex", law) for m in pattern.finditer(self.folded)]
        return markers

    def closed_markers(self) -> list[_Marker]:
        markers = []
        for name_field, pattern in self.words.closed_patterns:
            for m in pattern.finditer(self.folded):
                markers.append(_Marker(m.start(), m.start(1), name_field, value_end=m.end(1)))
        return markers

    def sentence_markers(self) -> list[_Marker]:
        markers = []
        for start in self.sentence_starts():
            rest = self.folded[start:]
            stop = _SENTENCE_END.search(rest)
            if status_only(rest[:stop.start()] if stop else rest, self.words):
                continue  # "utredning pågår": a status, not the investigation's text
            best: _Marker | None = None
            for f in self.words.fields:
                if f.field not in _SENTENCE_FIELDS:
                    continue
                start_pattern = f.starts_with_lead if f.field in _FREE_FIELDS else f.starts_with_name
                hit = start_pattern.match(rest) if start_pattern is not None else None
                if hit and (best is None or hit.end() > best.span):
                    best = _Marker(start, start + hit.end(), f.field, bare_name=" ".join(hit.group().split()) in f.names)
            if best:
                markers.append(best)
        return markers

    def markers(self) -> list[_Marker]:
        found = self.colon_markers() + self.law_markers() + self.closed_markers() + self.sentence_markers()
        found.sort(key=lambda m: (m.start, -m.span))
        kept: list[_Marker] = []
        for marker in found:
            if kept and marker.start < kept[-1].end:
                continue
            kept.append(marker)
        return kept

    # ------------------------------------------------------------ values

    def cut(self, start: int, end: int) -> str:
        return trim(self.text[start:end])

    def read(self) -> HandlingReading:
        markers = self.markers()
        placed: list[tuple[int, FieldText]] = []
        loose: list[tuple[int, int]] = [(0, markers[0].start if markers else len(self.text))]  # outside every field
        for index, marker in enumerate(markers):
            end = markers[index + 1].start if index + 1 < len(markers) else len(self.text)
            if marker.value_end is not None:
                placed.append((marker.start, FieldText(marker.field, self.cut(marker.end, marker.value_end))))
                loose.append((marker.value_end, end))
            elif marker.field in CLOSED_FIELDS:
                stop = _PART_END.search(self.folded, marker.end, end)
                value_end = stop.start() if stop else end
                placed.append((marker.start, FieldText(marker.field, self.cut(marker.end, value_end))))
                loose.append((value_end, end))
            else:
                value_end = self.free_value_end(marker, end)
                placed.append((marker.start, FieldText(marker.field, self.cut(marker.end, value_end), law=marker.law,
                                                       bare_name=marker.bare_name)))
                loose.append((value_end, end))
        not_understood: list[str] = []
        for start, end in loose:
            found, unknown = read_everyday(self.text[start:end], self.words)
            placed += [(start + offset, item) for offset, item in found]
            not_understood += unknown
        placed.sort(key=lambda pair: pair[0])
        return HandlingReading(tuple(merge([item for _, item in placed])), tuple(not_understood), self.unknown_field)

    def free_value_end(self, marker: _Marker, end: int) -> int:
        """Where a named free-text field's text ends: at the next field, or at a later sentence that is
        about something else - a status said alone ("… mattan borttagen. Den är klar nu."), or after a
        semicolon or a new line, another field's everyday words ("…; vi har bytt batteri")."""
        own = marker.field
        for separator in _SENTENCE_END.finditer(self.folded, marker.end, end):
            following = _SENTENCE_END.search(self.folded, separator.end(), end)
            sentence = self.folded[separator.end():following.start() if following else end]
            if not sentence.strip():
                continue
            if status_only(sentence, self.words):
                return separator.start()
            if separator.group() in ";\n" and classify(sentence, self.words) not in (None, own):
                return separator.start()
        return end


def trim(text: str) -> str:
    text = text.strip(_TRIM)
    while text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip(_TRIM)
    return text


def merge(fields: list[FieldText]) -> list[FieldText]:
    """One entry per field (and law), in the order first written; repeated texts joined."""
    out: list[FieldText] = []
    for item in fields:
        if not item.text and item.field not in ("informed",):
            out.append(item)
            continue
        same = next((i for i, o in enumerate(out) if o.field == item.field and o.law == item.law), None)
        if same is None:
            out.append(item)
            continue
        first = out[same]
        if item.field in CLOSED_FIELDS:
            out[same] = item if not item.inferred else first
            continue
        joined = first.text + ("" if first.text.endswith((".", "!", "?")) else ".") + " " + item.text
        out[same] = FieldText(first.field, joined, first.inferred or item.inferred, first.law)
    return out


# ------------------------------------------------------------ everyday words

def _without_fillers(folded: str, words: HandlingWords) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", folded) if w not in words.status_fillers]


def status_only(folded: str, words: HandlingWords | None = None) -> str | None:
    """The status a sentence gives when it says nothing else: "den är klar nu" → "klar"."""
    words = words or handling_words()
    rest = " ".join(_without_fillers(folded, words))
    statuses = dict(words.status)
    if rest in statuses:
        return rest
    for lead in words.field("status").names:
        if rest.startswith(lead + " ") and rest[len(lead) + 1:] in statuses:
            return rest[len(lead) + 1:]
    first, _, value = rest.partition(" ")  # "statsu avslutad", "stauts klar": the name mistyped
    if value in statuses and len(first) >= 5 and process.extractOne(
            first, words.field("status").names, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME_CUTOFF):
        return value
    return None


def lagrum_only(folded: str) -> bool:
    tokens = [t for t in re.findall(r"[a-z]+", folded) if t not in _LAGRUM_NOISE]
    return bool(tokens) and all(t in _LAGRUM_TOKENS for t in tokens)


def classify(folded: str, words: HandlingWords) -> str | None:
    """The field a part of a sentence without field words is about, or None."""
    if status_only(folded, words):
        return "status"
    if lagrum_only(folded):
        return "lagrum"
    best, score = None, 0
    for f in words.fields:
        hits = sum(1 for cue in f.cues if cue.search(folded))
        if hits > score:
            best, score = f.field, hits
    return best


def _parts(text: str) -> list[tuple[bool, int, int]]:
    """(starts a sentence, start, end) of each comma, full stop, semicolon or line separated part."""
    folded = fold(text)
    parts, start, new_sentence = [], 0, True
    for separator in _PART_END.finditer(folded):
        parts.append((new_sentence, start, separator.start()))
        new_sentence = separator.group() != ","
        start = separator.end()
    parts.append((new_sentence, start, len(text)))
    return parts


def read_everyday(text: str, words: HandlingWords | None = None) -> tuple[list[tuple[int, FieldText]], list[str]]:
    """Fields read from text without field words (with where each starts), and the parts that could
    not be placed."""
    words = words or handling_words()
    folded = fold(text)
    fields: list[list] = []  # [field, start, end, sentence number]
    unknown: list[tuple[int, int]] = []
    sentence = 0
    for new_sentence, start, end in _parts(text):
        piece = folded[start:end].strip()
        if not piece.strip(_TRIM + ".!?"):
            continue
        sentence += new_sentence
        for connector in _CONNECTORS:
            if piece.startswith(connector):
                piece = piece[len(connector):]
        found = classify(piece, words)
        last = fields[-1] if fields else None
        if found in _LEX_REASONS and last and last[0] == "lex" and last[3] == sentence and not new_sentence:
            found = None  # "ej anmälningspliktig, det berodde inte på brister": the assessment's motivation
        if found is None:
            if last and last[3] == sentence and not new_sentence and last[0] not in CLOSED_FIELDS:
                last[2] = end  # "bytt batteri, testat det": the comma continues the thought
            else:
                unknown.append((start, end))
            continue
        if last and last[0] == found and last[3] == sentence:
            last[2] = end
        else:
            fields.append([found, start, end, sentence])
    out = [(start, FieldText(name, trim(text[start:end]), inferred=True)) for name, start, end, _ in fields]
    return [(start, f) for start, f in out if f.text], [trim(text[s:e]) for s, e in unknown if trim(text[s:e])]


def read_handling(text: str) -> HandlingReading:
    """The fields in a handling message (without its reference)."""
    return _Reader(text).read()


def asks_to_see(text: str) -> bool:
    """Words around a reference that ask to see the report: "visa", "hur gick det med …?", or none."""
    rest = folded_phrase(text)
    if not rest or text.strip().endswith("?"):
        return True
    return any(re.search(rf"(?<![\w-]){re.escape(phrase)}(?!\w)", rest) for phrase in handling_words().show)
