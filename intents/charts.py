"""Matplotlib on the Agg backend (no display needed): shared colours and PNG output for the digest and the annual report."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from intents.messages import Chart  # noqa: E402

AREA_COLOURS = {"fall": "#1f77b4", "läkemedel": "#d62728", "trycksår": "#9467bd", "larm": "#ff7f0e",
                "övrigt": "#7f7f7f"}
PREVIOUS_YEAR_COLOUR = "#b0b0b0"
THIS_YEAR_COLOUR = "#1f77b4"
MEDIAN_COLOUR = "#555555"
SIGNAL_COLOUR = "#d62728"


def new_figure(width: float = 8, height: float = 4.5) -> tuple[Figure, plt.Axes]:
    figure = Figure(figsize=(width, height), dpi=110)
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
    return figure, axes


def figure_png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def chart_png(chart: Chart) -> bytes:
    """A small chart of a statistics answer: a line for a series over time, else horizontal bars."""
    figure, axes = new_figure(7, 3.6)
    if chart.over_time:
        positions = range(len(chart.values))
        axes.plot(positions, chart.values, marker="o", color=THIS_YEAR_COLOUR)
        if chart.median is not None:
            axes.axhline(chart.median, color=MEDIAN_COLOUR, linestyle="--", linewidth=1,
                         label=f"Median {chart.median:g}".replace(".", ","))
        if chart.highlighted:
            axes.plot(list(chart.highlighted), [chart.values[i] for i in chart.highlighted], "o",
                      color=SIGNAL_COLOUR, label="Signal")
        if chart.median is not None or chart.highlighted:
            axes.legend(frameon=False, fontsize=8, loc="upper left")
        step = max(1, len(chart.labels) // 8)
        axes.set_xticks(list(positions)[::step], chart.labels[::step], rotation=30, ha="right", fontsize=8)
        axes.set_ylim(bottom=0)
        axes.yaxis.get_major_locator().set_params(integer=True)
    else:
        rows = list(zip(chart.labels, chart.values))[::-1]  # largest at the top
        axes.barh([label for label, _ in rows], [n for _, n in rows], color=THIS_YEAR_COLOUR)
        axes.grid(axis="x", alpha=0.3)
        axes.grid(axis="y", visible=False)
    axes.set_title(chart.title, fontsize=10, loc="left", wrap=True)
    return figure_png(figure)
