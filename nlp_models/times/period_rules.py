"""The rules that find the period a question asks about (SCHEMA.md, "Resolving times").

Each rule finds expressions in the `time_string` of the question and turns them into
`Found` items. `resolve_period` in `time_expressions` then keeps the longest
non-overlapping ones, lets a year refine a month/week/quarter ("mars 2025",
"vecka 12 i fjol"), reads "sedan X" as X's start to today, and joins what is left.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from nlp_models.times.calendar_math import (
    add_months,
    iso_week_period,
    latest_iso_week,
    latest_month_year,
    latest_quarter_year,
    latest_weekday_before,
    month_period,
    quarter_period,
    shift_month,
    valid_date,
    week_of,
    year_period,
)
from nlp_models.times.patterns import (
    alternation,
    month_number,
    parse_date_parts,
    parse_number,
    pieces,
    word_rule,
)
from nlp_models.times.period import Period
from nlp_models.times.vocabulary import time_vocabulary

# A builder takes today and an optional year named elsewhere in the question.
Builder = Callable[[date, int | None], Period | None]


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    build: Builder
    takes_year: bool = False  # a year elsewhere ("mars ... 2025") refines it
    year: int | None = None  # set when the expression names a year ("2025", "i fjol")
    unit: str | None = None  # "month" or "week" when it names one ("i mars", "förra veckan")
    names: int = 1  # how many months or weeks it names: two in "augusti och september"


def _safe_period(start: date | None, end: date | None) -> Period | None:
    if start is None or end is None or end < start:
        return None
    return Period(start, end)


# ---- ranges: "mellan 1 och 15 mars", "1-15 mars", "från 1 mars till 15 april" ----


def _range_builder(first: str, second: str) -> Builder | None:
    a, b = parse_date_parts(first), parse_date_parts(second)
    if a is None or b is None:
        return None

    def build(today: date, year: int | None) -> Period | None:
        end_month = b.month or a.month
        start_month = a.month or end_month
        if end_month is None or start_month is None:
            return None
        start_year = a.year or b.year or year
        if start_year is None:
            start_year = latest_month_year(start_month, today)
        if b.year is not None:
            end_year = b.year
        else:
            end_year = start_year if end_month >= start_month else start_year + 1
        return _safe_period(
            valid_date(start_year, start_month, a.day), valid_date(end_year, end_month, b.day)
        )

    return build


def _ranges(text: str) -> Iterator[Found]:
    p = pieces()
    part = rf"(?:{p.date}|{p.day})"
    joiner = r"(?:och|till|-|–|t o m|tom|till och med)"
    rules = (
        rf"(?:mellan|fran och med|fran o m|fr o m|from|fran) ({part}) {joiner} ({part})",
        rf"({part}) (?:-|–|till) ({p.date})",
    )
    for rule in rules:
        for m in word_rule(rule).finditer(text):
            build = _range_builder(m[1], m[2])
            if build is not None:
                yield Found(m.start(), m.end(), build, takes_year=True)


# ---- "senaste N dagarna/veckorna/månaderna" ----


def _last_builder(count: int, unit: str) -> Builder:
    def build(today: date, year: int | None) -> Period | None:
        if count < 1 or count > 1200:
            return None
        if unit == "days":
            start = today - timedelta(days=count - 1)
        elif unit == "weeks":
            start = today - timedelta(days=7 * count - 1)
        else:
            months = count * {"months": 1, "quarters": 3, "half_years": 6, "years": 12}[unit]
            start = add_months(today, -months) + timedelta(days=1)
        return Period(start, today)

    return build


def _last_n(text: str) -> Iterator[Found]:
    p = pieces()
    v = time_vocabulary()
    durations = "|".join(sorted(v.durations, key=len, reverse=True))
    last = r"(?:senaste|sista|gangna|forflutna|narmaste|last|past|previous)"
    rules = (
        rf"(?:(?:under|inom|for|pa|i|in|over|during) )?(?:de |den |det |the )?{last} (?:({p.number}) )?({durations})",
        rf"(?:(?:under|inom|for|pa|i) )?(?:de |den |det )?({p.number}) {last} ({durations})",
    )
    for rule in rules:
        for m in word_rule(rule).finditer(text):
            if m[1] is None and re.search(r"\blast\b", m[0]):
                continue  # "last week" is the previous calendar week (a named period)
            count = 1 if m[1] is None else parse_number(m[1])
            if count is None:
                continue
            yield Found(m.start(), m.end(), _last_builder(count, v.durations[m[2]]))


# ---- weeks, quarters, months, years ----


def _week_builder(first: int, last: int | None) -> Builder:
    def build(today: date, year: int | None) -> Period | None:
        start = iso_week_period(year, first) if year else latest_iso_week(first, today)
        if start is None:
            return None
        if last is None:
            return start
        end_year = start.start.isocalendar().year + (1 if last < first else 0)
        end = iso_week_period(end_year, last)
        return None if end is None else _safe_period(start.start, end.end)

    return build


def _weeks(text: str) -> Iterator[Found]:
    p = pieces()
    rule = (
        r"(?:vecka|veckan|veckorna|veckonummer|v|w) (\d{1,2})"
        rf"(?: (?:-|–|till|och|t o m) (?:(?:vecka|v) )?(\d{{1,2}}))?"
        rf"(?:(?: -| ,)? (?:ar )?({p.year}))?"
    )
    for m in word_rule(rule).finditer(text):
        build = _week_builder(int(m[1]), None if m[2] is None else int(m[2]))
        # "vecka 40 och 41" names two weeks (a comparison); "vecka 40-43" is one span
        two = m[2] is not None and " och " in m[0]
        unit = "week" if m[2] is None or two else None
        if m[3] is not None:
            explicit = int(m[3])
            yield Found(m.start(), m.end(), lambda t, y, b=build, e=explicit: b(t, e), unit=unit, names=1 + two)
        else:
            yield Found(m.start(), m.end(), build, takes_year=True, unit=unit, names=1 + two)


def _quarter_builder(quarter: int, explicit_year: int | None) -> Builder:
    def build(today: date, year: int | None) -> Period | None:
        if not 1 <= quarter <= 4:
            return None
        chosen = explicit_year or year or latest_quarter_year(quarter, today)
        return quarter_period(chosen, quarter)

    return build


def _quarters(text: str) -> Iterator[Found]:
    p = pieces()
    year = rf"(?:(?: -| ,)? (?:ar |i |under )?({p.year}))?"
    rules = (
        rf"(?:q|kv|kvartal) ?([1-4]){year}",
        rf"({p.ordinal}|[1-4](?: :)?(?: [ae])?) kvartalet{year}",
    )
    for rule in rules:
        for m in word_rule(rule).finditer(text):
            quarter = parse_number(m[1].split()[0])
            if quarter is None:
                continue
            explicit = None if m[2] is None else int(m[2])
            yield Found(
                m.start(), m.end(), _quarter_builder(quarter, explicit), takes_year=explicit is None
            )


def _month_builder(month: int) -> Builder:
    def build(today: date, year: int | None) -> Period | None:
        return month_period(year or latest_month_year(month, today), month)

    return build


def _months(text: str) -> Iterator[Found]:
    p = pieces()
    context = r"(?:i|under|sedan|fran|hela|for|per|om|in|till|t o m)"
    v = time_vocabulary()
    safe_abbr = alternation(set(v.month_abbreviations) - v.month_abbreviation_words)
    rules = [
        rf"(?:(?:i|under|hela) )?({p.month_full})",
        rf"{context} ({safe_abbr})",
        rf"({p.month_abbr})(?= {p.year})",
    ]
    if v.month_abbreviations_alone:
        rules.append(rf"({alternation(v.month_abbreviations_alone)})")
    for rule in rules:
        for m in word_rule(rule).finditer(text):
            month = month_number(m[1])
            if month is not None:
                yield Found(m.start(), m.end(), _month_builder(month), takes_year=True, unit="month")


def _month_range_builder(first: int, last: int, explicit_year: int | None) -> Builder:
    def build(today: date, year: int | None) -> Period | None:
        start_year = explicit_year or year or latest_month_year(first, today)
        end_year = start_year if last >= first else start_year + 1
        return _safe_period(month_period(start_year, first).start, month_period(end_year, last).end)

    return build


def _two_months_builder(first: int, second: int, explicit_year: int | None) -> Builder:
    """"augusti och september", "sept och aug": two months named side by side, each the
    latest such month (or in the year named), the period covering both in either order."""
    def build(today: date, year: int | None) -> Period | None:
        chosen = explicit_year or year
        periods = [month_period(chosen or latest_month_year(m, today), m) for m in (first, second)]
        return _safe_period(min(p.start for p in periods), max(p.end for p in periods))

    return build


def _month_ranges(text: str) -> Iterator[Found]:
    """"jan-mars", "från oktober till december", "mellan maj och augusti 2025"; "augusti och
    september" (no "mellan") names two months, as in a comparison."""
    p = pieces()
    rule = (
        rf"(?:(mellan|fran|fr o m|fran och med) )?({p.month_any}) (-|–|till|och|t o m|till och med) "
        rf"({p.month_any})(?: ({p.year}))?"
    )
    for m in word_rule(rule).finditer(text):
        first, last = month_number(m[2]), month_number(m[4])
        if first is None or last is None:
            continue
        explicit = None if m[5] is None else int(m[5])
        if m[3] == "och" and m[1] is None:
            build = _two_months_builder(first, last, explicit)
            yield Found(m.start(), m.end(), build, takes_year=explicit is None, unit="month", names=2)
            continue
        build = _month_range_builder(first, last, explicit)
        yield Found(m.start(), m.end(), build, takes_year=explicit is None)


