"""The seven root-cause categories (bakomliggande orsaker): forgiving matching of typed ones, and the
categories a cause written in free text points at.

"kommunikation", "Kommunikation & info", "teknisk utrusning" and "utbildning" all find their
category; several may be given, separated by commas, "/" or "och". A free-text cause ("lös matta
i hallen") is kept as written; its categories come from the words in rules/handling.toml
(`[causes]`), "annat" when none of them is there.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from nlp_models.handling.vocabulary import handling_words
from nlp_models.text.normalize import fold

ROOT_CAUSES = (
    "kommunikation och information",
    "omgivning och organisation",
    "processer och rutiner",
    "teknisk utrustning",
    "utbildning och kompetens",
    "annat",
    "ingen avvikelse",
)

# folded short forms staff use, each pointing at its category
_SHORT_FORMS = {
    "kommunikation": "kommunikation och information",
    "information": "kommunikation och information",
    "info": "kommunikation och information",
    "kommunikation information": "kommunikation och information",
    "omgivning": "omgivning och organisation",
    "organisation": "omgivning och organisation",
    "miljo": "omgivning och organisation",
    "processer": "processer och rutiner",
    "rutiner": "processer och rutiner",
    "rutin": "processer och rutiner",
    "teknik": "teknisk utrustning",
    "utrustning": "teknisk utrustning",
    "teknisk": "teknisk utrustning",
    "utbildning": "utbildning och kompetens",
    "kompetens": "utbildning och kompetens",
    "ovrigt": "annat",
    "ingen": "ingen avvikelse",
    "ej avvikelse": "ingen avvikelse",
    "inte en avvikelse": "ingen avvikelse",
}
_NAMES = {fold(cause): cause for cause in ROOT_CAUSES} | _SHORT_FORMS
_KEYS = list(_NAMES)


def _clean(text: str) -> str:
    text = fold(text).replace("&", " och ")
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text).split())


def match_cause(text: str) -> str | None:
    """The category one typed cause means, or None."""
    key = _clean(text)
    if not key:
        return None
    if key in _NAMES:
        return _NAMES[key]
    best = process.extractOne(key, _KEYS, scorer=fuzz.ratio, score_cutoff=82)
    return _NAMES[best[0]] if best else None


def _match_run(words: list[str]) -> list[str] | None:
    """Split a run like "kommunikation och information och teknisk utrustning" into categories."""
    pieces = " ".join(words).split(" och ")
    found: list[str] = []
    start = 0
    while start < len(pieces):
        for end in range(len(pieces), start, -1):  # the longest run of pieces that is one category
            cause = match_cause(" och ".join(pieces[start:end]))
            if cause:
                found.append(cause)
                start = end
                break
        else:
            return None
    return found


def parse_causes(text: str) -> tuple[list[str], list[str]]:
    """(categories found in order without repeats, the parts that matched no category)."""
    found: list[str] = []
    unknown: list[str] = []
    for part in re.split(r"[,;/\n+]", text):
        if not part.strip():
            continue
        causes = _match_run(_clean(part).split()) if _clean(part) else []
        if causes is None:
            unknown.append(part.strip())
            continue
        found += [c for c in causes if c not in found]
    return found, unknown


def categorize_cause(text: str) -> tuple[list[str], bool]:
    """(the categories a cause points at, whether words of the text chose them). A cause that only
    names categories gives those; otherwise every category whose words appear, in the order they
    appear; "annat" (not chosen by words) when none does."""
    named, unknown = parse_causes(text)
    if named and not unknown:
        return named, True
    folded = fold(text)
    hits: list[tuple[int, str]] = []
    for category, pattern in handling_words().causes:
        found = pattern.search(folded) if pattern else None
        if found:
            hits.append((found.start(), category))
    chosen = [category for _, category in sorted(hits)]
    for category in named:
        if category not in chosen:
            chosen.append(category)
    return (chosen, True) if chosen else (["annat"], False)
