"""The outbox delivered to the terminal (`omsorgsbot digest --send` without Slack): texts are
printed, pictures written to files."""

from __future__ import annotations

from pathlib import Path

from intents.delivery import Delivered, Outgoing


class TerminalDelivery:
    """An `intents.delivery.Deliverer` that prints what would be sent and writes each picture under `out_dir`."""

    def __init__(self, out_dir: Path, write=print) -> None:
        self.out_dir = Path(out_dir)
        self._write = write

    def deliver(self, message: Outgoing) -> Delivered:
        if message.attachment is None:
            self._write(f"\n[till {message.recipient}]\n{message.text}\n")
            return Delivered()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        path = self.out_dir / (message.attachment_name or f"bild-{message.id}.png")
        path.write_bytes(message.attachment)
        self._write(f"[bild till {message.recipient}: {message.attachment_title or path.name}] {path}")
        return Delivered()
