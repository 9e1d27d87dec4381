"""How a person types: tidy, hurried (typos, no å/ä/ö, short forms), with second thoughts, or chatty."""

from __future__ import annotations

import random
import re
from enum import StrEnum

from nlp_models.text.normalize import fold


class Style(StrEnum):
    TIDY = "tidy"
    HURRIED = "hurried"
    SECOND_THOUGHTS = "second_thoughts"  # corrects a field at the summary, or sends a new event mid-dialogue
    # greets first, writes clock times as four digits ("i går 2130"), and answers with more than was asked:
    # a level and a sign of another one ("måttlig, hon har ont i armen"), what was done and how the care
    # recipient was, who gave a view in a whole sentence
    CHATTY = "chatty"


# short forms care workers type (DOMAIN.md: bru, ssk, usk, ec, o)
_SHORT = [
    (r"\bbrukaren\b", "bru"), (r"\bbrukare\b", "bru"), (r"\bsjuksköterskan\b", "ssk"), (r"\boch\b", "o"),
    (r"\benhetschefen\b", "ec"), (r"\bi går\b", "igår"), (r"\bi natt\b", "inatt"), (r"\bi morse\b", "imorse"),
    (r"\bi dag\b", "idag"), (r"\binformerad\b", "info"),
]
_KEEP = {"ssk", "bru", "usk", "ec"}


def _typo(word: str, rng: random.Random) -> str:
    """One slip of the thumb: a doubled or a dropped letter inside a long word."""
    i = rng.randrange(2, len(word) - 2)
    return word[:i] + word[i] + word[i:] if rng.random() < 0.5 else word[:i] + word[i + 1:]


def hurried(text: str, seed: int, keep: tuple[str, ...] = ()) -> str:
    """Lowercase, short forms, no å/ä/ö, few commas, and one typo in a long word (never in `keep`, the
    names the person would copy from a list)."""
    rng = random.Random(seed)
    out = text.lower()
    for pattern, short in _SHORT:
        out = re.sub(pattern, short, out)
    out = fold(out).replace(",", "").replace(". ", " ").rstrip(".")
    kept = {fold(word.lower()) for name in keep for word in name.split()}
    words = out.split()
    candidates = [i for i, w in enumerate(words) if len(w) >= 8 and w.isalpha() and w not in kept | _KEEP]
    if candidates:
        i = rng.choice(candidates)
        words[i] = _typo(words[i], rng)
    return " ".join(words)


def unit_as_typed(unit: str, style: Style) -> str:
    return unit if style != Style.HURRIED else fold(unit.lower())
