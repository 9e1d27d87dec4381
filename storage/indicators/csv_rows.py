"""Reading indicator values from CSV: columns indicator, period, unit (or scope), value.

Comma or semicolon separated, UTF-8 with or without BOM (Windows-1252 as a fallback for old
Excel exports), decimal comma allowed ("87,5"). Nothing here touches the database: rows come
out as raw text with their line numbers, problems as Swedish reasons.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

HEADER_NAMES = {
    "indicator": ("indicator", "indikator", "indicator_id", "id", "kpi"),
    "period": ("period", "år", "ar", "year"),
    "scope": ("unit", "scope", "enhet", "kommun"),
    "value": ("value", "värde", "varde"),
}
MISSING_MARKERS = {"", "-", "..", "null", "na", "saknas"}


class IndicatorFileError(Exception):
    """The file as a whole cannot be read; nothing from it is imported."""


@dataclass(frozen=True)
class RawRow:
    where: str  # "rad 7" / "post 3 (U21468, 2024)": how a person finds the row again
    indicator: str
    period: object
    scope: str
    value: float | None  # None: missing in the source, never zero


@dataclass(frozen=True)
class RowProblem:
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ParsedFile:
    rows: list[RawRow]
    problems: list[RowProblem]
    notes: list[str]


def decode(data: bytes) -> tuple[str, str | None]:
    """Text and an optional note about the encoding."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return data.decode("cp1252"), "filen var inte UTF-8 – läste den som Windows-1252 (Excel)"


def parse_number(text: str) -> float:
    """'87,5', '87.5', '87,5 %', '1 234,5' -> float; ValueError otherwise."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).removesuffix("%")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"[-+]?\d+(\.\d+)?", cleaned):
        raise ValueError(text)
    return float(cleaned)


def _column_map(header: list[str]) -> dict[str, int]:
    folded = [h.strip().casefold() for h in header]
    found: dict[str, int] = {}
    for key, names in HEADER_NAMES.items():
        for index, name in enumerate(folded):
            if name in names:
                found[key] = index
                break
    return found


def parse_indicator_csv(data: bytes) -> ParsedFile:
    text, note = decode(data)
    notes = [note] if note else []
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise IndicatorFileError("filen är tom")
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") and ";" in lines[0] else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise IndicatorFileError(f"rad 1: {exc}") from None
    columns = _column_map(header)
    missing = [k for k in ("indicator", "period", "value") if k not in columns]
    if missing:
        names = {"indicator": "indicator", "period": "period", "value": "value"}
        raise IndicatorFileError(
            "rad 1: kolumnerna " + ", ".join(names[m] for m in missing) + " saknas – rubrikraden ska vara "
            f"indicator{delimiter}period{delimiter}unit{delimiter}value")
    rows: list[RawRow] = []
    problems: list[RowProblem] = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            where = f"rad {line}"
            cells = {k: (record[i].strip() if i < len(record) else "") for k, i in columns.items()}
            if not cells["indicator"]:
                problems.append(RowProblem(where, "indikator saknas"))
                continue
            raw_value = cells["value"]
            if raw_value.casefold() in MISSING_MARKERS:
                notes.append(f"{where}: värdet saknas – raden hoppas över (saknat värde är inte noll)")
                continue
            try:
                value = parse_number(raw_value)
            except ValueError:
                problems.append(RowProblem(where, f"värdet ”{raw_value}” är inget tal"))
                continue
            rows.append(RawRow(where, cells["indicator"], cells["period"], cells.get("scope", ""), value))
    except csv.Error as exc:
        raise IndicatorFileError(f"rad {reader.line_num}: {exc}") from None
    return ParsedFile(rows, problems, notes)
