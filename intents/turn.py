"""What one handler needs for one incoming message: the services and the per-message context."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from intents.messages import IncomingMessage
from intents.notifier import Notifier
from intents.reminders.selection import ReminderPeriods
from intents.routines.library import RoutineLibrary
from intents.routines.search import RoutineSearch
from nlp_models.analyzer import LanguageUnderstanding, Understanding
from nlp_models.personal_data.masking import mask_personal_data
from storage.access_log import log_access
from storage.models import Person


@dataclass
class BotServices:
    """Long-lived parts shared by all conversations of one bot process."""

    engine: Engine
    nlu: LanguageUnderstanding
    routines: RoutineLibrary
    routine_search: RoutineSearch
    notifier: Notifier
    mas_user_ids: list[str] = field(default_factory=list)
    sas_user_ids: list[str] = field(default_factory=list)
    indicators_file: Path | None = None
    reminder_periods: ReminderPeriods = field(default_factory=ReminderPeriods)


@dataclass
class Turn:
    message: IncomingMessage
    session: Session
    person: Person
    services: BotServices
    # notifications to send once the turn's transaction has committed
    outbox: list[tuple[str, str]] = field(default_factory=list)
    _understanding: Understanding | None = None

    @property
    def now(self) -> datetime:
        return self.message.at

    @property
    def text(self) -> str:
        return self.message.text

    def log_access(self, revealed: str) -> None:
        """Record that this turn showed report data: who, when, the question (personal data masked), what."""
        log_access(session=self.session, user_key=self.message.user_id, role=self.person.role,
                   question=mask_personal_data(self.text).text, revealed=revealed, at=self.now)

    def understand(self, text: str | None = None) -> Understanding:
        if text is not None and text != self.message.text:
            return self.services.nlu.understand(text, self.now)
        if self._understanding is None:
            self._understanding = self.services.nlu.understand(self.message.text, self.now)
        return self._understanding
