"""A conversation harness: the real engine, NLU and routines on a fresh database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest

from bot.reply_text import render_replies
from intents.engine import DialogueEngine
from intents.messages import ChannelKind, IncomingMessage, Reply
from intents.notifier import RecordingNotifier
from intents.routines.search import RoutineSearch
from intents.turn import BotServices
from sqlmodel import select

from storage.database import make_engine, session_scope, upgrade_schema
from storage.models import ConversationDraft, Report, ReportCreate, UnitCreate
from storage.people import get_or_create_person, set_role
from storage.reports import create_report, get_report
from storage.units import create_unit, get_unit_by_name
from storage.vocabulary import Role, UnitType

STOCKHOLM_NOW = datetime.fromisoformat("2026-03-10T14:00:00+01:00")



@dataclass
class Conversation:
    engine: DialogueEngine
    notifier: RecordingNotifier
    db: object
    now: datetime = STOCKHOLM_NOW
    last: list[Reply] = field(default_factory=list)

    def say(self, text: str, user: str = "U-usk", channel: ChannelKind = ChannelKind.DIRECT,
            at: datetime | None = None) -> str:
        self.last = self.engine.handle(IncomingMessage(user_id=user, text=text, at=at or self.now, channel=channel))
        return render_replies(self.last)

    def reports(self) -> list[Report]:
        with session_scope(self.db) as session:
            return list(session.exec(select(Report).order_by(Report.id)))

    def drafts(self) -> list[ConversationDraft]:
        with session_scope(self.db) as session:
            return list(session.exec(select(ConversationDraft)))

    def choices(self) -> list[str]:
        """The labels of the choices in the last replies."""
        return [choice.label for reply in self.last for choice in reply.choices]

    def file_report(self, text: str = "Brukaren hittad på golvet i sovrummet", *, unit: str = "Solgården",
                    reporter: str | None = "U-usk", area: str = "fall", kind: str = "avvikelse",
                    hours_ago: float = 24, **fields) -> str:
        """A stored report, as if reported `hours_ago` before now; returns its reference."""
        at = self.now - timedelta(hours=hours_ago)
        with session_scope(self.db) as session:
            person = get_or_create_person(session=session, platform_user_id=reporter) if reporter else None
            unit_row = get_unit_by_name(session=session, name=unit)
            report = create_report(session=session, now=at, actor_id=person.id if person else None,
                                   report_in=ReportCreate(kind=kind, area=area, unit_id=unit_row.id, description=text,
                                                          occurred_at=at - timedelta(hours=1),
                                                          reporter_id=person.id if person else None, **fields))
            return report.reference

    def report(self, reference: str) -> Report:
        with session_scope(self.db) as session:
            return get_report(session=session, reference=reference)

    def restart(self) -> "Conversation":
        """A new engine on the same database, as after a restart or in another process."""
        services = self.engine.services
        fresh = BotServices(engine=services.engine, nlu=services.nlu, routines=services.routines,
                            routine_search=services.routine_search, notifier=self.notifier,
                            mas_user_ids=services.mas_user_ids, sas_user_ids=services.sas_user_ids)
        return Conversation(DialogueEngine(fresh), self.notifier, self.db, self.now)


@pytest.fixture
def conversation(tmp_path, shared_nlu, routine_library) -> Conversation:
    db = make_engine(f"sqlite:///{tmp_path / 'dialog.db'}")
    upgrade_schema(db)
    with session_scope(db) as session:
        for name, kind, aliases in [
            ("Solgården", UnitType.SARSKILT_BOENDE, []),
            ("Björkhagen", UnitType.SARSKILT_BOENDE, []),
            ("Hemtjänst Norr", UnitType.HEMTJANST, ["HT Norr"]),
            ("Hemtjänst Syd", UnitType.HEMTJANST, ["HT Syd"]),
        ]:
            create_unit(session=session, unit_in=UnitCreate(name=name, type=kind, aliases=aliases))
        set_role(session=session, platform_user_id="U-chef", role=Role.CHEF, unit_name="Solgården")
        set_role(session=session, platform_user_id="U-mas", role=Role.MAS)
    notifier = RecordingNotifier()
    services = BotServices(engine=db, nlu=shared_nlu, routines=routine_library,
                           routine_search=RoutineSearch(routine_library.routines), notifier=notifier,
                           mas_user_ids=["U-mas"], sas_user_ids=["U-sas"])
    return Conversation(DialogueEngine(services), notifier, db)
