"""Mask personal identifiers before a text is stored, logged or shown to others.

- personnummer and samordningsnummer, phone numbers: see `numbers.py` for the shapes;
- a personnummer with its last four partly hidden (450312-12**, 19450312-XXXX): the birth date
  with the rest still points to one person;
- e-mail addresses, also as people write them to keep them from spam robots: "anna @ gmail.com",
  "anna(at)gmail.com", "anna snabel-a gmail punkt com", "anna dot svensson at gmail dot com",
  and split over a line break.

The text is normalised first (`normalised.py`: NFKC, every digit as 0-9, invisible characters
removed), so full-width digits or a zero-width space inside a number change nothing. Only the
identifiers are replaced; everything else of the original text is kept as it was. Masking is
idempotent: masking a masked text changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.personal_data.calendar_shapes import birth_date_ok
from nlp_models.personal_data.normalised import normalise
from nlp_models.personal_data.numbers import PERSONNUMMER, TELEFONNUMMER, Found, find_identifier_numbers

EPOST = "e-post"
__all__ = ["EPOST", "PERSONNUMMER", "TELEFONNUMMER", "MaskedStr", "MaskedText", "mask_personal_data", "mask_text"]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The spelled-out forms. The domain must end in a common top-level domain in lower case; with an
# "at" spelled out, a dot stands tight, with a space on both sides or spelled out, so "fell at
# home. Se till" is no address.
_TLD = r"(?-i:se|com|nu|net|org|eu|info|io|dk|no|fi|de|uk|biz|me)"
_SPELLED_DOT = r"(?:[ \t]?[(\[]dot[)\]][ \t]?|[ \t](?:dot|punkt)[ \t])"
_TIGHT_DOT = rf"(?:\.|[ \t]\.[ \t]|{_SPELLED_DOT})"  # no "home. Se": a space on one side only
_LOOSE_DOT = rf"(?:[ \t]?\.[ \t]?|{_SPELLED_DOT})"
_AT_SIGN = r"\s{0,2}@\s{0,2}"
_AT_SPELLED = r"(?:[ \t]?[(\[{]\s?(?:at|snabel[- ]?a)\s?[)\]}][ \t]?|[ \t](?:at|snabel[- ]?a)[ \t])"


def _address(at: str, dot: str) -> re.Pattern[str]:
    # the name before the at has tight or spelled-out dots only: "10/4. anna@…" keeps its date
    return re.compile(rf"(?<![\w.+-])[\w+-]+(?:{_TIGHT_DOT}[\w+-]+)*{at}[\w-]+(?:{dot}[\w-]+)*{dot}{_TLD}(?!\w)",
                      re.IGNORECASE)


_SPELLED_EMAILS = (_address(_AT_SIGN, _LOOSE_DOT), _address(_AT_SPELLED, _TIGHT_DOT))
_AT_WORD = r"\b(?:at|snabel)\b"
_AT_WORDS = re.compile(rf"@|{_AT_WORD}", re.IGNORECASE)
# The last four of a personnummer partly hidden with * or X: "450312-12**", "19450312 - XXXX".
_HIDDEN_LAST_FOUR = re.compile(r"(?<![\w*])((?:18|19|20)?)(\d{6}) ?[-+]? ?([0-9*XxOolI]{4})(?![\w*])")
# Worth normalising and scanning: a digit of any script (superscript and circled ones too), an @
# of any width, or a spelled-out at.
_WORTH_A_LOOK = re.compile(rf"[\d@\uff20\u00b2\u00b3\u00b9\u2070-\u2079\u2460-\u24ff\u2776-\u2793]|{_AT_WORD}",
                           re.IGNORECASE)
_PLACEHOLDER = {PERSONNUMMER: "[personnummer]", TELEFONNUMMER: "[telefonnummer]", EPOST: "[e-post]"}


@dataclass(frozen=True)
class MaskedText:
    text: str
    kinds: list[str]


def _overlaps(item: Found, others: list[Found]) -> bool:
    return any(item.start < other.end and other.start < item.end for other in others)


def _emails(text: str) -> list[Found]:
    if _AT_WORDS.search(text) is None:
        return []
    found = [Found(m.start(), m.end(), EPOST) for pattern in _SPELLED_EMAILS for m in pattern.finditer(text)]
    if "@" in text:
        plain = (Found(m.start(), m.end(), EPOST) for m in _EMAIL.finditer(text))
        found += [f for f in plain if not _overlaps(f, found)]
    return found


def _hidden_personnummer(text: str) -> list[Found]:
    return [Found(m.start(), m.end(), PERSONNUMMER) for m in _HIDDEN_LAST_FOUR.finditer(text)
            if any(c in "*Xx" for c in m.group(3)) and birth_date_ok(m.group(2), m.group(1) or None)]


def _findings(text: str) -> list[Found]:
    first = _emails(text) + _hidden_personnummer(text)
    numbers = [f for f in find_identifier_numbers(text) if not _overlaps(f, first)]
    return sorted(first + numbers, key=lambda f: f.start)


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
