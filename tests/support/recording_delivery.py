"""A deliverer for tests: keeps what it is asked to send, and can be told to fail."""

from __future__ import annotations

from dataclasses import dataclass, field

from intents.delivery import Delivered, Outgoing
from intents.notifier import DeliveryFailed


@dataclass
class RecordingDelivery:
    texts: list[tuple[str, str]] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)  # (recipient, file name)
    failures: list[DeliveryFailed] = field(default_factory=list)  # raised, in order, before anything is kept

    def deliver(self, message: Outgoing) -> Delivered:
        if self.failures:
            raise self.failures.pop(0)
        if message.attachment is not None:
            assert message.attachment.startswith(b"\x89PNG"), "not a PNG"
            self.images.append((message.recipient, message.attachment_name or ""))
        else:
            self.texts.append((message.recipient, message.text))
        return Delivered()
