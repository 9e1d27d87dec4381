"""The weekly digest in short Swedish lines: readable in a chat, in a terminal and aloud in a committee."""

from __future__ import annotations

from datetime import datetime

from intents.digest.comparison import ARROW_LEGEND, Comparison, format_mean
from intents.digest.weekly_figures import CHART_WEEKS, WeeklyFigures
from intents.stage_times import STAGES, duration, feedback_line, table_line
from storage.timestamps import to_stockholm

LATE_MARK = "Försenad sammanfattning"
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def _label(name: str) -> str:
    return name[:1].upper() + name[1:]


def _line(row: Comparison, indent: str = "  ") -> str:
    return f"{indent}{_label(row.name)}: {row.count} (snitt {format_mean(row.mean_before)}) {row.arrow}"


def _section(title: str, rows: list[Comparison]) -> list[str]:
    shown = [r for r in rows if r.count or r.mean_before]
    return [title] + [_line(r) for r in shown] if shown else []


def _late_line(scheduled_for: datetime | None) -> str:
    if scheduled_for is None:
        return f"⏰ {LATE_MARK}: boten var inte igång när den skulle skickas."
    local = to_stockholm(scheduled_for)
    return (f"⏰ {LATE_MARK}: den skulle ha kommit {WEEKDAYS[local.weekday()]} {local.day}/{local.month} "
            f"kl {local:%H.%M}, men boten var inte igång.")


def _title(figures: WeeklyFigures) -> str:
    where = f" för {figures.scope_name}" if figures.scope_name else ""
    return f"📋 Veckosammanfattning{where} – {figures.week.describe()}"


def _unassessed_line(older: dict[int, int]) -> str | None:
    week, fortnight, month = older.get(7, 0), older.get(14, 0), older.get(30, 0)
    if not week:
        return None
    more = f", varav {fortnight} äldre än 14 dagar och {month} äldre än 30 dagar" if fortnight else ""
    return f"Ej bedömda avvikelser: {week} har väntat mer än 7 dagar{more}."


def _serious_lines(figures: WeeklyFigures) -> list[str]:
    if not figures.serious_total:
        return ["Allvarliga händelser och möjliga lex Sarah/lex Maria: inga."]
    lines = [f"Allvarliga händelser och möjliga lex Sarah/lex Maria: {figures.serious_total}"]
    for r in figures.serious:
        lines.append(f"  • {r.reference} · {r.unit} · {r.area} · {', '.join(r.reasons)}: ”{r.summary}”")
    if figures.serious_total > len(figures.serious):
        lines.append(f"  … och {figures.serious_total - len(figures.serious)} till.")
    return lines


def _synpunkter_line(figures: WeeklyFigures) -> str:
    row = figures.synpunkter
    areas = ", ".join(f"{area} {n}" for area, n in figures.synpunkter_by_area)
    return f"Synpunkter: {row.count} (snitt {format_mean(row.mean_before)}) {row.arrow}" + (f" – {areas}" if areas else "")


UNITS_IN_STAGES = 8


def _stage_lines(figures: WeeklyFigures) -> list[str]:
    stages = figures.stages
    if stages is None or not stages.total.reports:
        return []
    total = stages.total
    medians = ", ".join(f"{label} {duration(m)}" for (_, label), m in zip(STAGES, total.medians_days))
    lines = ["", f"Tid per steg för avvikelser rapporterade de senaste {CHART_WEEKS} veckorna ({total.reports} st), "
                 f"median från rapport: {medians}.", feedback_line(total)]
    if len(stages.by_unit) > 1:
        lines.append("Per enhet (första hantering / åtgärd / återkoppling):")
        lines += [table_line(f) for f in stages.by_unit[:UNITS_IN_STAGES]]
        if len(stages.by_unit) > UNITS_IN_STAGES:
            lines.append(f"  … och {len(stages.by_unit) - UNITS_IN_STAGES} enheter till.")
    if len(stages.by_area) > 1:
        lines.append("Per område (första hantering / åtgärd / återkoppling):")
        lines += [table_line(f) for f in stages.by_area]
    return lines


def quiet_digest_text(figures: WeeklyFigures, *, late: bool = False, scheduled_for: datetime | None = None) -> str:
    lines = [_late_line(scheduled_for)] if late else []
    where = f" på {figures.scope_name}" if figures.scope_name else ""
    lines.append(f"🌱 En lugn vecka{where} – {figures.week.describe()}: inga avvikelser och inga allvarliga "
                 "händelser rapporterades. Tack för ert arbete!")
    if figures.synpunkter.count:
        lines.append(f"Synpunkter: {figures.synpunkter.count}.")
    unassessed = _unassessed_line(figures.unassessed_older_than)
    if unassessed:
        lines.append(unassessed)
    if figures.off_target:
        lines.append(f"Indikatorer under målvärdet: {len(figures.off_target)}.")
    return "\n".join(lines)


def digest_text(figures: WeeklyFigures, *, late: bool = False, scheduled_for: datetime | None = None) -> str:
    """The whole digest; a quiet week gets the short positive one."""
    if figures.quiet:
        return quiet_digest_text(figures, late=late, scheduled_for=scheduled_for)
    lines = [_late_line(scheduled_for)] if late else []
    lines += [_title(figures), "", _line(figures.avvikelser, indent="").replace("Avvikelser:", "Avvikelser totalt:")]
    lines += _section("Per område:", figures.by_area)
    if figures.scope_name is None or len(figures.by_unit) > 1:
        lines += _section("Per enhet:", figures.by_unit)
    lines += _section("Per HSL-område (MAS):", figures.by_hsl_area)
    lines += ["", _synpunkter_line(figures), ""]
    lines += _serious_lines(figures)
    if figures.signals:
        lines += ["", "Signaler i körscheman (avvikelser per vecka, 26 veckor, Anhøjs regler):"]
        lines += [f"  {line}" for line in figures.signals]
    lines.append("")
    lines.append(_unassessed_line(figures.unassessed_older_than) or "Ej bedömda avvikelser äldre än 7 dagar: inga.")
    lines.append(f"Utan återkoppling till den som rapporterade: {figures.without_feedback} "
                 f"(av händelserna de senaste {CHART_WEEKS} veckorna).")
    lines += _stage_lines(figures)
    if figures.duplicates:
        lines.append(f"Dubbletter (samma händelse rapporterad igen) som inte räknats ovan: {figures.duplicates}.")
    if figures.off_target:
        lines += ["", "Indikatorer under målvärdet:"] + [f"  {line}" for line in figures.off_target]
    lines += ["", ARROW_LEGEND + ".", "Boten flaggar bara – ni bedömer."]
    return "\n".join(lines)
