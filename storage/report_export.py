"""Export of all reports as CSV or JSON lines: the import columns first, then the rest."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import TextIO

from sqlmodel import Session, select

from storage import report_columns as cols
from storage.cell_safety import neutralise_formula, without_unsafe_characters
from storage.models import Person, Report, Unit

_FIELD_FOR_COLUMN = {"severity": "consequence", "lex_sarah": "lex_sarah_candidate", "lex_maria": "lex_maria_candidate"}


def export_rows(*, session: Session) -> Iterator[dict[str, str]]:
    """Every report as a row of strings, ordered by reference."""
    query = (
        select(Report, Unit.name, Person.platform_user_id)
        .join(Unit, Unit.id == Report.unit_id)
        .outerjoin(Person, Person.id == Report.reporter_id)
        .order_by(Report.reference)
        .execution_options(yield_per=5_000)
    )
    for report, unit_name, reporter in session.exec(query):
        row: dict[str, str] = {}
        for column in cols.ALL_COLUMNS:
            if column == "unit":
                value = unit_name
            elif column == "reporter":
                value = reporter or ""
            else:
                value = getattr(report, _FIELD_FOR_COLUMN.get(column, column))
            if column in cols.TIME_COLUMNS:
                value = cols.format_moment(value)
            elif column in cols.FLAG_COLUMNS:
                value = cols.format_flag(value)
            elif column == "secondary_areas":
                value = "|".join(value)
            row[column] = "" if value is None else without_unsafe_characters(str(value))
        yield row


def write_csv(rows: Iterator[dict[str, str]], out: TextIO) -> int:
    """CSV that a spreadsheet opens without running anything (see `storage.cell_safety`)."""
    # Every value in double quotes (see storage.cell_safety); the header as plain names.
    csv.writer(out, lineterminator="\n").writerow(cols.ALL_COLUMNS)
    writer = csv.DictWriter(out, fieldnames=list(cols.ALL_COLUMNS), lineterminator="\n", quoting=csv.QUOTE_ALL)
    count = 0
    for row in rows:
        writer.writerow({k: neutralise_formula(v) for k, v in row.items()})
        count += 1
    return count


def write_jsonl(rows: Iterator[dict[str, str]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count
