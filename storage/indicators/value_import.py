"""Importing indicator values from CSV files and saved Kolada API v3 JSON pages.

Every file is read and checked first; then all valid rows are upserted in the caller's
transaction (one `session_scope`), so importing the same files again changes nothing.
Bad rows are named by line (CSV) or entry (Kolada) with a Swedish reason and left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from storage.indicators.csv_rows import IndicatorFileError, ParsedFile, RowProblem, parse_indicator_csv
from storage.indicators.definitions import IndicatorSpec, sync_indicator_definitions
from storage.indicators.kolada import COUNTRY_SCOPE, KoladaPage, looks_like_kolada, parse_kolada_json
from storage.indicators.periods import PeriodError, normalize_period
from storage.indicators.values import MUNICIPALITY, NewValue, UpsertCounts, upsert_indicator_values
from storage.units import get_unit_by_name

CSV_SOURCE = "import"
KOLADA_SOURCE = "Kolada"
MUNICIPALITY_WORDS = {"", "kommun", "kommunen", "hela kommunen", "municipality", "totalt", "alla"}
FILE_SUFFIXES = (".csv", ".json", ".txt")


@dataclass
class IndicatorImportResult:
    files: int = 0
    rows_read: int = 0
    counts: UpsertCounts = field(default_factory=UpsertCounts)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a directory stands for its .csv/.json files in name order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FILE_SUFFIXES)
        else:
            out.append(path)
    return out


class _Resolver:
    def __init__(self, session: Session, specs: list[IndicatorSpec]) -> None:
        self.session = session
        self.by_key: dict[str, IndicatorSpec] = {}
        for spec in specs:
            self.by_key[spec.id.casefold()] = spec
            self.by_key.setdefault(spec.name.casefold(), spec)
        self.by_kpi = {spec.kolada_kpi: spec for spec in specs if spec.kolada_kpi}
        self.units: dict[str, str | None] = {}

    def indicator(self, ref: str) -> IndicatorSpec | None:
        return self.by_key.get(ref.strip().casefold()) or self.by_kpi.get(ref.strip().upper())

    def scope(self, ref: str) -> str | None:
        key = " ".join(ref.split()).casefold()
        if key in MUNICIPALITY_WORDS:
            return MUNICIPALITY
        if key == COUNTRY_SCOPE:
            return COUNTRY_SCOPE
        if key not in self.units:
            unit = get_unit_by_name(session=self.session, name=ref)
            self.units[key] = unit.name if unit else None
        return self.units[key]


def _check_value(spec: IndicatorSpec, value: float) -> str | None:
    if spec.unit == "%" and not 0 <= value <= 100:
        return f"{value:g} % ligger utanför 0–100"
    if value < 0:
        return f"värdet {value:g} kan inte vara negativt"
    return None


def _read(path: Path, municipality: str | None) -> tuple[ParsedFile, bool]:
    data = path.read_bytes()
    if path.suffix.lower() == ".json" or (path.suffix.lower() != ".csv" and looks_like_kolada(data)):
        return parse_kolada_json(data, municipality=municipality, label=path.name), True
    parsed = parse_indicator_csv(data)
    parsed.problems = [RowProblem(f"{path.name}, {p.where}", p.reason) for p in parsed.problems]
    parsed.notes = [f"{path.name}, {note}" for note in parsed.notes]
    return parsed, False


def _pagination_notes(pages: list[tuple[Path, KoladaPage]]) -> list[str]:
    with_next = [path.name for path, page in pages if page.has_next_page]
    if not with_next:
        return []
    if len(pages) == 1:
        return [f"{with_next[0]} är en sida av flera (next_page finns) – hämta alla sidor och importera dem "
                "tillsammans, t.ex. hela katalogen."]
    if len(with_next) == len(pages):
        return [f"Alla {len(pages)} Kolada-sidor pekar på en nästa sida – den sista sidan verkar saknas."]
    return [f"{len(pages)} Kolada-sidor importerade tillsammans."]


def import_indicator_files(*, session: Session, paths: Iterable[Path], specs: list[IndicatorSpec],
                           municipality: str | None = None) -> IndicatorImportResult:
    """Import CSV and Kolada JSON files (or directories of them); definitions are synced first."""
    result = IndicatorImportResult()
    sync_indicator_definitions(session=session, specs=specs)
    resolver = _Resolver(session, specs)
    chosen: dict[tuple[str, str, str], NewValue] = {}
    kolada_pages: list[tuple[Path, KoladaPage]] = []
    for path in expand_paths(paths):
        result.files += 1
        try:
            parsed, is_kolada = _read(path, municipality)
        except (IndicatorFileError, OSError) as exc:
            result.problems.append(RowProblem(path.name, str(exc)))
            continue
        if is_kolada:
            kolada_pages.append((path, parsed))  # type: ignore[arg-type]
        result.problems += parsed.problems
        result.notes += parsed.notes
        for row in parsed.rows:
            result.rows_read += 1
            where = row.where if is_kolada else f"{path.name}, {row.where}"
            spec = resolver.indicator(row.indicator)
            if spec is None:
                if is_kolada:
                    result.notes.append(f"{where}: KPI {row.indicator} finns inte som kolada_kpi i "
                                        "indikatorerna – hoppas över")
                else:
                    result.problems.append(RowProblem(where, f"indikatorn ”{row.indicator}” finns inte"))
                continue
            if spec.source == "computed":
                result.problems.append(RowProblem(where, f"”{spec.name}” räknar boten själv fram – "
                                                         "den importeras inte"))
                continue
            try:
                period = normalize_period(row.period)
            except PeriodError as exc:
                result.problems.append(RowProblem(where, str(exc)))
                continue
            scope = resolver.scope(row.scope)
            if scope is None:
                result.problems.append(RowProblem(where, f"enheten ”{row.scope}” finns inte – skriv en befintlig "
                                                         "enhet eller ”kommun”"))
                continue
            if row.value is not None and (reason := _check_value(spec, row.value)):
                result.problems.append(RowProblem(where, reason))
                continue
            key = (spec.id, period, scope)
            if key in chosen:
                result.notes.append(f"{where}: {spec.id} {period} {scope} fanns redan tidigare – "
                                    "sista värdet gäller")
            chosen[key] = NewValue(spec.id, period, scope, row.value,
                                   KOLADA_SOURCE if is_kolada else CSV_SOURCE)
    result.notes += _pagination_notes(kolada_pages)
    result.counts = upsert_indicator_values(session=session, values=chosen.values())
    return result
