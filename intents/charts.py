"""Matplotlib on the Agg backend (no display needed): shared colours and PNG output for the digest and the annual report."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

AREA_COLOURS = {"fall": "#1f77b4", "läkemedel": "#d62728", "trycksår": "#9467bd", "larm": "#ff7f0e",
                "övrigt": "#7f7f7f"}
PREVIOUS_YEAR_COLOUR = "#b0b0b0"
THIS_YEAR_COLOUR = "#1f77b4"


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
