"""Anhøj's run-chart rules on series with known answers: the published limits, ordinary variation
gives no signal (at least 90 % of seeds), a shift gives one, and the words say why."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intents.run_charts.anhoej import crossings_limit, longest_run_limit, runs_analysis
from intents.run_charts.series import count_series, whole_months, whole_weeks
from intents.run_charts.signal_text import judgement, signal_phrase

# Anhøj & Olesen 2014, table 1: useful observations → (longest run above which, fewest crossings below which)
PUBLISHED = {10: (6, 2), 11: (6, 2), 12: (7, 3), 13: (7, 3), 14: (7, 4), 15: (7, 4), 16: (7, 4), 17: (7, 5),
             18: (7, 5), 19: (7, 6), 20: (7, 6), 21: (7, 6), 22: (7, 7), 23: (8, 7), 24: (8, 8), 25: (8, 8),
             26: (8, 8), 27: (8, 9), 28: (8, 9), 29: (8, 10), 30: (8, 10), 40: (8, 14), 50: (9, 19)}


@pytest.mark.parametrize("useful", sorted(PUBLISHED))
def test_granserna_ar_de_publicerade(useful):
    assert (longest_run_limit(useful), crossings_limit(useful)) == PUBLISHED[useful]


def test_platt_poissonserie_ger_ingen_signal_i_minst_90_procent():
    signals = 0
    for seed in range(200):
        values = np.random.default_rng(seed).poisson(6, size=26)
        signals += runs_analysis(values).signal
    assert signals / 200 <= 0.10


def test_skiftad_poissonserie_ger_signal():
    found = rising = 0
    for seed in range(50):
        rng = np.random.default_rng(seed)
        values = np.concatenate([rng.poisson(4, size=16), rng.poisson(12, size=10)])
        analysis = runs_analysis(values)
        found += analysis.signal
        rising += analysis.current_shift is not None and analysis.current_shift.side == 1
    assert found / 50 >= 0.9 and rising / 50 >= 0.8


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=1, max_size=60))
def test_en_signal_har_alltid_en_regel_bakom_sig(values):
    analysis = runs_analysis(values)
    if analysis.signal:
        assert analysis.useful >= 10
        assert analysis.longest_run > analysis.longest_run_max or analysis.crossings < analysis.crossings_min
    assert analysis.crossings == max(len(analysis.runs) - 1, 0)
    assert sum(run.length for run in analysis.runs) == analysis.useful


def test_punkter_pa_medianen_raknas_inte_och_bryter_ingen_serie():
    analysis = runs_analysis([1, 5, 3, 5, 5, 1, 1, 3])  # median 3
    assert analysis.useful == 6 and analysis.longest_run == 3


def test_orden_ger_signal_med_vecka_och_grans():
    weeks = whole_weeks(date(2026, 11, 22))
    days = [w.period.start + timedelta(days=i) for n, w in enumerate(weeks) for i in range(1 + n % 2 if n < 16 else 5)]
    series = count_series("week", days, weeks)
    analysis = runs_analysis(series.values)
    assert signal_phrase(analysis, series) == f"signal om ökning sedan {weeks[16].name}"
    assert f"Signal om ökning sedan {weeks[16].name}: 10 veckor i rad över medianen 2 (fler än 7" in judgement(
        analysis, series)


def test_vanlig_variation_far_inget_signalord():
    rng = random.Random(3)
    months = whole_months(date(2026, 10, 31))
    days = [m.period.start + timedelta(days=rng.randrange(28)) for m in months for _ in range(rng.choice((4, 5, 6)))]
    series = count_series("month", days, months)
    analysis = runs_analysis(series.values)
    if not analysis.signal:
        assert signal_phrase(analysis, series) is None
        assert judgement(analysis, series).startswith("Ingen signal")


def test_hela_veckor_och_manader_slutar_fore_den_pagaende():
    weeks = whole_weeks(date(2026, 11, 25))  # a Wednesday: the week of 23 November is not over
    assert weeks[-1].period.end == date(2026, 11, 22) and len(weeks) == 26
    months = whole_months(date(2026, 11, 30))
    assert months[-1].period == months[-1].period.__class__(date(2026, 11, 1), date(2026, 11, 30))


def test_en_enda_korsning_sags_som_en_gang():
    weeks = whole_weeks(date(2026, 11, 22))
    low, high = weeks[:13], weeks[13:]  # one step up in the middle: the curve crosses the median once
    days = [w.period.start for w in low] + [w.period.start + timedelta(days=i % 7) for w in high for i in range(6)]
    series = count_series("week", days, weeks)
    analysis = runs_analysis(series.values)
    assert analysis.crossings == 1
    text = judgement(analysis, series)
    assert "korsar medianen" in text and "bara en gång" in text and "1 gånger" not in text
