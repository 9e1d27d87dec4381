"""Mask personal identifiers before a message is stored or shown to others.

- personnummer and samordningsnummer: 12 digits (YYYYMMDDNNNN) or 10 digits (YYMMDDNNNN),
  with "-", "+" or nothing before the last four. The checksum is not required: a mistyped
  number is still somebody's, and over-masking is the safe side.
- Swedish phone numbers: national (070-123 45 67, 0701234567, 08-123 456 78) and
  international (+46 70 123 45 67, 0046 8 123 456 78).
- e-mail addresses.
Times, dates and amounts ("kl 14.30", "2026-03-05", "500 kr") are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PERSONNUMMER = "personnummer"
TELEFONNUMMER = "telefonnummer"
EPOST = "e-post"

# (kind, pattern) in priority order: an earlier pattern wins where two overlap.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (EPOST, re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # 12 digits: century + date + four; 10 digits with a separator before the last four
    (PERSONNUMMER, re.compile(r"(?<![\d+])(?:19|20)\d{6}[-+]?\d{4}(?![\d])")),
    (PERSONNUMMER, re.compile(r"(?<![\d+])\d{6}[-+]\d{4}(?![\d])")),
    # international phone numbers, before the 10-digit rule sees their digits
    (TELEFONNUMMER, re.compile(r"(?<![\w+])(?:\+|00)\s?46[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){6,8}(?![\d])")),
    # 10 digits without a separator: a personnummer unless it starts with 0 (then a phone)
    (PERSONNUMMER, re.compile(r"(?<![\d+])[1-9]\d{9}(?![\d])")),
    # national phone numbers: 0 + 7 to 9 more digits, single spaces or hyphens between
    (TELEFONNUMMER, re.compile(r"(?<![\w+.,:/])0\d(?:[ -]?\d){6,8}(?![\d])")),
)

_PLACEHOLDER = {PERSONNUMMER: "[personnummer]", TELEFONNUMMER: "[telefonnummer]", EPOST: "[e-post]"}


@dataclass(frozen=True)
class MaskedText:
    text: str
    kinds: list[str]


def mask_personal_data(text: str) -> MaskedText:
    """`text` with personal identifiers replaced by [personnummer], [telefonnummer], [e-post];
    `kinds` lists the kinds masked, in order of first appearance."""
    if not text:
        return MaskedText(text or "", [])
    taken: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for found in pattern.finditer(text):
            start, end = found.span()
            if any(start < t_end and t_start < end for t_start, t_end, _ in taken):
                continue
            taken.append((start, end, kind))
    if not taken:
        return MaskedText(text, [])
    taken.sort()
    pieces: list[str] = []
    kinds: list[str] = []
    position = 0
    for start, end, kind in taken:
        pieces.append(text[position:start])
        pieces.append(_PLACEHOLDER[kind])
        position = end
        if kind not in kinds:
            kinds.append(kind)
    pieces.append(text[position:])
    return MaskedText("".join(pieces), kinds)
