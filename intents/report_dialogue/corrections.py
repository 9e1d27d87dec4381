"""Corrections typed at any point of a report: "ändra område till läkemedel",
"fel enhet, det var Björkhagen", "det hände i går kväll", "det är en synpunkt"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.text.normalize import fold

_LEAD = r"(?:det\s+(?:var|ar|gallde|galler)\s+(?:pa\s+|i\s+)?|pa\s+|till\s+)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("area", re.compile(r"\b(?:andra|byt|satt)\s+(?:omradet?|kategori(?:n)?)\s+(?:till\s+)?(?P<value>.+)")),
    ("area", re.compile(r"\bfel\s+(?:omrade|kategori)\b[\s,.:;-]*" + _LEAD + r"(?P<value>.+)")),
    ("unit", re.compile(r"\b(?:andra|byt|satt)\s+enhet(?:en)?\s+(?:till\s+)?(?P<value>.+)")),
    ("unit", re.compile(r"\bfel\s+enhet\b[\s,.:;-]*" + _LEAD + r"(?P<value>.+)")),
    ("time", re.compile(r"\b(?:andra|byt|satt)\s+(?:tid(?:en)?|tidpunkt(?:en)?)\s+(?:till\s+)?(?P<value>.+)")),
    ("time", re.compile(r"\bfel\s+(?:tid|dag|datum)\b[\s,.:;-]*" + _LEAD + r"(?P<value>.+)")),
    ("time", re.compile(r"^\s*(?:nej[\s,]+)?(?:det\s+)?(?:hande|intraffade|skedde)\s+(?:det\s+)?(?P<value>.+)")),
    # only a clock time, "kl 02.30" or "14:10" (a bare "2" stays a numbered choice)
    ("clock", re.compile(r"^\s*(?P<value>(?:(?:ca|cirka|runt|vid)\s+)?(?:kl|klockan)\.?\s*\d{1,2}(?:[.:]\d{2})?"
                         r"|\d{1,2}[.:]\d{2})\s*[.!]?\s*$")),
    ("consequence", re.compile(r"\b(?:andra|byt|satt)\s+konsekvens(?:en)?\s+(?:till\s+)?(?P<value>.+)")),
    ("action", re.compile(r"\b(?:andra|byt|satt)\s+atgard(?:en)?\s+(?:till\s+)?(?P<value>.+)")),
    ("kind", re.compile(r"\b(?:det\s+ar\s+(?:en\s+)?|andra\s+(?:till\s+)?|byt\s+till\s+)(?:en\s+)?(?P<value>synpunkt|avvikelse)\b")),
]


@dataclass(frozen=True)
class Correction:
    slot: str
    value: str  # in the original spelling


def find_correction(text: str) -> Correction | None:
    folded = fold(text)
    for slot, pattern in _PATTERNS:
        match = pattern.search(folded)
        if match:
            start, end = match.span("value")
            value = text[start:end].strip(" .,!?")
            if value:
                return Correction(slot, value)
    return None
