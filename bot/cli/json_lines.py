"""Reading `{"text", "today", ...}` JSON lines from standard input, for `ask` and `nlu`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.clock import ClockError, parse_today


@dataclass(frozen=True)
class JsonLine:
    text: str
    moment: datetime  # the line's "today" (23:59 Stockholm), or the default
    item: dict[str, Any]


@dataclass(frozen=True)
class BadLine:
    number: int
    reason: str

    def __str__(self) -> str:
        return f"rad {self.number}: {self.reason}"


def read_json_lines(lines: Iterable[str], default_moment: datetime) -> Iterator[JsonLine | BadLine]:
    """One result per non-empty line, in order; a line that cannot be read becomes a BadLine."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = str(item.get("text", ""))
            moment = parse_today(item["today"]) if item.get("today") else default_moment
        except (json.JSONDecodeError, AttributeError, ClockError) as exc:
            yield BadLine(number, str(exc))
            continue
        yield JsonLine(text, moment, item)
