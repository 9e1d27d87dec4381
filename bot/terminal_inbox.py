"""The terminal's inbox: the bot's own messages (feedback to a reporter, reminders, alerts) reach a
person in their own terminal session, never in someone else's.

A terminal chat is one person's session. Messages queued for others stay in the outbox
(storage/outbox.py) until that person opens theirs (`omsorgsbot chat --user ID`) or a Slack worker
delivers them; this session shows only what is addressed to its own user, once each.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.engine import Engine

from intents.delivery import Delivered, Outgoing, deliver_now
from storage.timestamps import utc_now

log = logging.getLogger(__name__)


class SessionDelivery:
    """An `intents.delivery.Deliverer` that writes a message into this terminal session."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self._write = write

    def deliver(self, message: Outgoing) -> Delivered:
        text = message.text
        if message.attachment is not None:
            text = f"[bild: {message.attachment_title or message.attachment_name or 'diagram'}]"
        self._write("\n📬 Meddelande till dig:\n     " + text.replace("\n", "\n     "))
        return Delivered()


class TerminalInbox:
    def __init__(self, engine: Engine, user_id: str, write: Callable[[str], None],
                 admins: tuple[str, ...] = ()) -> None:
        self.engine = engine
        self.user_id = user_id
        self.delivery = SessionDelivery(write)
        self.admins = admins

    def deliver(self, now: datetime | None = None) -> int:
        """Show what waits for this session's user; returns how many messages were shown."""
        try:
            return deliver_now(engine=self.engine, deliverer=self.delivery, now=max(now or utc_now(), utc_now()),
                               admins=self.admins, recipient=self.user_id).sent
        except Exception:
            log.exception("the terminal inbox could not be read; the messages stay in the outbox")
            return 0
