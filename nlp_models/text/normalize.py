"""Text folding shared by every matcher: case and diacritics never decide a match.

Staff type on phones without å/ä/ö, so "Solgården", "solgarden" and "SOLGÅRDEN" must
look the same to every rule. Folding is character-for-character, so offsets found in
the folded text are valid in the original text too.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:  # e.g. "İ" lowercases to two code points; keep one
        low = low[0]
    if low.isascii():
        return low
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isascii() and base.isalpha() else low


def fold(text: str) -> str:
    """Lowercase and strip diacritics, keeping the length of `text` unchanged.

    >>> fold("Fallolycka på Solgården, brukaren FÖLL")
    'fallolycka pa solgarden, brukaren foll'
    """
    return "".join(_fold_char(ch) for ch in text)
