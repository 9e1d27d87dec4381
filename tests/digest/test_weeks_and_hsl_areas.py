"""ISO-veckor och MAS:ens HSL-områden."""

from __future__ import annotations

from datetime import date

import pytest

from intents.digest.comparison import Comparison
from intents.digest.hsl_areas import ALLMAN, DOKUMENTATION, FALL, INFORMATION, OVRIGT, SPECIFIK, hsl_area
from intents.digest.iso_weeks import IsoWeek, last_full_week


def test_senaste_hela_veckan_ar_mandag_till_sondag_fore_idag():
    assert last_full_week(date(2026, 11, 23)).label == "2026-W47"  # a Monday
    assert last_full_week(date(2026, 11, 29)).label == "2026-W47"  # the Sunday after
    week = last_full_week(date(2026, 1, 5))
    assert (week.label, week.monday, week.sunday) == ("2026-W01", date(2025, 12, 29), date(2026, 1, 4))
    assert week.describe() == "vecka 1, 29 december 2025–4 januari 2026"
    assert IsoWeek.parse("2026-W09").describe() == "vecka 9, 23 februari–1 mars 2026"
    assert [w.label for w in IsoWeek.parse("2026-W02").before(2)] == ["2025-W52", "2026-W01"]


@pytest.mark.parametrize(("area", "text", "expected"), [
    ("fall", "bru ramlade", FALL),
    ("larm", "larmet gick inte fram", ALLMAN),
    ("trycksår", "rodnad på hälen", SPECIFIK),
    ("övrigt", "journalanteckning mejlades till fel mottagare", DOKUMENTATION),
    ("övrigt", "ingen information vid utskrivning från sjukhuset", INFORMATION),
    ("övrigt", "rullstolen saknade broms", SPECIFIK),
    ("övrigt", "Bru har inte fått hjälp att äta, brickan stod orörd", ALLMAN),
    ("övrigt", "bru fick ingen dusch förra veckan", ALLMAN),
    ("övrigt", "500 kr saknas i plånboken", OVRIGT),
])
def test_hsl_omrade_av_omrade_och_text(area, text, expected):
    assert hsl_area(area, text) == expected


@pytest.mark.parametrize(("count", "mean", "arrow"), [(10, 5, "↑"), (2, 5, "↓"), (5, 5.5, "→"), (1, 0, "→"),
                                                     (3, 0, "↑"), (100, 90, "→"), (120, 90, "↑")])
def test_pilar_mot_snittet(count, mean, arrow):
    assert Comparison("x", count, mean).arrow == arrow
