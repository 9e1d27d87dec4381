"""How a digest reaches people: a text and a PNG chart to a user or a channel.

Slack implements `DigestSender` with chat.postMessage and files_upload_v2; the terminal
prints the text and writes the chart to a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class DigestSender(Protocol):
    def send_text(self, recipient: str, text: str) -> None:
        """Post text to a user id (as a direct message) or a channel id."""

    def send_png(self, recipient: str, png: bytes, filename: str, title: str) -> None:
        """Upload a PNG file to a user id or a channel id."""


class TerminalDigestSender:
    """Prints what would be sent and writes each chart under `out_dir`."""

    def __init__(self, out_dir: Path, write=print) -> None:
        self.out_dir = Path(out_dir)
        self._write = write

    def send_text(self, recipient: str, text: str) -> None:
        self._write(f"\n[till {recipient}]\n{text}\n")

    def send_png(self, recipient: str, png: bytes, filename: str, title: str) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        path = self.out_dir / filename
        path.write_bytes(png)
        self._write(f"[bild till {recipient}: {title}] {path}")


@dataclass
class RecordingDigestSender:
    """Keeps everything it is asked to send: for tests."""

    texts: list[tuple[str, str]] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)  # (recipient, filename)

    def send_text(self, recipient: str, text: str) -> None:
        self.texts.append((recipient, text))

    def send_png(self, recipient: str, png: bytes, filename: str, title: str) -> None:
        assert png.startswith(b"\x89PNG"), "not a PNG"
        self.images.append((recipient, filename))
