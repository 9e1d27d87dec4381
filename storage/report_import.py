"""Import of historic reports from CSV (e.g. exported from the system in use today).

The whole file is read and checked first; then all valid rows are written in one
transaction, as inserts or updates keyed on the reference, so importing the same file
again changes nothing. Errors are named by line and column, in Swedish.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, update
from sqlmodel import Session, select

from storage import report_columns as cols
from storage.cell_safety import restore_formula, without_unsafe_characters
from storage.models import Report, ReportEvent
from storage.people import get_or_create_person
from storage.timestamps import utc_now
from storage.units import get_or_create_unit, name_key
from storage.vocabulary import Area, Source

MAX_FIELD_CHARS = 100_000
BATCH = 2_000

Masker = Callable[[str], str]
Classifier = Callable[[str], str]


class ImportFileError(Exception):
    """The file as a whole cannot be read (encoding, header, broken quoting); nothing is imported."""


@dataclass(frozen=True)
class RowError:
    line: int
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = f"rad {self.line}" + (f", kolumn {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


@dataclass
class ImportResult:
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: bool = False


@dataclass
class _Row:
    line: int
    values: dict[str, Any]
    unit_name: str
    reporter: str | None


def _decode(data: bytes) -> str:
    nul = data.find(b"\x00")
    if nul != -1:  # UTF-16 ("Unicode-text" in Excel) has a NUL in almost every character; text never does
        line = data[:nul].count(b"\n") + 1
        raise ImportFileError(
            f"Filen innehåller nolltecken (det första på rad {line}), så den är troligen sparad som UTF-16 "
            "(”Unicode-text”). Spara den som ”CSV UTF-8” och försök igen."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(
            f"Filen är inte UTF-8 (första felaktiga tecknet på rad {line}). "
            "Spara den som ”CSV UTF-8” och försök igen."
        ) from None


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _csv_problem(exc: csv.Error) -> str:
    """The csv module's English error, said in Swedish with what to do about it."""
    message = str(exc)
    if "field larger than field limit" in message:
        return (f"ett fält är längre än {csv.field_size_limit()} tecken – oftast ett citattecken som aldrig "
                "stängs. Kontrollera citattecknen.")
    if "unexpected end of data" in message:
        return "ett citattecken öppnas men stängs aldrig före filens slut. Kontrollera citattecknen."
    if "expected after" in message:
        return "efter ett avslutande citattecken måste fältet ta slut. Kontrollera citattecknen."
    return f"filen kan inte läsas som CSV ({message}). Kontrollera citattecknen."


