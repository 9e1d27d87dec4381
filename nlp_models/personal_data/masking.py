"""Mask personal identifiers before a text is stored, logged or shown to others.

- personnummer and samordningsnummer, phone numbers: see `numbers.py` for the shapes;
- e-mail addresses.

The text is normalised first (`normalised.py`: NFKC, every digit as 0-9, invisible characters
removed), so full-width digits or a zero-width space inside a number change nothing. Only the
identifiers are replaced; everything else of the original text is kept as it was. Masking is
idempotent: masking a masked text changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.personal_data.normalised import normalise
from nlp_models.personal_data.numbers import PERSONNUMMER, TELEFONNUMMER, Found, find_identifier_numbers

EPOST = "e-post"
__all__ = ["EPOST", "PERSONNUMMER", "TELEFONNUMMER", "MaskedStr", "MaskedText", "mask_personal_data", "mask_text"]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORTH_A_LOOK = re.compile(r"[\d@]")  # Unicode digits too
_PLACEHOLDER = {PERSONNUMMER: "[personnummer]", TELEFONNUMMER: "[telefonnummer]", EPOST: "[e-post]"}


@dataclass(frozen=True)
class MaskedText:
    text: str
    kinds: list[str]


def _findings(text: str) -> list[Found]:
    emails = [Found(m.start(), m.end(), EPOST) for m in _EMAIL.finditer(text)] if "@" in text else []
    numbers = [f for f in find_identifier_numbers(text)
               if not any(f.start < e.end and e.start < f.end for e in emails)]
    return sorted(emails + numbers, key=lambda f: f.start)


class MaskedStr(str):
    """A text that comes out of the masking: storing it needs no second masking (see
    `storage.masked_columns`). Anything made from it (a slice, a concatenation) is a plain str again."""

    __slots__ = ()


def mask_personal_data(text: str) -> MaskedText:
    """`text` with personal identifiers replaced by [personnummer], [telefonnummer], [e-post];
    `kinds` lists the kinds masked, in order of first appearance."""
    if not text or _WORTH_A_LOOK.search(text) is None:
        return MaskedText(MaskedStr(text or ""), [])
    normal = normalise(text)
    found = _findings(normal.text)
    if not found:
        return MaskedText(MaskedStr(text), [])
    pieces: list[str] = []
    kinds: list[str] = []
    position = 0
    for item in found:
        start, end = normal.span_in_original(item.start, item.end)
        pieces.append(text[position:start])
        pieces.append(_PLACEHOLDER[item.kind])
        position = end
        if item.kind not in kinds:
            kinds.append(item.kind)
    pieces.append(text[position:])
    return MaskedText(MaskedStr("".join(pieces)), kinds)


def mask_text(text: str) -> str:
    """Only the masked text (for callers that store it)."""
    return mask_personal_data(text).text
