"""Like-for-like periods for any day: a year, quarter, month or week still going on is compared with the
same days of the one before; a whole one with the whole one before; the words name the exact days."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from intents.statistics.periods import counted_period, quarters_of, shift_years
from nlp_models.times.calendar_math import add_months, month_period, quarter_period, week_of, year_period
from nlp_models.times.expressions import Period

DAYS = st.dates(min_value=date(2021, 1, 1), max_value=date(2030, 12, 31))
FEW = settings(max_examples=60, deadline=None)


def _quarter(day: date) -> Period:
    return quarter_period(day.year, (day.month - 1) // 3 + 1)


@FEW
@given(today=DAYS)
def test_i_ar_jamfors_med_samma_dagar_i_fjol(today):
    # on a month's last day "i år" is also a whole month or quarter (1 Jan–31 Jan): the words decide, not the dates
    assume((today + timedelta(days=1)).day != 1)
    counted = counted_period(Period(date(today.year, 1, 1), today), today)
    assert counted.before == Period(date(today.year - 1, 1, 1), shift_years(today, -1))
    assert "hittills i år" in counted.words and counted.partial


@FEW
@given(today=DAYS)
def test_pagaende_kvartal_manad_och_vecka_jamfors_med_samma_dagar_fore(today):
    for whole, back in ((_quarter(today), lambda d: add_months(d, -3)), (month_period(today.year, today.month),
                                                                         lambda d: add_months(d, -1)),
                        (week_of(today), lambda d: d - timedelta(days=7))):
        counted = counted_period(whole, today)
        if today == whole.end:
            assert not counted.partial and counted.before.end == whole.start - timedelta(days=1)
            continue
        assert counted.counted == Period(whole.start, today) and counted.partial
        assert counted.before.start == back(whole.start) and counted.before.end == min(
            back(today), whole.start - timedelta(days=1))


@FEW
@given(day=DAYS)
def test_ett_helt_ar_jamfors_med_hela_aret_fore(day):
    counted = counted_period(year_period(day.year), date(day.year + 1, 3, 1))
    assert counted.before == year_period(day.year - 1) and counted.words == str(day.year)


@FEW
@given(first=DAYS, length=st.integers(0, 400))
def test_ett_godtyckligt_spann_jamfors_med_lika_manga_dagar_fore(first, length):
    span = Period(first, first + timedelta(days=length))
    counted = counted_period(span, span.end + timedelta(days=1))
    assert counted.before.end == span.start - timedelta(days=1)
    if counted.before_words == "perioden före" and span.start.day != 1:
        assert (counted.before.end - counted.before.start) == (span.end - span.start)


@FEW
@given(first=DAYS, length=st.integers(0, 900))
def test_kvartalen_tacker_perioden_utan_luckor(first, length):
    span = Period(first, first + timedelta(days=length))
    parts = quarters_of(span)
    assert parts[0].start == span.start and parts[-1].end == span.end
    assert all(b.start == a.end + timedelta(days=1) for a, b in zip(parts, parts[1:]))
