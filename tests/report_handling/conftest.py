"""A handling desk: units, people with roles, reports, and one chat message at a time through
`answer_handling` with a real Turn on a real session (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from intents.messages import IncomingMessage
from intents.notifier import RecordingNotifier
from intents.report_handling import answer_handling
from intents.turn import Turn
from storage.database import session_scope
from storage.models import ReportCreate, UnitCreate
from storage.people import get_or_create_person, get_person, set_role
from storage.reports import create_report
from storage.timestamps import STOCKHOLM
from storage.units import create_unit, get_unit_by_name, list_units
from nlp_models.units.matcher import UnitEntry
from storage.vocabulary import Area, ReportKind, Role, UnitType

NOW = datetime(2026, 3, 10, 14, 0, tzinfo=STOCKHOLM)


@dataclass
class Said:
    text: str
    outbox: list[tuple[str, str]]


@dataclass
class Desk:
    engine: object
    nlu: object
    now: datetime = NOW

    def say(self, user: str, text: str, at: datetime = NOW) -> Said:
        with session_scope(self.engine) as session:
            person = get_person(session=session, platform_user_id=user) or get_or_create_person(
                session=session, platform_user_id=user)
            turn = Turn(message=IncomingMessage(user_id=user, text=text, at=at), session=session, person=person,
                        services=SimpleNamespace(notifier=RecordingNotifier(), nlu=self.nlu, mas_user_ids=[],
                                                 sas_user_ids=[]))
            replies = answer_handling(turn)
        return Said("\n".join(reply.text for reply in replies), list(turn.outbox))

    def report(self, unit: str = "Solgården", *, reporter: str | None = "U-usk", area: Area = Area.FALL,
               kind: ReportKind = ReportKind.AVVIKELSE, description: str = "Brukaren hittad på golvet i sovrummet",
               days_ago: int = 5) -> str:
        with session_scope(self.engine) as session:
            unit_row = get_unit_by_name(session=session, name=unit)
            reporter_row = get_person(session=session, platform_user_id=reporter) if reporter else None
            reported = NOW - timedelta(days=days_ago)
            report = create_report(
                session=session,
                report_in=ReportCreate(kind=kind, area=area, unit_id=unit_row.id, description=description,
                                       occurred_at=reported - timedelta(hours=3),
                                       reporter_id=reporter_row.id if reporter_row else None),
                actor_id=reporter_row.id if reporter_row else None, now=reported)
            return report.reference


@pytest.fixture
def desk(engine, shared_nlu) -> Desk:
    with session_scope(engine) as session:
        for name, kind in [("Solgården", UnitType.SARSKILT_BOENDE), ("Björkhagen", UnitType.SARSKILT_BOENDE),
                           ("Hemtjänst Norr", UnitType.HEMTJANST)]:
            create_unit(session=session, unit_in=UnitCreate(name=name, type=kind))
        set_role(session=session, platform_user_id="U-chef", role=Role.CHEF, unit_name="Solgården")
        set_role(session=session, platform_user_id="U-chef-bh", role=Role.CHEF, unit_name="Björkhagen")
        set_role(session=session, platform_user_id="U-chef-utan", role=Role.CHEF)
        set_role(session=session, platform_user_id="U-mas", role=Role.MAS)
        set_role(session=session, platform_user_id="U-ssk", role=Role.SJUKSKOTERSKA, unit_name="Solgården")
        set_role(session=session, platform_user_id="U-usk", role=Role.PERSONAL, unit_name="Solgården")
        set_role(session=session, platform_user_id="U-usk-bh", role=Role.PERSONAL, unit_name="Björkhagen")
        shared_nlu.set_units(UnitEntry(u.name, tuple(u.aliases)) for u in list_units(session=session))
    return Desk(engine, shared_nlu)
