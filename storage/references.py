"""Report references: AV-2026-00042, SP-2026-00007, sequential per year and kind.

The counter row is advanced with one atomic UPDATE … RETURNING, so two processes never
get the same number; numbers already taken (e.g. by an import) are skipped.
"""

from __future__ import annotations

from sqlalchemy import exists, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.models import ReferenceCounter, Report
from storage.vocabulary import REFERENCE_PREFIX, ReportKind


def format_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:05d}"


def _advance(session: Session, prefix: str, year: int) -> int:
    stmt = (
        update(ReferenceCounter)
        .where(ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .values(last_number=ReferenceCounter.last_number + 1)
        .returning(ReferenceCounter.last_number)
    )
    number = session.execute(stmt).scalar_one_or_none()
    if number is not None:
        return number
    try:
        with session.begin_nested():
            session.add(ReferenceCounter(prefix=prefix, year=year, last_number=0))
    except IntegrityError:
        pass  # another process created the row first
    return session.execute(stmt).scalar_one()


def next_reference(*, session: Session, kind: ReportKind, year: int) -> str:
    prefix = REFERENCE_PREFIX[ReportKind(kind)]
    while True:
        reference = format_reference(prefix, year, _advance(session, prefix, year))
        taken = session.exec(select(exists().where(Report.reference == reference))).one()
        if not taken:
            return reference
