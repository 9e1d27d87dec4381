"""Where a text names the time of its event: "ramlade kl 4 i natt, ingen skada" → "kl 4 i natt".

A corrected time is also corrected in the description, so the stored report does not contradict itself; this
finds the words to replace. The words come from rules/time_words.toml (days, parts of the day, joined forms).
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp_models.text.normalize import fold
from nlp_models.times.patterns import alternation, pieces
from nlp_models.times.vocabulary import time_vocabulary

_CLOCK = r"(?:(?:ca|cirka|runt|typ|omkring|vid)\s+)?(?:kl\.?|klockan)\s*\d{1,2}(?:[.:]\d{2})?(?:-tiden)?"
_TIME_FILLERS = r"(?:pa|vid|under|sent|tidigt|ca|cirka|runt|typ|omkring|hela)"


@lru_cache(maxsize=1)
def _mention() -> re.Pattern[str]:
    v = time_vocabulary()
    p = pieces()
    parts = alternation(w for w in v.parts_of_day if w not in {"morgon"})
    joined = alternation(v.joined)
    days = rf"(?:i\s+(?:gar|dag|forrgar|natt|morse|morges|{p.weekday_past})|{joined}|forra\s+veckan|{p.weekday_past})"
    piece = rf"(?:{days}|(?:{_TIME_FILLERS}\s+)*(?:i\s+)?(?:{parts})|{_CLOCK}|halv\s+{p.hour_word}|kvart\s+(?:over|i)\s+{p.hour_word})"
    return re.compile(rf"(?<!\w){piece}(?:[\s,]+{piece})*(?!\w)")


def time_mentions(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that name a time ("i går kväll", "kl 4 i natt"), in order."""
    return [m.span() for m in _mention().finditer(fold(text))]
