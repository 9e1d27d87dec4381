"""What the Slack listeners need from the rest of the bot, handed to them through Bolt's context."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from slack_bolt import BoltContext
from sqlalchemy.engine import Engine

from bot.slack.access import SlackAccess
from bot.slack.direct_channels import DirectChannels
from intents.engine import DialogueEngine
from intents.messages import IncomingMessage, Reply
from intents.turn import BotServices

CONTEXT_KEY = "omsorgsbot"
THINKING_AT_ONCE = 2  # turns computed at once: Python runs one thread at a time anyway
ACKS_FIRST_S = 0.25  # the longest a turn waits for requests being acknowledged


class AckGate:
    """Requests being acknowledged right now. A turn starts only when there are none (or after
    ACKS_FIRST_S): under a burst, Slack's acks get the interpreter before the work does."""

    def __init__(self) -> None:
        self._open = 0
        self._changed = threading.Condition()

    @contextmanager
    def acking(self) -> Iterator[None]:
        with self._changed:
            self._open += 1
        try:
            yield
        finally:
            with self._changed:
                self._open -= 1
                if not self._open:
                    self._changed.notify_all()

    def wait_until_acked(self, timeout: float = ACKS_FIRST_S) -> None:
        with self._changed:
            self._changed.wait_for(lambda: not self._open, timeout)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class SlackDeps:
    dialogue: DialogueEngine
    channels: DirectChannels
    access: SlackAccess = field(default_factory=SlackAccess)
    clock: Callable[[], datetime] = field(default=utc_now)
    _locks: dict[str, threading.Lock] = field(default_factory=dict, repr=False)
    _locks_guard: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _thinking: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(THINKING_AT_ONCE), repr=False)
    acks: AckGate = field(default_factory=AckGate, repr=False)

    def __deepcopy__(self, memo: dict) -> SlackDeps:
        # Bolt deep-copies the context for lazy listeners; the bot's long-lived parts are shared.
        return self

    def user_lock(self, user_id: str) -> threading.Lock:
        """One turn at a time per user in this process: two quick messages must not both
        continue the same draft (Bolt runs listeners in a thread pool)."""
        with self._locks_guard:
            return self._locks.setdefault(user_id, threading.Lock())

    def handle(self, message: IncomingMessage) -> list[Reply]:
        """One turn of the dialogue engine. The work threads mostly wait on Slack's Web API, but a
        turn is Python work (the NLU, the ORM) that holds the interpreter: letting only a couple
        run at once keeps the others queued on a semaphore instead of fighting for the interpreter
        with the request threads, and no turn starts while requests are being acknowledged."""
        self.acks.wait_until_acked()
        with self._thinking:
            return self.dialogue.handle(message)

    @property
    def services(self) -> BotServices:
        return self.dialogue.services

    @property
    def db(self) -> Engine:
        return self.dialogue.services.engine

    def moment(self, slack_ts: str | None = None) -> datetime:
        """When something happened: Slack's own timestamp when there is one, else the clock."""
        if slack_ts:
            try:
                return datetime.fromtimestamp(float(slack_ts), tz=UTC)
            except (TypeError, ValueError, OverflowError):
                pass
        return self.clock()


def deps_of(context: BoltContext) -> SlackDeps:
    return context[CONTEXT_KEY]
