"""The retention plan: how many days each kind of record is kept, read from a TOML file
(`knowledge/gallring.toml` by default, `RETENTION_FILE` to use another)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

KEEP = "bevaras"


@dataclass(frozen=True)
class RecordKind:
    key: str  # the name in the TOML file
    label: str  # Swedish, plural, for what is printed
    default: int | None  # days; None: kept
    minimum: int


KINDS = (
    RecordKind("paborjade_rapporter", "påbörjade rapporter", 7, 1),
    RecordKind("slack_handelser", "Slack-händelser", 7, 1),
    RecordKind("skickade_meddelanden", "skickade meddelanden", 365, 30),
    RecordKind("korningar", "körningar", 365, 30),
    RecordKind("atkomstlogg", "rader i åtkomstloggen", None, 1),
    RecordKind("rapporter", "avslutade rapporter", None, 1),
)
KIND_BY_KEY = {k.key: k for k in KINDS}


class RetentionPlanError(ValueError):
    """The plan file cannot be used; the message is Swedish and names the file."""


@dataclass(frozen=True)
class RetentionPlan:
    days: dict[str, int | None]  # key → days, None: kept

    def period(self, key: str) -> timedelta | None:
        days = self.days.get(key)
        return None if days is None else timedelta(days=days)

    @classmethod
    def defaults(cls) -> RetentionPlan:
        return cls({k.key: k.default for k in KINDS})


def _days(path: Path, kind: RecordKind, value: object) -> int | None:
    if isinstance(value, str) and value.strip().casefold() == KEEP:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RetentionPlanError(f"{path}: {kind.key} ska vara ett antal dagar eller \"{KEEP}\", inte {value!r}.")
    if value < kind.minimum:
        raise RetentionPlanError(f"{path}: {kind.key} måste vara minst {kind.minimum} dagar (är {value}).")
    return value


def load_retention_plan(path: Path | None) -> RetentionPlan:
    """The plan in `path`; kinds the file leaves out keep their defaults; no file: all defaults."""
    if path is None or not path.exists():
        return RetentionPlan.defaults()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise RetentionPlanError(f"{path}: {error}") from None
    section = data.get("gallring", {})
    unknown = sorted(set(section) - set(KIND_BY_KEY))
    if unknown:
        raise RetentionPlanError(f"{path}: okänd rad {', '.join(unknown)}. Kända: {', '.join(KIND_BY_KEY)}.")
    days = {k.key: k.default for k in KINDS}
    for key, value in section.items():
        days[key] = _days(path, KIND_BY_KEY[key], value)
    return RetentionPlan(days)
