"""Regular-expression pieces built from the time vocabulary, shared by both resolvers.

They run over `time_string` output: folded words separated by single spaces, with a
space before the first and after the last word. Every piece starts and ends on a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from nlp_models.times.calendar_math import latest_date_on_or_before, valid_date
from nlp_models.times.vocabulary import time_vocabulary


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def word_rule(pattern: str) -> re.Pattern[str]:
    """Compile `pattern` so that it matches whole words only."""
    return re.compile(rf"(?<= )(?:{pattern})(?= )")


@dataclass(frozen=True)
class Pieces:
    month_full: str
    month_abbr: str
    month_any: str
    weekday: str
    weekday_past: str
    number: str
    ordinal: str
    day: str
    year: str
    date: str  # any single date: ISO, 5/3, "5 mars 2026"
    hour_word: str


@lru_cache(maxsize=1)
def pieces() -> Pieces:
    v = time_vocabulary()
    month_full = alternation(v.months)
    month_abbr = alternation(v.month_abbreviations)
    month_any = f"(?:{month_full}|{month_abbr})"
    ordinal = alternation(v.ordinals)
    day = rf"(?:den )?(?:\d{{1,2}}(?: :)?(?: [ae])?|{ordinal})"
    year = r"(?:19|20)\d\d"
    date_ = (
        rf"(?:\d{{4}} - \d{{1,2}} - \d{{1,2}}"
        rf"|\d{{1,2}} / \d{{1,2}}(?: / (?:\d{{4}}|\d\d))?"
        rf"|{day} {month_any}(?: {year})?)"
    )
    hour_words = [w for w, n in v.numbers.items() if 1 <= n <= 12 and w not in {"par"}]
    return Pieces(
        month_full=month_full,
        month_abbr=month_abbr,
        month_any=month_any,
        weekday=alternation(v.weekdays),
        weekday_past=alternation(v.weekday_past_forms),
        number=rf"(?:\d{{1,3}}|{alternation(v.numbers)})",
        ordinal=ordinal,
        day=day,
        year=year,
        date=date_,
        hour_word=rf"(?:\d{{1,2}}|{alternation(hour_words)})",
    )


def parse_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    v = time_vocabulary()
    return v.numbers.get(word, v.ordinals.get(word))


def month_number(word: str) -> int | None:
    v = time_vocabulary()
    return v.months.get(word, v.month_abbreviations.get(word))


@dataclass(frozen=True)
class DateParts:
    """A date as written: the day always, month and year where given."""

    day: int
    month: int | None
    year: int | None

    def resolve(self, today: date, default_month: int | None = None) -> date | None:
        """The date itself, or without a year the latest such date on or before today."""
        month = self.month or default_month
        if month is None:
            return None
        if self.year is not None:
            return valid_date(self.year, month, self.day)
        return latest_date_on_or_before(month, self.day, today)


_ISO = re.compile(r"(\d{4}) - (\d{1,2}) - (\d{1,2})")
_SLASH = re.compile(r"(\d{1,2}) / (\d{1,2})(?: / (\d{4}|\d\d))?")


def parse_date_parts(text: str) -> DateParts | None:
    """Read "2026-03-05", "5 / 3", "5 / 3 / 26", "den 5 : e mars 2026", "5" (day only)."""
    text = text.strip()
    if m := _ISO.fullmatch(text):
        return DateParts(int(m[3]), int(m[2]), int(m[1]))
    if m := _SLASH.fullmatch(text):
        if m[1] == "24" and m[2] == "7":  # "24/7" means around the clock
            return None
        year = None if m[3] is None else int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return DateParts(int(m[1]), int(m[2]), year)
    words = [w for w in text.split() if w not in {"den", ":", "a", "e"}]
    if not words:
        return None
    day = parse_number(words[0])
    if day is None or not 1 <= day <= 31:
        return None
    month = month_number(words[1]) if len(words) > 1 else None
    year = int(words[2]) if len(words) > 2 and words[2].isdigit() else None
    return DateParts(day, month, year)
