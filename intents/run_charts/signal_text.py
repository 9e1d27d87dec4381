"""Run-chart results in short Swedish sentences a quality professional can check: the median,
the longest run and the crossings against their limits, and "signal" only when a rule fires."""

from __future__ import annotations

from intents.run_charts.anhoej import MIN_USEFUL, Run, RunsAnalysis
from intents.run_charts.series import CountSeries

_UNIT = {"week": ("vecka", "veckor"), "month": ("månad", "månader")}
RULES_NOTE = ("Signalreglerna är Anhøjs: en ovanligt lång serie på samma sida om medianen, eller ovanligt få "
              "korsningar av den, med gränser efter antalet punkter (falsklarm runt 5 %).")


def decimal(value: float) -> str:
    return (f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}").replace(".", ",")


def _units(series: CountSeries, n: int) -> str:
    one, many = _UNIT[series.scale]
    return one if n == 1 else many


def _direction(run: Run) -> str:
    return "ökning" if run.side > 0 else "minskning"


def _side(run: Run) -> str:
    return "över" if run.side > 0 else "under"


def signal_phrase(analysis: RunsAnalysis, series: CountSeries) -> str | None:
    """'signal om ökning sedan vecka 38' for a shift still going on, None when no rule fires or the
    shift has ended (the weekly digest shows only what is going on now)."""
    run = analysis.current_shift
    if run is None:
        return None
    return f"signal om {_direction(run)} sedan {series.buckets[run.first].name}"


def judgement(analysis: RunsAnalysis, series: CountSeries) -> str:
    """One or two sentences: the signal and why, or why there is none."""
    median = decimal(analysis.median)
    if analysis.useful < MIN_USEFUL:
        return (f"För få punkter för att bedöma: {analysis.useful} av {len(series.values)} ligger inte på "
                f"medianen {median}, och reglerna behöver minst {MIN_USEFUL}.")
    if not analysis.analysable:
        return (f"Medianen är {median} – för få händelser per {_UNIT[series.scale][0]} för att se en signal "
                "(alla punkter som inte ligger på medianen hamnar på samma sida).")
    lines = []
    current = analysis.current_shift
    for run in analysis.signal_runs:
        n = run.length
        first, last = series.buckets[run.first].name, series.buckets[run.last].name
        if run is current:
            lines.append(f"Signal om {_direction(run)} sedan {first}: {n} {_units(series, n)} i rad {_side(run)} "
                         f"medianen {median} (fler än {analysis.longest_run_max} i rad är osannolikt av en slump vid "
                         f"{analysis.useful} punkter).")
        else:
            lines.append(f"Signal om en {_direction(run)} {first}–{last}: {n} {_units(series, n)} i rad {_side(run)} "
                         f"medianen {median} (gränsen är {analysis.longest_run_max} vid {analysis.useful} punkter); "
                         "den har upphört.")
    if analysis.too_few_crossings:
        lines.append(f"Signal: kurvan korsar medianen {median} bara {_times(analysis.crossings)} (färre än "
                     f"{analysis.crossings_min} är osannolikt av en slump vid {analysis.useful} punkter) – "
                     "nivån har ändrats under perioden.")
    if lines:
        return " ".join(lines)
    return (f"Ingen signal: som längst {analysis.longest_run} {_units(series, analysis.longest_run)} i rad på samma "
            f"sida om medianen {median} (gräns {analysis.longest_run_max}), och kurvan korsar medianen "
            f"{_times(analysis.crossings)} (minst {analysis.crossings_min}). Variationen ryms i det vanliga.")


def _times(n: int) -> str:
    return "en gång" if n == 1 else f"{n} gånger"
