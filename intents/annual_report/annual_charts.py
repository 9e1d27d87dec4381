"""The annual report's charts as PNG: the year beside the year before."""

from __future__ import annotations

from intents.annual_report.annual_figures import AnnualFigures, Row
from intents.charts import PREVIOUS_YEAR_COLOUR, THIS_YEAR_COLOUR, figure_png, new_figure
from intents.swedish_dates import MONTHS


def _grouped_bars(rows: list[Row], labels: list[str], year: int, title: str, ylabel: str) -> bytes:
    figure, axes = new_figure()
    positions = range(len(rows))
    width = 0.4
    axes.bar([p - width / 2 for p in positions], [r.last_year for r in rows], width, label=str(year - 1),
             color=PREVIOUS_YEAR_COLOUR)
    axes.bar([p + width / 2 for p in positions], [r.this_year for r in rows], width, label=str(year),
             color=THIS_YEAR_COLOUR)
    axes.set_xticks(list(positions), labels, rotation=0 if len(rows) <= 6 else 30,
                    ha="center" if len(rows) <= 6 else "right")
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    axes.legend(frameon=False)
    return figure_png(figure)


def month_chart(figures: AnnualFigures) -> bytes:
    labels = [MONTHS[int(r.name) - 1][:3] for r in figures.avvikelser_by_month]
    return _grouped_bars(figures.avvikelser_by_month, labels, figures.year,
                         f"Avvikelser per månad {figures.year} och {figures.year - 1}", "Antal avvikelser")


def area_chart(figures: AnnualFigures) -> bytes:
    rows = figures.avvikelser_by_area
    return _grouped_bars(rows, [r.name.capitalize() for r in rows], figures.year,
                         f"Avvikelser per område {figures.year} och {figures.year - 1}", "Antal avvikelser")


def unit_chart(figures: AnnualFigures) -> bytes:
    rows = figures.avvikelser_by_unit
    return _grouped_bars(rows, [r.name for r in rows], figures.year,
                         f"Avvikelser per enhet {figures.year} och {figures.year - 1}", "Antal avvikelser")


def completeness_chart(figures: AnnualFigures, steps: list[tuple[str, float, float]]) -> bytes:
    """steps: (label, share this year, share last year) in percent."""
    figure, axes = new_figure(8, 4)
    positions = list(range(len(steps)))[::-1]
    height = 0.4
    axes.barh([p - height / 2 for p in positions], [s[2] for s in steps], height, label=str(figures.year - 1),
              color=PREVIOUS_YEAR_COLOUR)
    axes.barh([p + height / 2 for p in positions], [s[1] for s in steps], height, label=str(figures.year),
              color=THIS_YEAR_COLOUR)
    axes.set_yticks(positions, [s[0] for s in steps])
    axes.set_xlim(0, 100)
    axes.set_xlabel("Andel av årets avvikelser (%)")
    axes.set_title("Hur långt avvikelserna har hanterats")
    axes.grid(axis="x", alpha=0.3)
    axes.grid(axis="y", visible=False)
    axes.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)
    return figure_png(figure)
