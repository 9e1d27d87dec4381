"""The annual statistics as a document: sections of short text, tables and charts, in Swedish.

Rendered to Markdown or HTML by `annual_markdown` and `annual_html`; both show the same content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def _year_table(first: str, rows: list[Row], year: int, total: Row | None = None) -> Table:
    header = [first, str(year), str(year - 1), "Förändring"]
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


def build_annual_document(f: AnnualFigures) -> AnnualDocument:
    y, p = f.year, f.year - 1
    summary = Section("Sammanfattning", tables=[_year_table("", [f.avvikelser, f.synpunkter, f.severe, f.lex_sarah,
                                                                  f.lex_maria], y)])
    summary.paragraphs.append(f"Avvikelser {y}: {number(f.avvikelser.this_year)} ({p}: {number(f.avvikelser.last_year)}). "
                              f"Synpunkter och klagomål: {number(f.synpunkter.this_year)} "
                              f"({p}: {number(f.synpunkter.last_year)}).")

    area_rows = [Row(_label(r.name), r.this_year, r.last_year) for r in f.avvikelser_by_area]
    areas = Section("Avvikelser per område", tables=[_year_table("Område", area_rows, y, f.avvikelser)],
                    charts=[Chart("per-omrade", f"Avvikelser per område {y} och {p}", annual_charts.area_chart(f))])
    units = Section("Avvikelser per enhet", tables=[_year_table("Enhet", f.avvikelser_by_unit, y, f.avvikelser)],
                    charts=[Chart("per-enhet", f"Avvikelser per enhet {y} och {p}", annual_charts.unit_chart(f))])
    month_rows = [Row(_label(MONTHS[int(r.name) - 1]), r.this_year, r.last_year) for r in f.avvikelser_by_month]
    months = Section("Avvikelser per månad", tables=[_year_table("Månad", month_rows, y, f.avvikelser)],
                     charts=[Chart("per-manad", f"Avvikelser per månad {y} och {p}", annual_charts.month_chart(f))])

    syn_area_rows = [Row(_label(r.name), r.this_year, r.last_year) for r in f.synpunkter_by_area]
    synpunkter = Section("Synpunkter och klagomål", paragraphs=[
        "Synpunkter och klagomål från brukare, anhöriga, personal och andra."],
        tables=[_year_table("Område", syn_area_rows, y, f.synpunkter),
                _year_table("Enhet", f.synpunkter_by_unit, y, f.synpunkter)])

    lex = Section("Allvarliga händelser, lex Sarah och lex Maria", paragraphs=[
        "Antal rapporter som boten eller rapportören flaggade. Det är kandidater: om en händelse "
        "anmäldes till IVO avgör ansvariga (chef, SAS och MAS)."],
        tables=[_year_table("", [f.severe, f.lex_sarah, f.lex_maria], y)])

    steps = completeness_steps(f.completeness, f.completeness_last_year)
    handled = Section("Hur avvikelserna har hanterats", paragraphs=[
        f"Andel av {y} års {number(f.completeness.total)} avvikelser som har nått varje steg "
        f"({p}: {number(f.completeness_last_year.total)} avvikelser).", _closure_text(f)],
        tables=[Table(["Steg", f"Antal {y}", f"Andel {y}", f"Andel {p}"],
                      [[label, number(n), share(n, f.completeness.total),
                        share(getattr(f.completeness_last_year, field_name), f.completeness_last_year.total)]
                       for (label, n, _, _), (_, field_name) in zip(steps, COMPLETENESS_STEPS)])],
        charts=[Chart("hantering", "Hur långt avvikelserna har hanterats",
                      annual_charts.completeness_chart(f, [(s[0], s[2], s[3]) for s in steps]))])

    return AnnualDocument(
        title=f"Avvikelser och synpunkter {y} – statistik till kvalitetsberättelsen",
        intro=[f"Siffrorna gäller händelser som inträffade under {y}, jämförda med {p}. "
               "Underlaget är rapporterna i omsorgsboten; beskrivningarna är avidentifierade. "
               "Rapporter som markerats som dubbletter (samma händelse rapporterad igen) räknas inte: "
               f"{number(f.duplicates.this_year)} ({p}: {number(f.duplicates.last_year)})."],
        sections=[summary, areas, units, months, synpunkter, lex, handled],
    )