def _season_builder(first: int, months: int) -> Builder:
    def build(today: date, year: int | None) -> Period | None:
        start_year = year or latest_month_year(first, today)
        end_year, end_month = shift_month(start_year, first, months - 1)
        return Period(date(start_year, first, 1), month_period(end_year, end_month).end)

    return build


def _seasons(text: str) -> Iterator[Found]:
    v = time_vocabulary()
    rule = rf"(?:(?:i|under|hela) )?({alternation(v.seasons)})"
    for m in word_rule(rule).finditer(text):
        yield Found(m.start(), m.end(), _season_builder(*v.seasons[m[1]]), takes_year=True)


def _years(text: str) -> Iterator[Found]:
    p = pieces()
    rule = rf"(?:(?:under|ar|aret|hela|for|i|per) )?({p.year})(?! (?:kr|kronor|st|:|-))"
    for m in word_rule(rule).finditer(text):
        year = int(m[1])
        yield Found(m.start(), m.end(), lambda t, y, n=year: year_period(n), year=year)


def _dates(text: str) -> Iterator[Found]:
    p = pieces()
    for m in word_rule(p.date).finditer(text):
        parts = parse_date_parts(m[0])
        if parts is None or parts.month is None:
            continue

        def build(today: date, year: int | None, parts=parts) -> Period | None:
            day = (
                valid_date(year, parts.month, parts.day)
                if year and parts.year is None
                else parts.resolve(today)
            )
            return None if day is None else Period(day, day)

        yield Found(m.start(), m.end(), build, takes_year=parts.year is None)


