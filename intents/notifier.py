"""How the core reaches people outside the current conversation (alerts, feedback, digests).

The core queues such messages in the outbox (`Turn.notify`, storage/outbox.py); `intents.delivery`
hands them to a channel. Simple channels implement `Notifier` (the terminal prints, tests record);
Slack delivers through its own worker (bot/slack/outbox_sender.py). A channel that cannot deliver a
message raises `DeliveryFailed` and says whether trying again can help.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Notifier(Protocol):
    def send(self, user_id: str, text: str) -> None: ...


class DeliveryFailed(Exception):
    """A message did not (certainly) arrive.

    permanent: trying again cannot help (e.g. the bot is not in the channel); the admin is told.
    uncertain: the message may have arrived (the answer was lost): check before sending again.
    paused: nothing can be sent at all right now (e.g. the app was uninstalled); not an attempt.
    retry_after: seconds the platform asked us to wait. advice: what a person can do, in Swedish.
    """

    def __init__(self, reason: str, *, permanent: bool = False, uncertain: bool = False, paused: bool = False,
                 retry_after: float | None = None, advice: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.uncertain = uncertain
        self.paused = paused
        self.retry_after = retry_after
        self.advice = advice


@dataclass
class RecordingNotifier:
    """Keeps what would have been sent: for tests and for `omsorgsbot ask`."""

    sent: list[tuple[str, str]] = field(default_factory=list)

    def send(self, user_id: str, text: str) -> None:
        self.sent.append((user_id, text))


class PrintingNotifier:
    """The terminal channel: shows a notification inline, marked as going to someone else."""

    def __init__(self, write=print) -> None:
        self._write = write

    def send(self, user_id: str, text: str) -> None:
        self._write(f"\n[meddelande till {user_id}]\n{text}\n")
