"""Plain messages in and replies out: what every channel (Slack, terminal) turns its events into."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


# C0 control characters except tab and line breaks, and DEL: never meant as text, and PostgreSQL
# cannot store NUL at all. Removed from everything a person sends before it reaches the core.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(text: str) -> str:
    return _CONTROL_CHARACTERS.sub("", text)


class ChannelKind(StrEnum):
    DIRECT = "direct"
    PUBLIC = "public"


@dataclass(frozen=True)
class IncomingMessage:
    user_id: str
    text: str
    at: datetime  # aware
    channel: ChannelKind = ChannelKind.DIRECT
    thread_key: str = ""
    source: str = "terminal"  # storage.vocabulary.Source value of the channel
    display_name: str = ""
    # A clicked choice: the `bound_to` of the reply it belonged to. The engine refuses the click,
    # and changes nothing, when the conversation has moved on since that reply.
    bound_to: str | None = None
    # The platform's ids for this delivery (event id, message id): a message delivered again is
    # handled once; claimed in the same transaction as the turn, so a failed turn claims nothing.
    once_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choice:
    label: str
    value: str


@dataclass(frozen=True)
class Chart:
    """Numbers a channel that can show images may draw: bars per label, or a line over time."""

    title: str
    labels: list[str]
    values: list[int]
    over_time: bool = False  # a series (per month/week) rather than a comparison
    median: float | None = None  # a run chart: the median line
    highlighted: tuple[int, ...] = ()  # points that belong to a signal (indices into values)


@dataclass
class Reply:
    text: str
    choices: list[Choice] = field(default_factory=list)
    # The channel should continue this conversation in a direct message with the user.
    move_to_direct: bool = False
    # Shown only to the user in a public channel (Slack: ephemeral).
    private: bool = False
    # Drawn as a small image where the channel can show one (Slack); the text says the same.
    chart: Chart | None = None
    # Set by the engine on replies with choices: the conversation state (draft and revision) the
    # choices belong to. A channel that shows buttons carries it back in `IncomingMessage.bound_to`.
    bound_to: str | None = None
