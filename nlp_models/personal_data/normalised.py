"""Text as the identifier matchers see it, with a way back to the original's positions.

People and copy-paste produce identifiers in forms a plain regex never sees: full-width or
Arabic-Indic, superscript or circled digits, a no-break or thin space between groups, an en dash
instead of a hyphen, a zero-width space or soft hyphen inside the number, the letter O for a zero
or l for a one ("45O312-1234"). The matchers work on a normalised copy (Unicode NFKC, every digit
as 0-9, every dash as "-", every space as " ", invisible characters removed, look-alike letters
inside a run of digits as digits) and `origin` maps each of its positions back to the original, so that the
original text is changed only where an identifier was found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Anything outside ASCII and the Latin-1 letters may need normalising; most messages have none.
_NEEDS_WORK = re.compile(r"[^\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")
_DASHES = set("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")


@lru_cache(maxsize=8192)
def _normal_char(ch: str) -> str:
    if unicodedata.category(ch) in ("Cf", "Mn", "Me") or ch in "\u00ad\u034f\u115f\u1160\u3164":
        return ""  # invisible: zero-width, soft hyphen, bidi controls, joiners, combining marks
    digit = unicodedata.decimal(ch, None)
    if digit is None:
        digit = unicodedata.digit(ch, None)  # superscript ⁴, circled ④
    if digit is not None:
        return str(digit)
    if ch in _DASHES:
        return "-"
    if ch.isspace():
        return " "
    return unicodedata.normalize("NFKC", ch)


# Letters typed for digits: O/o for 0, l/I for 1. Only inside a run of digits and such letters
# that has a real digit and stands apart from other letters ("4OO93O", "O7O", "5l"); words
# ("Olle", "I", "lol") never qualify. Only the matchers' copy changes: "2l vatten" stays as
# written, and a run becomes part of an identifier only with the digit groups around it.
_LOOKALIKE = {"O": "0", "o": "0", "l": "1", "I": "1"}
_LOOKALIKE_RUN = re.compile(r"(?<![^\W\d_])[0-9OolI]{2,}(?!(?![Xx])[^\W\d_])")  # X: a hidden digit ("39Ox")
# A whole group of look-alikes between two digit groups ("1955-Ol-61-0000", "1955 Ol 61"), and the
# (O) of "+46 (O)70".
_LOOKALIKE_GROUP = re.compile(r"(?<=\d[-./ ])[OolI]{1,4}(?=[-./ ]\d|[ ,;)]|$)|(?<=\d \()[Oo](?=\))|(?<=\d\()[Oo](?=\))")


def _digits_for_lookalikes(text: str) -> str:
    """The same text, of the same length, with look-alike letters in digit runs as digits."""
    def fix(found: re.Match[str]) -> str:
        run = found.group()
        if run.isdigit() or not any(c.isdigit() for c in run):
            return run
        return "".join(_LOOKALIKE.get(c, c) for c in run)
    if not any(c in _LOOKALIKE for c in text):
        return text
    text = _LOOKALIKE_GROUP.sub(lambda found: "".join(_LOOKALIKE[c] for c in found.group()), text)
    return _LOOKALIKE_RUN.sub(fix, text)


@dataclass(frozen=True)
class NormalisedText:
    text: str
    origin: tuple[int, ...] | None  # origin[i]: position in the original of text[i]; None: the same text

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> NormalisedText:
    if _NEEDS_WORK.search(text) is None:
        return NormalisedText(_digits_for_lookalikes(text), None)  # same length: positions unchanged
    pieces: list[str] = []
    origin: list[int] = []
    for position, ch in enumerate(text):
        normal = _normal_char(ch) if _NEEDS_WORK.match(ch) else ch
        pieces.append(normal)
        origin.extend([position] * len(normal))
    return NormalisedText(_digits_for_lookalikes("".join(pieces)), tuple(origin))
