"""What one handler needs for one incoming message: the services and the per-message context."""

from __future__ import annotations

from collections.abc import Callable
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
from storage.outbox import enqueue_message


@dataclass
class BotServices:
    """Long-lived parts shared by all conversations of one bot process."""

    engine: Engine
    nlu: LanguageUnderstanding
    routines: RoutineLibrary
    routine_search: RoutineSearch
    notifier: Notifier
    mas_user_ids: list[str] = field(default_factory=list)  # fallbacks when no one has the role mas/sas
    sas_user_ids: list[str] = field(default_factory=list)
    indicators_file: Path | None = None
    reminder_periods: ReminderPeriods = field(default_factory=ReminderPeriods)
    admin_user_ids: list[str] = field(default_factory=list)  # told when a message cannot be delivered
    # Set when a background worker delivers the outbox (Slack): called after a turn queued something.
    # Without one, the engine delivers through `notifier` right after the turn (terminal, tests).
    wake_delivery: Callable[[], None] | None = None


@dataclass
class Turn:
    message: IncomingMessage
    session: Session
    person: Person
    services: BotServices
    # (recipient, text) of the messages this turn queued in the outbox (see `notify`)
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

    def notify(self, *, kind: str, recipient: str, text: str, dedupe_key: str, report_id: int | None = None) -> bool:
        """Queue a message to someone outside this conversation in this turn's transaction: it is sent
        once the turn has committed, exactly once per `dedupe_key`. False if it was queued before."""
        queued = enqueue_message(session=self.session, kind=kind, recipient=recipient, text=text,
                                 dedupe_key=dedupe_key, report_id=report_id, now=self.now)
        if queued is not None:
            self.outbox.append((recipient, text))
        return queued is not None

    def understand(self, text: str | None = None) -> Understanding:
        if text is not None and text != self.message.text:
            return self.services.nlu.understand(text, self.now)
        if self._understanding is None:
            self._understanding = self.services.nlu.understand(self.message.text, self.now)
        return self._understanding
