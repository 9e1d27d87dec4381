"""The handling vocabulary (rules/handling.toml), folded and compiled once.

Phrases become regular expressions on folded text: words at word boundaries, any run of spaces
between them, a trailing `*` lets the last word continue, a word `@berorda` stands for any word
of the `[affected]` list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import read_toml

AFFECTED = "@berorda"
LAGRUM_VALUE = r"(?:sol|hsl|lss)(?:\s*(?:/|,|\+|&|\s+och\s+|\s)\s*(?:sol|hsl|lss)(?![\w]))*"


def folded_phrase(text: str) -> str:
    return " ".join(re.sub(r"[^\w*@ -]", " ", fold(text)).split())


def _word_pattern(word: str, affected: str) -> str:
    if word == AFFECTED:
        return affected
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\w*"
    return re.escape(word)


def phrase_pattern(phrase: str, affected: str = "") -> str:
    words = folded_phrase(phrase).split()
    return r"(?<![\w-])" + r"[\s-]+".join(_word_pattern(w, affected) for w in words) + r"(?![\w])"


def compile_phrases(phrases, affected: str = "") -> re.Pattern[str] | None:
    """One pattern for a list of phrases, longest first, or None for an empty list."""
    unique = sorted({folded_phrase(p) for p in phrases if folded_phrase(p)}, key=lambda p: (-len(p), p))
    if not unique:
        return None
    return re.compile("|".join(f"(?:{phrase_pattern(p, affected)})" for p in unique))


def _longest_first(phrases) -> tuple[str, ...]:
    return tuple(sorted({folded_phrase(p) for p in phrases if folded_phrase(p)}, key=lambda p: (-len(p), p)))


@dataclass(frozen=True)
class FieldWords:
    field: str  # internal name: investigation, cause, action, feedback, status, lagrum, ...
    label: str  # the Swedish word shown
    names: tuple[str, ...]  # folded, longest first
    leads: tuple[str, ...]  # folded, longest first
    cues: tuple[re.Pattern[str], ...]  # each counted once when it matches
    starts_with_name: re.Pattern[str] | None = None  # a name at the start of a text, the longest
    starts_with_lead: re.Pattern[str] | None = None  # a lead or a name at the start of a text, the longest


@dataclass(frozen=True)
class HandlingWords:
    fields: tuple[FieldWords, ...]  # in the order of the file: earlier wins a tie of cues
    affected: re.Pattern[str]
    status: tuple[tuple[str, str], ...]  # (phrase, status value), longest phrase first
    status_fillers: frozenset[str]
    lex_laws: tuple[tuple[str, str], ...]  # (phrase, "lex sarah" | "lex maria"), longest first
    lex_outcomes: tuple[tuple[str, re.Pattern[str]], ...]
    lex_decisions: tuple[tuple[str, re.Pattern[str]], ...]
    reason_leads: re.Pattern[str] | None  # "eftersom", "motivering": what leads into a lex motivation
    duplicate_is: re.Pattern[str]
    duplicate_is_not: re.Pattern[str]
    causes: tuple[tuple[str, re.Pattern[str]], ...]  # (category, its words) in the file's order
    show: tuple[str, ...]
    list_queues: tuple[tuple[str, str], ...]  # (phrase, queue), longest first
    list_objects: tuple[tuple[str, str], ...]  # (phrase, "avvikelse" | "synpunkt" | "any"), longest first
    list_cues: frozenset[str]
    not_lists: re.Pattern[str]
    unit_prepositions: frozenset[str]
    own_units: frozenset[str]
    names: Mapping[str, str]  # every field name (folded) → its field
    law_patterns: tuple[tuple[str, re.Pattern[str]], ...]  # "lex maria" anywhere
    closed_patterns: tuple[tuple[str, re.Pattern[str]], ...]  # "status åtgärdad", "lagrum SoL/HSL" anywhere

    def field(self, name: str) -> FieldWords:
        return next(f for f in self.fields if f.field == name)

    @property
    def labels(self) -> dict[str, str]:
        return {f.field: f.label for f in self.fields}


def words_pattern(phrase: str) -> str:
    """A folded phrase as a pattern: its words with any spaces or hyphens between."""
    return r"[\s-]+".join(re.escape(w) for w in phrase.replace("-", " ").split())


def _start(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return re.compile("(?:" + "|".join(words_pattern(p) for p in ordered) + r")(?![\w])") if ordered else None


def _pairs(table: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    pairs = {folded_phrase(phrase): value for value, phrases in table.items() for phrase in [value, *phrases]}
    return tuple(sorted(pairs.items(), key=lambda item: (-len(item[0]), item[0])))


def _pairs_plain(table: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    """(phrase, key) for the phrases of each key (the key itself is not a phrase), longest first."""
    pairs = {folded_phrase(phrase): key for key, phrases in table.items() for phrase in phrases}
    return tuple(sorted(pairs.items(), key=lambda item: (-len(item[0]), item[0])))


def _scale(table: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((value, compile_phrases([value, *phrases])) for value, phrases in table.items())


def _closed_patterns(names: Mapping[str, str], status: tuple[tuple[str, str], ...]) -> tuple:
    statuses = "|".join(words_pattern(phrase) for phrase, _ in status)
    out = []
    for name_field, values in (("status", statuses), ("lagrum", LAGRUM_VALUE)):
        alternatives = "|".join(words_pattern(n) for n, f in names.items() if f == name_field)
        out.append((name_field, re.compile(rf"(?<![\w-])(?:{alternatives})\s+(?:ar\s+|blir\s+|till\s+)?({values})"
                                           r"(?![\w-])")))
    return tuple(out)


@lru_cache(maxsize=1)
def handling_words() -> HandlingWords:
    data = read_toml("handling.toml")
    affected_words = _longest_first(data["affected"]["words"])
    affected = "(?:" + "|".join(r"[\s-]+".join(re.escape(w) for w in word.split()) for word in affected_words) + ")"
    fields = tuple(
        FieldWords(field=name, label=spec["label"], names=_longest_first(spec.get("names", [])),
                   leads=_longest_first(spec.get("leads", [])),
                   cues=tuple(compile_phrases([cue], affected) for cue in spec.get("cues", [])),
                   starts_with_name=_start(_longest_first(spec.get("names", []))),
                   starts_with_lead=_start(_longest_first([*spec.get("names", []), *spec.get("leads", [])])))
        for name, spec in data["fields"].items()
    )
    status = dict(data["status"])
    fillers = status.pop("fillers", [])
    lex = data["lex"]
    names = MappingProxyType({name: f.field for f in fields for name in f.names})
    laws = tuple(sorted(((folded_phrase(p), "lex " + law) for law in ("sarah", "maria") for p in lex[law]),
                        key=lambda item: (-len(item[0]), item[0])))
    return HandlingWords(
        fields=fields,
        affected=re.compile(affected),
        status=_pairs(status),
        status_fillers=frozenset(w for f in fillers for w in folded_phrase(f).split()),
        lex_laws=laws,
        lex_outcomes=_scale(lex["outcomes"]),
        lex_decisions=_scale(lex["decisions"]),
        reason_leads=compile_phrases(lex.get("reason_leads", [])),
        duplicate_is=compile_phrases(data["duplicates"]["is"]),
        duplicate_is_not=compile_phrases(data["duplicates"]["is_not"]),
        causes=tuple((category, compile_phrases([category, *words])) for category, words in data["causes"].items()),
        show=_longest_first(data["show"]["phrases"]),
        list_queues=_pairs_plain(data["lists"]["queues"]),
        list_objects=_pairs_plain(data["lists"]["objects"]),
        list_cues=frozenset(_longest_first(data["lists"]["words"]["cues"])),
        not_lists=compile_phrases(data["lists"]["words"]["not_lists"]),
        unit_prepositions=frozenset(_longest_first(data["lists"]["words"]["unit_prepositions"])),
        own_units=frozenset(_longest_first(data["lists"]["words"]["own_units"])),
        names=names,
        law_patterns=tuple((law, re.compile(r"(?<![\w-])" + words_pattern(phrase).replace(r"[\s-]+", r"[\s-]*")
                                            + r"(?!\w)")) for phrase, law in laws),
        closed_patterns=_closed_patterns(names, _pairs(status)),
    )
