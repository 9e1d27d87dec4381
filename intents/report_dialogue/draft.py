"""A report in the making, kept as plain JSON in the conversation draft between messages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any


@dataclass
class ReportDraft:
    kind: str = "avvikelse"
    area: str = "övrigt"
    area_evidence: list[str] = field(default_factory=list)
    area_candidates: list[str] = field(default_factory=list)
    area_confirmed: bool = False
    secondary_areas: list[str] = field(default_factory=list)
    unit: str | None = None
    unit_candidates: list[str] = field(default_factory=list)
    occurred_at: str | None = None  # ISO, aware
    occurred_approximate: bool = False  # only a day or part of day was said ("i natt"): the hour is a guess
    consequence: str | None = None
    immediate_action: str | None = None
    action_answered: bool = False
    description: str = ""  # masked
    severe: bool = False
    lex_sarah: bool = False
    lex_maria: bool = False
    given_by: str | None = None
    contact_wanted: str | None = None
    contact_answered: bool = False
    pending: str | None = None  # the slot we last asked about
    editing: bool = False  # asked again from the summary: go back to the summary after
    masked_notice_given: bool = False
    names_asked: bool = False  # the name question (name_check.py) is asked once
    started_at: str = ""

    @property
    def is_synpunkt(self) -> bool:
        return self.kind == "synpunkt"

    def occurred(self) -> datetime | None:
        return datetime.fromisoformat(self.occurred_at) if self.occurred_at else None

    def to_state(self) -> dict[str, Any]:
        return {"flow": "report", **asdict(self)}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> ReportDraft:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in state.items() if k in known})
