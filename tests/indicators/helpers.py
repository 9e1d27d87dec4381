"""Helpers for the indicator specifications: reports with chosen processing times, a chat turn."""

from __future__ import annotations

import itertools
from datetime import datetime
from types import SimpleNamespace

from intents.messages import IncomingMessage
from intents.turn import Turn
from storage.models import Report
from storage.people import set_role
from storage.timestamps import STOCKHOLM
from storage.units import get_or_create_unit
from storage.vocabulary import Role

_references = itertools.count(1)


def add_report(session, *, unit: str, reported_at: datetime, occurred_at: datetime | None = None,
               area: str = "övrigt", kind: str = "avvikelse", **processing) -> Report:
    """A report written straight to the table, so every processing time can be chosen freely."""
    unit_id = get_or_create_unit(session=session, name=unit).id
    report = Report(kind=kind, area=area, description="x", unit_id=unit_id, reference=f"T-{next(_references)}",
                    occurred_at=occurred_at or reported_at, reported_at=reported_at,
                    updated_at=processing.pop("updated_at", reported_at), **processing)
    session.add(report)
    session.flush()
    return report

def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=STOCKHOLM)

def make_turn(session, text: str, *, role: Role = Role.MAS, user: str = "U-mas", unit: str | None = None,
              nlu=None, at: datetime | None = None) -> Turn:
    person = set_role(session=session, platform_user_id=user, role=role, unit_name=unit)
    message = IncomingMessage(user_id=user, text=text, at=at or local(2026, 3, 10, 14))
    return Turn(message=message, session=session, person=person,
                services=SimpleNamespace(nlu=nlu, indicators_file=None))
