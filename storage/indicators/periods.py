"""Indicator periods as stored text: "2025" (year), "2026-Q1" (quarter), "2026-03" (month).

One spelling per period so that re-imports hit the same row; sortable in time order and
shown to people in Swedish ("mars 2026", "kv 1 2026").
"""

from __future__ import annotations

import re
from datetime import date

MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
               "oktober", "november", "december")

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.]?\s*(?:M)?(\d{1,2})$", re.IGNORECASE)
_QUARTER = re.compile(r"^(\d{4})\s*[-/ ]?\s*(?:Q|K|KV|T)\s*([1-4])$", re.IGNORECASE)


class PeriodError(ValueError):
    pass


def normalize_period(raw: object) -> str:
    """The stored spelling of a period; raises PeriodError with a Swedish reason.

    >>> [normalize_period(p) for p in (2024, "2026-3", "2026M03", "2026 K1", "2026q2")]
    ['2024', '2026-03', '2026-03', '2026-Q1', '2026-Q2']
    """
    text = str(raw).strip()
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    if m := _YEAR.match(text):
        return _checked_year(m.group(1))
    if m := _QUARTER.match(text):
        return f"{_checked_year(m.group(1))}-Q{m.group(2)}"
    if m := _MONTH.match(text):
        month = int(m.group(2))
        if 1 <= month <= 12:
            return f"{_checked_year(m.group(1))}-{month:02d}"
    raise PeriodError(f"perioden ”{text}” känns inte igen – skriv t.ex. 2025, 2026-Q1 eller 2026-03")


def _checked_year(text: str) -> str:
    if not 1990 <= int(text) <= 2100:
        raise PeriodError(f"året {text} är orimligt")
    return text


def month_period(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def quarter_period(year: int, quarter: int) -> str:
    return f"{year}-Q{quarter}"


def period_start(period: str) -> date:
    """First day of the period (a stored spelling)."""
    year = int(period[:4])
    rest = period[5:]
    if not rest:
        return date(year, 1, 1)
    if rest.startswith("Q"):
        return date(year, 3 * int(rest[1]) - 2, 1)
    return date(year, int(rest), 1)


def period_sort_key(period: str) -> tuple[date, int]:
    """Time order; for the same start a year sorts before its first quarter before its first month."""
    rest = period[5:]
    length = 0 if not rest else (1 if rest.startswith("Q") else 2)
    return period_start(period), length


def describe_period(period: str) -> str:
    """'2025', 'kv 1 2026', 'mars 2026'."""
    rest = period[5:]
    if not rest:
        return period
    if rest.startswith("Q"):
        return f"kv {rest[1]} {period[:4]}"
    return f"{MONTH_NAMES[int(rest) - 1]} {period[:4]}"


def previous_periods(today: date, frequency: str, count: int) -> list[str]:
    """The last `count` whole periods of a frequency ending before the one `today` falls in, oldest first."""
    out: list[str] = []
    if frequency == "år":
        out = [str(today.year - i) for i in range(count, 0, -1)]
    elif frequency == "kvartal":
        index = today.year * 4 + (today.month - 1) // 3
        out = [quarter_period(i // 4, i % 4 + 1) for i in range(index - count, index)]
    else:
        index = today.year * 12 + today.month - 1
        out = [month_period(i // 12, i % 12 + 1) for i in range(index - count, index)]
    return out
