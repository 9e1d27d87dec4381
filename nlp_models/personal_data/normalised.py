"""Text as the identifier matchers see it, with a way back to the original's positions.

People and copy-paste produce identifiers in forms a plain regex never sees: full-width or
Arabic-Indic digits, a no-break or thin space between groups, an en dash instead of a hyphen,
a zero-width space or soft hyphen inside the number. The matchers work on a normalised copy
(Unicode NFKC, every decimal digit as 0-9, every dash as "-", every space as " ", invisible
characters removed) and `origin` maps each of its positions back to the original, so that the
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
    if digit is not None:
        return str(digit)
    if ch in _DASHES:
        return "-"
    if ch.isspace():
        return " "
    return unicodedata.normalize("NFKC", ch)


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
        return NormalisedText(text, None)
    pieces: list[str] = []
    origin: list[int] = []
    for position, ch in enumerate(text):
        normal = _normal_char(ch) if _NEEDS_WORK.match(ch) else ch
        pieces.append(normal)
        origin.extend([position] * len(normal))
    return NormalisedText("".join(pieces), tuple(origin))
