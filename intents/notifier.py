"""How the core reaches people outside the current conversation (alerts, feedback, digests).

Channels implement `Notifier`: Slack sends a direct message, the terminal prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Notifier(Protocol):
    def send(self, user_id: str, text: str) -> None: ...


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
