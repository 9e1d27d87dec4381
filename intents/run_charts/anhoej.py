"""Anhøj's rules for run charts (Anhøj & Olesen, PLoS ONE 2014): a series shows non-random
variation when its longest run on one side of the median is unusually long, or when it
crosses the median unusually few times. Points on the median are left out ("useful"
observations are the rest). With n useful points:

- shift: the longest run is longer than round(log2(n) + 3);
- crossings: there are fewer crossings than the 5 % quantile of Binomial(n − 1, 1/2).

Together they keep false signals near 5 % whatever the length of the series. The quantile
is computed exactly here (integers, no floating point), so the limits are the published ones.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

MIN_USEFUL = 10  # the tables start at 10 useful points; fewer say too little
CROSSINGS_QUANTILE = Fraction(5, 100)


def longest_run_limit(useful: int) -> int:
    """The longest run that is still ordinary: a longer one is a signal."""
    return round(math.log2(useful) + 3)


def binomial_quantile(probability: Fraction, trials: int) -> int:
    """The smallest k with P(X ≤ k) ≥ probability for X ~ Binomial(trials, 1/2), exactly (R's qbinom)."""
    if trials < 0:
        raise ValueError("trials must be 0 or more")
    total, cumulative = 2 ** trials, 0
    for k in range(trials + 1):
        cumulative += math.comb(trials, k)
        if Fraction(cumulative, total) >= probability:
            return k
    return trials


def crossings_limit(useful: int) -> int:
    """The fewest crossings that are still ordinary: fewer is a signal."""
    return binomial_quantile(CROSSINGS_QUANTILE, useful - 1)


@dataclass(frozen=True)
class Run:
    """Consecutive useful points on one side of the median (points on the median do not break it)."""

    first: int  # index in the series of its first point
    last: int  # index of its last point
    side: int  # +1 above the median, −1 below
    length: int  # useful points in it


@dataclass(frozen=True)
class RunsAnalysis:
    values: tuple[float, ...]
    median: float
    useful: int
    runs: tuple[Run, ...]
    longest_run: int
    longest_run_max: int
    crossings: int
    crossings_min: int

    @property
    def analysable(self) -> bool:
        """Enough useful points, on both sides of the median (a median at the lowest value, as with
        mostly empty weeks, leaves every useful point above it and says nothing)."""
        sides = {run.side for run in self.runs}
        return self.useful >= MIN_USEFUL and sides == {1, -1}

    @property
    def shift(self) -> bool:
        return self.analysable and self.longest_run > self.longest_run_max

    @property
    def too_few_crossings(self) -> bool:
        return self.analysable and self.crossings < self.crossings_min

    @property
    def signal(self) -> bool:
        return self.shift or self.too_few_crossings

    @property
    def current_run(self) -> Run | None:
        """The run the latest useful point belongs to."""
        return self.runs[-1] if self.runs else None

    @property
    def current_shift(self) -> Run | None:
        """The latest run when it alone is unusually long: a shift that is still going on."""
        run = self.current_run
        if self.shift and run is not None and run.length > self.longest_run_max:
            return run
        return None

    @property
    def signal_runs(self) -> tuple[Run, ...]:
        """The runs that are longer than the limit (empty without a shift)."""
        if not self.shift:
            return ()
        return tuple(run for run in self.runs if run.length > self.longest_run_max)


def runs_analysis(values: Sequence[float], centre: float | None = None) -> RunsAnalysis:
    """The runs of `values` around their median (or around `centre`, e.g. a baseline's median)."""
    series = tuple(float(v) for v in values)
    median = float(statistics.median(series)) if centre is None and series else float(centre or 0.0)
    runs: list[Run] = []
    for index, value in enumerate(series):
        side = (value > median) - (value < median)
        if side == 0:
            continue
        if runs and runs[-1].side == side:
            last = runs[-1]
            runs[-1] = Run(last.first, index, side, last.length + 1)
        else:
            runs.append(Run(index, index, side, 1))
    useful = sum(run.length for run in runs)
    return RunsAnalysis(
        values=series, median=median, useful=useful, runs=tuple(runs),
        longest_run=max((run.length for run in runs), default=0),
        longest_run_max=longest_run_limit(useful) if useful else 0,
        crossings=max(len(runs) - 1, 0),
        crossings_min=crossings_limit(useful) if useful else 0,
    )
