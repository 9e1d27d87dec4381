"""Reports written straight into the database for statistics tests: one row per call, any field."""

from __future__ import annotations

from datetime import datetime
from itertools import count

from sqlalchemy import insert

from storage.database import session_scope
from storage.models import Report
from storage.timestamps import STOCKHOLM
from storage.units import get_unit_by_name

_serial = count(1)


def add_report(db, unit: str, area: str, when: str, **fields) -> str:
    """A report on `unit` in `area` that happened `when` (Stockholm time); returns its reference."""
    moment = datetime.fromisoformat(when).replace(tzinfo=STOCKHOLM)
    reference = fields.pop("reference", f"T-{next(_serial)}")
    with session_scope(db) as session:
        unit_id = get_unit_by_name(session=session, name=unit).id
        session.execute(insert(Report), [{
            "reference": reference, "kind": fields.pop("kind", "avvikelse"), "area": area,
            "secondary_areas": [], "unit_id": unit_id, "occurred_at": moment,
            "reported_at": fields.pop("reported_at", moment), "description": "x", "updated_at": moment, **fields}])
    return reference
