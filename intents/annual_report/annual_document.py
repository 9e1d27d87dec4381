"""The annual statistics as a document: sections of short text, tables and charts, in Swedish.

Rendered to Markdown or HTML by `annual_markdown` and `annual_html`; both show the same content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from intents.annual_report import annual_charts
from intents.annual_report.annual_figures import AnnualFigures, Row
from intents.swedish_dates import MONTHS
from storage.annual_statistics import Completeness


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    caption: str = ""


@dataclass(frozen=True)
class Chart:
    name: str  # file name stem, e.g. "per-manad"
    title: str  # alt text and caption
    png: bytes


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class AnnualDocument:
    title: str
    intro: list[str]
    sections: list[Section]


def number(n: int | float) -> str:
    text = f"{n:,.0f}".replace(",", " ") if isinstance(n, int) or float(n).is_integer() else f"{n:.1f}"
    return text.replace(".", ",").replace("-", "−")


def change(row: Row) -> str:
    diff = row.this_year - row.last_year
    if diff == 0:
        return "oförändrat"
    sign = "+" if diff > 0 else "−"
    text = f"{sign}{number(abs(diff))}"
    if row.last_year:
        text += f" ({sign}{abs(diff) / row.last_year * 100:.0f} %)"
    return text


def share(part: int, whole: int) -> str:
    return "–" if whole == 0 else f"{part / whole * 100:.0f} %".replace(".", ",")


def _share_value(part: int, whole: int) -> float:
    return 0.0 if whole == 0 else part / whole * 100


def day_month(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def column_names(f: AnnualFigures) -> tuple[str, str]:
    """'2025', '2024' for a whole year; '2026 t.o.m. 23 november', '2025 t.o.m. 23 november' for a year
    still going on, so a partial year is never set beside a whole one."""
    if not f.partial:
        return str(f.year), str(f.year - 1)
    return f"{f.year} t.o.m. {day_month(f.last_day)}", f"{f.year - 1} t.o.m. {day_month(f.before_last_day)}"


def _year_table(first: str, rows: list[Row], f: AnnualFigures, total: Row | None = None) -> Table:
    header = [first, *column_names(f), "Förändring"]
    lines = [[r.name, number(r.this_year), number(r.last_year), change(r)] for r in rows]
    if total is not None:
        lines.append(["Totalt", number(total.this_year), number(total.last_year), change(total)])
    return Table(header, lines)


def _label(name: str) -> str:
    return name[:1].upper() + name[1:]


COMPLETENESS_STEPS = (
    ("Bedömda (lagrum satt)", "assessed"),
    ("Med händelseutredning", "investigated"),
    ("Med orsak", "with_cause"),
    ("Med åtgärd", "with_action"),
    ("Med återkoppling till den som rapporterade", "with_feedback"),
    ("Avslutade", "closed"),
)


def completeness_steps(now: Completeness, before: Completeness) -> list[tuple[str, int, float, float]]:
    return [(label, getattr(now, f), _share_value(getattr(now, f), now.total), _share_value(getattr(before, f), before.total))
            for label, f in COMPLETENESS_STEPS]


def _closure_text(f: AnnualFigures) -> str:
    if f.median_days_to_closure is None:
        return ("Tid från rapport till avslut: uppgift saknas – inga avslutsdatum är registrerade för "
                f"{f.year} års avvikelser.")
    before = ("" if f.median_days_last_year is None
              else f" ({f.year - 1}: {number(round(f.median_days_last_year, 1))} dagar)")
    return (f"Tid från rapport till avslut: hälften av avvikelserna var avslutade inom "
            f"{number(round(f.median_days_to_closure, 1))} dagar (median){before}. "
            f"Underlag: {number(f.closures_with_date)} avvikelser med registrerat avslutsdatum.")


SKR_NOTE = ("Rubrikerna följer SKR:s mall för patientsäkerhetsberättelsen (avvikelser, klagomål och synpunkter, "
            "händelser anmälda till IVO, egenkontroll), så att avsnitten kan klistras in före 1 mars.")


def period_words(f: AnnualFigures) -> str:
    """What the figures cover, in words, with the comparison."""
    if f.partial:
        return (f"Siffrorna gäller händelser som inträffade 1 januari–{day_month(f.last_day)} {f.year} – året är inte "
                f"slut – jämförda med samma dagar året före, 1 januari–{day_month(f.before_last_day)} {f.year - 1}.")
    return f"Siffrorna gäller händelser som inträffade under {f.year}, jämförda med hela {f.year - 1}."


def _without_data(f: AnnualFigures) -> AnnualDocument:
    if f.last_day.year < f.year:
        why = f"{f.year} har inte börjat än."
    elif f.first_report is None:
        why = "Det finns inga rapporter alls i omsorgsboten än."
    else:
        why = (f"Det finns inga rapporter om händelser under {f.year} i omsorgsboten"
               f"{'' if f.first_report.year > f.year else ''} – den tidigaste händelsen är från "
               f"{f.first_report.day} {MONTHS[f.first_report.month - 1]} {f.first_report.year}.")
    return AnnualDocument(title=f"Avvikelser och synpunkter {f.year} – statistik till kvalitetsberättelsen",
                          intro=[why, "Ingen statistik kan tas fram för året, och inga jämförelser görs."], sections=[])


def build_annual_document(f: AnnualFigures) -> AnnualDocument:
    if not f.has_data:
        return _without_data(f)
    y, p = f.year, f.year - 1
    now_name, before_name = column_names(f)
    summary = Section("Sammanfattning", tables=[_year_table("", [f.avvikelser, f.synpunkter, f.severe, f.lex_sarah,
                                                                  f.lex_maria], f)])
    summary.paragraphs.append(f"Avvikelser {now_name}: {number(f.avvikelser.this_year)} ({before_name}: "
                              f"{number(f.avvikelser.last_year)}). Synpunkter och klagomål: "
                              f"{number(f.synpunkter.this_year)} ({before_name}: {number(f.synpunkter.last_year)}).")

    area_rows = [Row(_label(r.name), r.this_year, r.last_year) for r in f.avvikelser_by_area]
    areas = Section("Avvikelser per område", tables=[_year_table("Område", area_rows, f, f.avvikelser)],
                    charts=[Chart("per-omrade", f"Avvikelser per område {now_name} och {before_name}",
                                  annual_charts.area_chart(f))])
    units = Section("Avvikelser per enhet", tables=[_year_table("Enhet", f.avvikelser_by_unit, f, f.avvikelser)],
                    charts=[Chart("per-enhet", f"Avvikelser per enhet {now_name} och {before_name}",
                                  annual_charts.unit_chart(f))])
    month_rows = [Row(_label(MONTHS[int(r.name) - 1]), r.this_year, r.last_year) for r in f.avvikelser_by_month]
    months = Section("Avvikelser per månad", tables=[_year_table("Månad", month_rows, f, f.avvikelser)],
                     charts=[Chart("per-manad", f"Avvikelser per månad {now_name} och {before_name}",
                                   annual_charts.month_chart(f))])
    if f.partial:
        months.paragraphs.append(f"Månaden {MONTHS[f.last_day.month - 1]} räknas t.o.m. den "
                                 f"{f.last_day.day} båda åren.")

    syn_area_rows = [Row(_label(r.name), r.this_year, r.last_year) for r in f.synpunkter_by_area]
    synpunkter = Section("Klagomål och synpunkter", paragraphs=[
        "Synpunkter och klagomål från brukare, anhöriga, personal och andra."],
        tables=[_year_table("Område", syn_area_rows, f, f.synpunkter),
                _year_table("Enhet", f.synpunkter_by_unit, f, f.synpunkter)])

    lex = Section("Händelser anmälda till IVO: allvarliga händelser, lex Sarah och lex Maria", paragraphs=[
        "Antal rapporter som boten eller rapportören flaggade, och av dem de som enligt den registrerade "
        "bedömningen ska anmälas eller har anmälts till IVO. Om en händelse anmäls avgör ansvariga (chef, SAS "
        "och MAS); en kandidat utan bedömning är inte anmäld."],
        tables=[_year_table("", [f.severe, f.lex_sarah, f.lex_sarah_reported, f.lex_maria, f.lex_maria_reported], f)])

    steps = completeness_steps(f.completeness, f.completeness_last_year)
    handled = Section("Egenkontroll: hur avvikelserna har hanterats", paragraphs=[
        f"Andel av de {number(f.completeness.total)} avvikelserna ({now_name}) som har nått varje steg "
        f"({before_name}: {number(f.completeness_last_year.total)} avvikelser).", _closure_text(f)],
        tables=[Table(["Steg", f"Antal {now_name}", f"Andel {now_name}", f"Andel {before_name}"],
                      [[label, number(n), share(n, f.completeness.total),
                        share(getattr(f.completeness_last_year, field_name), f.completeness_last_year.total)]
                       for (label, n, _, _), (_, field_name) in zip(steps, COMPLETENESS_STEPS)])],
        charts=[Chart("hantering", "Hur långt avvikelserna har hanterats",
                      annual_charts.completeness_chart(f, [(s[0], s[2], s[3]) for s in steps]))])

    return AnnualDocument(
        title=f"Avvikelser och synpunkter {y}{' (hittills)' if f.partial else ''} – statistik till kvalitetsberättelsen",
        intro=[period_words(f) + " Underlaget är rapporterna i omsorgsboten; beskrivningarna är avidentifierade. "
               "Rapporter som markerats som dubbletter (samma händelse rapporterad igen) räknas inte: "
               f"{number(f.duplicates.this_year)} ({before_name}: {number(f.duplicates.last_year)}).", SKR_NOTE],
        sections=[summary, areas, units, months, synpunkter, lex, handled],
    )