# ---- named relative periods ----


def _previous_week(weeks_back: int) -> Builder:
    def build(today: date, year: int | None) -> Period:
        this_week = week_of(today)
        start = this_week.start - timedelta(days=7 * weeks_back)
        return Period(start, start + timedelta(days=6))

    return build


def _previous_month(months_back: int) -> Builder:
    def build(today: date, year: int | None) -> Period:
        return month_period(*shift_month(today.year, today.month, -months_back))

    return build


def _this_week(today: date, year: int | None) -> Period:
    return Period(week_of(today).start, today)


def _this_month(today: date, year: int | None) -> Period:
    return Period(today.replace(day=1), today)


def _this_quarter(today: date, year: int | None) -> Period:
    first = 3 * ((today.month - 1) // 3) + 1
    return Period(date(today.year, first, 1), today)


def _previous_quarter(today: date, year: int | None) -> Period:
    index = (today.year * 12 + today.month - 1) // 3 - 1
    return quarter_period(index // 4, index % 4 + 1)


def _days_ago(days: int) -> Builder:
    def build(today: date, year: int | None) -> Period:
        day = today - timedelta(days=days)
        return Period(day, day)

    return build


def _last_night(today: date, year: int | None) -> Period:
    return Period(today - timedelta(days=1), today)


def _weekend(today: date, year: int | None) -> Period:
    saturday = today - timedelta(days=(today.weekday() - 5) % 7)
    return Period(saturday, saturday + timedelta(days=1))


@lru_cache(maxsize=1)
def _named_rules() -> tuple[tuple[re.Pattern[str], Builder, str | None], ...]:
    this = r"(?:den har|det har|denna|detta|innevarande|nuvarande|aktuella|aktuell|this|current)"
    table: list[tuple[str, Builder, str | None]] = [
        (r"(?:i )?forrforra veckan?s?|the weeks? before last", _previous_week(2), "week"),
        # "förra veckan jämfört med veckan innan": the weeks? before last (SCHEMA.md)
        (r"veckan (?:innan|dessforinnan|fore)|the weeks? before", _previous_week(2), "week"),
        (r"(?:i )?(?:forra|forriga|forrige|foregaende) (?:veckan?s?|v)|last weeks?|previous weeks?|past weeks?", _previous_week(1), "week"),
        (rf"(?:hittills )?(?:{this} veckan?|i veckan|i vecka|{this} weeks?)(?: hittills| so far)?", _this_week, "week"),
        (r"(?:i )?forrforra manad(?:en|ens|s)?", _previous_month(2), "month"),
        (r"manaden (?:innan|dessforinnan|fore)|the months? before", _previous_month(2), "month"),
        (r"(?:i )?(?:forra|forriga|forrige|foregaende) (?:manad(?:en|ens|s)?|man)|last months?|previous months?", _previous_month(1), "month"),
        (rf"(?:hittills )?(?:{this} manad(?:en)?|i manaden|{this} months?)(?: hittills| so far)?", _this_month, "month"),
        (rf"(?:hittills )?(?:{this} kvartalet|{this} kvartal|i kvartalet|{this} quarters?)", _this_quarter, None),
        (r"(?:forra|forriga|foregaende) kvartal(?:et)?|last quarters?", _previous_quarter, None),
        (r"i gar|gardagens|gardagen|yesterday", _days_ago(1), None),
        (r"i dag|dagens|i dags|today", _days_ago(0), None),
        (r"i forrgar|forrgar|forrgardagens", _days_ago(2), None),
        (r"i natt|natten till i dag|last night|tonight", _last_night, None),
        (r"i morse|this morning", _days_ago(0), None),
        (r"(?:i|forra|over) helgen|helgen som gick|(?:last|this|over the) weekend", _weekend, None),
    ]
    return tuple((word_rule(pattern), build, unit) for pattern, build, unit in table)


def _year_words(text: str) -> Iterator[Found]:
    this = r"(?:det har|detta|innevarande|nuvarande)"
    rules: list[tuple[str, int]] = [
        (r"(?:hittills )?i ar(?: hittills)?|hittills i aret|aret hittills|" + this + r" ar(?:et)?|this years?|so far this years?|year to date", 0),
        (r"i fjol|forra aret|forra ar|forriga aret|foregaende ar|fjolaret|fjolarets|i fjolas|last years?|previous years?", 1),
        (r"forrforra aret|i forrfjol", 2),
    ]
    for pattern, back in rules:
        for m in word_rule(pattern).finditer(text):
            if back == 0:
                yield Found(
                    m.start(), m.end(), lambda t, y: Period(date(t.year, 1, 1), t), year=-1
                )
            else:
                yield Found(
                    m.start(),
                    m.end(),
                    lambda t, y, b=back: year_period(t.year - b),
                    year=-1 - back,
                )


def _weekday_past(text: str) -> Iterator[Found]:
    p = pieces()
    v = time_vocabulary()
    rules = (
        (rf"i ({p.weekday_past})", v.weekday_past_forms),
        (rf"(?:i |)(?:forra|senaste|sista) ({p.weekday})(?:en)?", v.weekdays),
    )
    for pattern, table in rules:
        for m in word_rule(pattern).finditer(text):
            weekday = table[m[1]]

            def build(today: date, year: int | None, wd=weekday) -> Period:
                day = latest_weekday_before(wd, today)
                return Period(day, day)

            yield Found(m.start(), m.end(), build)


def _named(text: str) -> Iterator[Found]:
    for rule, build, unit in _named_rules():
        for m in rule.finditer(text):
            yield Found(m.start(), m.end(), build, unit=unit)


FINDERS = (_ranges, _month_ranges, _seasons, _last_n, _weeks, _quarters, _dates, _months, _years, _year_words, _named, _weekday_past)

SINCE = re.compile(r"(?<= )(?:sedan|sen|alltsedan|fran och med|fran o m|fr o m|from|fran) $")


def find_all(text: str) -> list[Found]:
    found: list[Found] = []
    for finder in FINDERS:
        found.extend(finder(text))
    return found


def relative_year(marker: int, today: date) -> int:
    """`Found.year` holds a real year, or -1 for this year, -2 last year, -3 the year before."""
    return marker if marker > 0 else today.year + 1 + marker