def _records(text: str) -> Iterable[tuple[int, list[str]]]:
    """CSV records with the physical line each starts on; blank lines are skipped."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line), strict=True)
    previous_end = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(f"Rad {previous_end + 1}: {_csv_problem(exc)}") from None
        start, previous_end = previous_end + 1, reader.line_num
        if record and any(cell.strip() for cell in record):
            yield start, record


def _header(record: list[str]) -> list[str]:
    header = [cell.strip().lstrip("\ufeff").casefold() for cell in record]
    missing = [c for c in cols.REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ImportFileError(
            "Kolumn saknas i rubrikraden: " + ", ".join(missing)
            + ". Obligatoriska kolumner: " + ", ".join(cols.REQUIRED_COLUMNS) + "."
        )
    duplicates = sorted({c for c in header if c and header.count(c) > 1})
    if duplicates:
        raise ImportFileError("Kolumnen finns flera gånger i rubrikraden: " + ", ".join(duplicates) + ".")
    return header


def derived_reference(values: dict[str, Any], unit_name: str) -> str:
    """A stable reference for a row that has none, from what identifies the event."""
    key = "|".join([values["occurred_at"].isoformat(), values["kind"], name_key(unit_name), values["description"]])
    return "IMP-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12].upper()


_PARSERS: dict[str, Callable[[str], Any]] = {
    "kind": cols.parse_kind,
    "area": cols.parse_area,
    "severity": cols.parse_consequence,
    "status": cols.parse_status,
    "lagrum": cols.parse_lagrum,
    "source": cols.parse_source,
    "occurred_precision": cols.parse_precision,
    "secondary_areas": cols.parse_areas,
    **{c: cols.parse_moment for c in cols.TIME_COLUMNS},
    **{c: (lambda v, c=c: cols.parse_flag(v, c)) for c in cols.FLAG_COLUMNS},
}
_FIELD_FOR_COLUMN = {"severity": "consequence", "lex_sarah": "lex_sarah_candidate", "lex_maria": "lex_maria_candidate"}


def _parse_row(line: int, header: list[str], record: list[str], mask: Masker) -> _Row | RowError:
    if len(record) > len(header):
        return RowError(line, None, f"raden har {len(record)} fält men rubrikraden {len(header)}")
    cells = dict(zip(header, record + [""] * (len(header) - len(record))))
    values: dict[str, Any] = {}
    for column in cols.ALL_COLUMNS:
        raw = without_unsafe_characters(restore_formula(cells.get(column, "")))
        if len(raw) > MAX_FIELD_CHARS:
            return RowError(line, column, f"fältet är för långt ({len(raw)} tecken, högst {MAX_FIELD_CHARS})")
        if not raw.strip():
            if column in cols.REQUIRED_COLUMNS:
                return RowError(line, column, "värde saknas")
            continue
        try:
            parsed = _PARSERS.get(column, str.strip)(raw)
        except cols.CellError as exc:
            return RowError(line, column, str(exc))
        values[_FIELD_FOR_COLUMN.get(column, column)] = parsed
    unit_name = " ".join(values.pop("unit").split())
    reporter = values.pop("reporter", None)
    for text_field in ("description", "immediate_action", "investigation", "cause", "action", "feedback"):
        if text_field in values:
            values[text_field] = mask(values[text_field])
    values.setdefault("reported_at", values["occurred_at"])
    values.setdefault("source", Source.IMPORT.value)
    values.setdefault("severe", values.get("consequence") == "allvarlig")
    reference = values.pop("reference", None)
    values["reference"] = reference.upper() if reference else derived_reference(values, unit_name)
    return _Row(line, values, unit_name, reporter)


def read_rows(data: bytes, mask: Masker) -> tuple[list[_Row], list[RowError]]:
    """Parse and check every row; raises ImportFileError for problems with the whole file."""
    text = _decode(data)
    records = _records(text)
    first = next(records, None)
    if first is None:
        raise ImportFileError("Filen är tom: rubrikraden saknas.")
    header = _header(first[1])
    rows: list[_Row] = []
    errors: list[RowError] = []
    for line, record in records:
        parsed = _parse_row(line, header, record, mask)
        (errors if isinstance(parsed, RowError) else rows).append(parsed)
    return rows, errors


_COMPARED = ("kind", "area", "secondary_areas", "unit_id", "occurred_at", "reported_at", "reporter_id",
             "description", "immediate_action", "consequence", "severe", "lex_sarah_candidate",
             "lex_maria_candidate", "given_by", "contact_wanted", "status", "lagrum", "investigation",
             "cause", "action", "feedback", "assessed_at", "feedback_at", "closed_at", "source", "occurred_precision")


def _complete(values: dict[str, Any]) -> dict[str, Any]:
    """Fill the defaults a new row gets, so a re-import compares equal field by field."""
    defaults = {"area": Area.OVRIGT.value, "secondary_areas": [], "immediate_action": None, "consequence": None,
                "lex_sarah_candidate": False, "lex_maria_candidate": False, "given_by": None,
                "contact_wanted": None, "status": "ny", "lagrum": None, "investigation": None, "cause": None,
                "action": None, "feedback": None, "assessed_at": None, "feedback_at": None, "closed_at": None,
                "reporter_id": None, "occurred_precision": None}
    return {**defaults, **values}


@dataclass
class ParsedFile:
    rows: list[_Row]
    errors: list[RowError]

    @property
    def references(self) -> int:
        return len({row.values["reference"] for row in self.rows})


def parse_file(data: bytes, mask: Masker) -> ParsedFile:
    """Parse and check every row; raises ImportFileError for problems with the whole file."""
    return ParsedFile(*read_rows(data, mask))


def import_reports(
    *,
    session: Session,
    data: bytes,
    mask: Masker,
    classify: Classifier | None = None,
    strict: bool = False,
) -> ImportResult:
    """Read, check and write a CSV file of reports. Raises ImportFileError before writing anything."""
    return write_parsed(session=session, parsed=parse_file(data, mask), classify=classify, strict=strict)


def write_parsed(
    *,
    session: Session,
    parsed: ParsedFile,
    classify: Classifier | None = None,
    strict: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Write checked rows in the caller's transaction: insert new references, update changed ones."""
    rows, errors = parsed.rows, parsed.errors
    result = ImportResult(rows_read=len(rows) + len(errors), errors=errors)
    if errors and strict:
        return result

    by_reference: dict[str, _Row] = {}
    for row in rows:  # the same reference twice in one file: the later row wins
        by_reference[row.values["reference"]] = row

    unit_ids: dict[str, int] = {}
    reporter_ids: dict[str, int] = {}
    for row in by_reference.values():
        key = name_key(row.unit_name)
        if key not in unit_ids:
            unit_ids[key] = get_or_create_unit(session=session, name=row.unit_name).id
        row.values["unit_id"] = unit_ids[key]
        if row.reporter:
            if row.reporter not in reporter_ids:
                reporter_ids[row.reporter] = get_or_create_person(session=session, platform_user_id=row.reporter).id
            row.values["reporter_id"] = reporter_ids[row.reporter]
        if "area" not in row.values and classify is not None:
            row.values["area"] = classify(row.values["description"])

    references = list(by_reference)
    now = utc_now()
    done = 0
    for start in range(0, len(references), BATCH):
        chunk = references[start : start + BATCH]
        existing = {
            r.reference: r
            for r in session.exec(select(Report).where(Report.reference.in_(chunk)))  # type: ignore[attr-defined]
        }
        new_rows = [_complete(by_reference[ref].values) | {"updated_at": now} for ref in chunk if ref not in existing]
        if new_rows:
            ids = session.execute(insert(Report).returning(Report.id, sort_by_parameter_order=True), new_rows).scalars().all()
            session.execute(insert(ReportEvent), [
                {"report_id": rid, "at": now, "action": "imported", "new_value": row["reference"]}
                for rid, row in zip(ids, new_rows)
            ])
            result.created += len(new_rows)
        for ref, report in existing.items():
            wanted = _complete(by_reference[ref].values)
            diffs = {f: wanted[f] for f in _COMPARED if getattr(report, f) != wanted[f]}
            if not diffs:
                result.unchanged += 1
                continue
            history = [
                {"report_id": report.id, "at": now, "action": "changed", "field": f,
                 "old_value": None if getattr(report, f) is None else str(getattr(report, f)),
                 "new_value": None if v is None else str(v)}
                for f, v in diffs.items()
            ]
            session.execute(update(Report).where(Report.id == report.id).values(**diffs, updated_at=now))
            session.execute(insert(ReportEvent), history)
            result.updated += 1
        done += len(chunk)
        if progress:
            progress(done)
    session.flush()
    result.written = True
    return result


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"Filen kan inte läsas: {path} ({exc.strerror}).") from None


