"""What looks like a person's name in a report, so the bot can ask before saving it.

A name is a capitalised word that is one of Sweden's common first names (`rules/lists/fornamn.csv`,
from Isof's name statistics), and is not:
- an ordinary word that is also a name ("Inga skador", "Hans mamma": `rules/lists/inte_namn.csv`),
- part of a law's name ("lex Sarah", "lex Maria") or of a compound ("Sarah-utredning"),
- part of a unit's name (passed in), a medicine (`rules/lists/lakemedelsnamn.csv`) or a street
  ("Karl Johans väg", "Annas gata").
Names are never masked without asking: the person who wrote them decides (see
`intents/report_dialogue/name_check.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from nlp_models.text.rule_files import read_csv

PLACEHOLDER = "[namn]"
_WORD = re.compile(r"(?<![\w\-])([A-ZÅÄÖÉ][a-zåäöéèüë]+(?:-[A-ZÅÄÖ][a-zåäöéèü]+)?)(?![\w\-])")
_LAW_BEFORE = re.compile(r"\blex\s*$", re.IGNORECASE)
_STREET_AFTER = re.compile(r"^(?:\s+[A-ZÅÄÖ]\w*)?\s+(?:gata|gatan|väg|vägen|torg|torget|gränd|allé|backe|plan|stig|park)\b",
                           re.IGNORECASE)


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return frozenset(row["name"].casefold() for row in read_csv("lists/fornamn.csv"))


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    words = [row["word"] for row in read_csv("lists/inte_namn.csv")]
    words += [row["word"] for row in read_csv("lists/lakemedelsnamn.csv")]
    return frozenset(w.casefold() for w in words)


def find_names(text: str, not_names: Iterable[str] = ()) -> list[str]:
    """The names in `text`, each once, in order; `not_names`: more words that are never names
    (the words of the municipality's unit names)."""
    if not text:
        return []
    names, excluded = _first_names(), _not_names() | {w.casefold() for w in not_names}
    found: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group(1)
        whole = word.casefold()
        parts = whole.split("-")
        listed_whole = whole in names and whole not in excluded  # "Maj-Britt", though "maj" is a month
        if not listed_whole and (not all(p in names for p in parts) or any(p in excluded for p in parts)):
            continue
        if _LAW_BEFORE.search(text, 0, match.start()) or _STREET_AFTER.match(text[match.end():]):
            continue
        if word not in found:
            found.append(word)
    return found


def replace_names(text: str, names: Iterable[str]) -> str:
    """`text` with each of `names` (as whole words) replaced by [namn]."""
    for name in sorted(set(names), key=len, reverse=True):
        text = re.sub(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", PLACEHOLDER, text)
    return text
