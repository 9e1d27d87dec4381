"""The digest's chart: avvikelser per area in each of the last 12 weeks, as a PNG."""

from __future__ import annotations

from intents.charts import AREA_COLOURS, figure_png, new_figure
from intents.digest.weekly_figures import AREAS, WeeklyFigures
from nlp_models.text.normalize import fold


def weekly_chart_png(figures: WeeklyFigures) -> bytes:
    figure, axes = new_figure()
    labels = [f"v{w.number}" for w, _ in figures.series]
    for area in AREAS:
        values = [counts.get(area, 0) for _, counts in figures.series]
        axes.plot(labels, values, marker="o", linewidth=2, label=area[:1].upper() + area[1:],
                  color=AREA_COLOURS.get(area))
    where = f" – {figures.scope_name}" if figures.scope_name else ""
    axes.set_title(f"Avvikelser per område, {len(labels)} veckor t.o.m. vecka {figures.week.number}{where}")
    axes.set_ylabel("Antal avvikelser")
    axes.set_ylim(bottom=0)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), frameon=False, ncols=5, fontsize="small")
    return figure_png(figure)


def chart_file_name(figures: WeeklyFigures) -> str:
    scope = "" if figures.scope_name is None else "-" + "-".join(
        "".join(ch if ch.isalnum() else " " for ch in fold(figures.scope_name)).split())
    return f"veckosammanfattning-{figures.week.label}{scope}.png"
