"""Swedish time expressions: the period a question asks about, when a reported event happened.

All rules follow /work/shared/eval/SCHEMA.md ("Resolving times"); the words live in
`rules/time_words.toml`.
"""

from __future__ import annotations

import re
from datetime import date

from nlp_models.times.description import describe_period
from nlp_models.times.moments import KnownDay, names_clock_time, resolve_occurred_at, said_precision
from nlp_models.times.period import Period
from nlp_models.times.period_rules import SINCE, Found, find_all, relative_year
from nlp_models.times.text import time_string

__all__ = [
    "KnownDay", "Period", "resolve_period", "resolve_occurred_at", "names_clock_time", "said_precision",
    "describe_period", "compared_granularity", "resolve_periods",
]


# "den här månaden jämfört med förra": "förra" with its noun left out takes the noun of the
# period named before it.
_ELIDED = re.compile(r"(?<= )(forra|foregaende)(?= (?:[?.,!]|$))")
_ELIDED_NOUNS = {"veckan": "veckan", "vecka": "veckan", "manaden": "manaden", "manad": "manaden",
                 "aret": "aret", "ar": "aret", "kvartalet": "kvartalet"}


def _complete_ellipsis(string: str) -> str:
    match = _ELIDED.search(string)
    if match is None:
        return string
    for word in reversed(string[: match.start()].split()):
        if word in _ELIDED_NOUNS:
            return f"{string[: match.end()]} {_ELIDED_NOUNS[word]}{string[match.end():]}"
    return string


def compared_granularity(text: str, today: date) -> str | None:
    """"month" or "week" when `text` names two or more months or weeks ("jämför fallen i
    december med november", "förra veckan jämfört med veckan innan"), else None."""
    if not isinstance(text, str) or not text.strip():
        return None
    string = _complete_ellipsis(time_string(text))
    named = [f.unit for f in _longest_first(find_all(string)) if f.unit is not None for _ in range(f.names)]
    if len(named) >= 2 and len(set(named)) == 1:
        return named[0]
    return None


def _longest_first(found: list[Found]) -> list[Found]:
    """Keep the longest expressions that do not overlap, in text order."""
    ranked = sorted(enumerate(found), key=lambda item: (item[1].start - item[1].end, item[0]))
    kept: list[Found] = []
    for _, candidate in ranked:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda f: f.start)


def resolve_period(text: str, today: date) -> Period | None:
    """The period `text` asks about, or None when it names no time (then: all time).

    >>> resolve_period("hur många fallavvikelser i mars", date(2026, 2, 10))
    Period(start=datetime.date(2025, 3, 1), end=datetime.date(2025, 3, 31))
    """
    periods = resolve_periods(text, today)
    if not periods:
        return None
    return Period(min(p.start for p in periods), max(p.end for p in periods))


def resolve_periods(text: str, today: date) -> list[Period]:
    """Each period `text` names, in text order ("jämför oktober med september": October, then
    September); `resolve_period` is the span they cover together."""
    if not isinstance(text, str) or not text.strip():
        return []
    string = _complete_ellipsis(time_string(text))
    chosen = _longest_first(find_all(string))
    if not chosen:
        return []
    years = [f for f in chosen if f.year is not None]
    refine = bool(years) and any(f.takes_year for f in chosen)
    year = relative_year(years[0].year, today) if refine else None
    periods: list[Period] = []
    for item in chosen:
        if refine and item.year is not None:
            continue
        try:
            period = item.build(today, year if item.takes_year else None)
        except (ValueError, OverflowError):
            period = None
        if period is None:
            continue
        if SINCE.search(string, 0, item.start):
            if period.start > today:
                continue
            period = Period(period.start, today)
        periods.append(period)
    return periods
