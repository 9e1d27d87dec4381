"""A report in the making, kept as plain JSON in the conversation draft between messages."""

from __future__ import annotations

import copy
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
    area_chosen: bool = False  # the person chose the area: a changed description does not overrule it
    secondary_areas: list[str] = field(default_factory=list)
    unit: str | None = None
    unit_guessed: bool = False  # taken from the person's own unit, not said: a unit they name replaces it
    unit_candidates: list[str] = field(default_factory=list)
    occurred_at: str | None = None  # ISO, aware
    occurred_approximate: bool = False  # only a day or part of day was said ("i natt"): the hour is a guess
    occurred_part: str | None = None  # with occurred_approximate: the part of the day said ("natt", "kvall"), or None
    consequence: str | None = None
    consequence_guess: str | None = None  # a level only the signs point to ("ont", "blödde"): offered, never stored
    consequence_said: bool = False  # the person named the level ("måttlig"): signs in other words do not change it
    immediate_action: str | None = None
    action_answered: bool = False
    description: str = ""  # masked
    severe: bool = False
    lex_sarah: bool = False
    lex_maria: bool = False
    given_by: str | None = None
    contact_wanted: str | None = None
    contact_answered: bool = False
    contact_yes: bool = False  # an answer is wanted, the way (telefon/skriftligt) not yet said
    pending: str | None = None  # the slot we last asked about
    editing: bool = False  # asked again from the summary: go back to the summary after
    masked_notice_given: bool = False
    names_asked: bool = False  # the name question (name_check.py) is asked once
    duplicate_asked: bool = False  # the duplicate question (duplicate_check.py) is asked once
    duplicate_candidate: str | None = None  # the close earlier report asked about
    possible_duplicate_of: str | None = None  # ... when the reporter said it is the same event
    started_at: str = ""
    # how often each question was put, and how many of its answers were not understood
    asked: dict[str, int] = field(default_factory=dict)
    misses: dict[str, int] = field(default_factory=dict)
    # slots answered "vet ej", "hoppa över" or "ändra senare": not asked again
    unknown: list[str] = field(default_factory=list)
    # new events told while this one was under way (masked text): each becomes its own report afterwards
    queued: list[str] = field(default_factory=list)
    # a message that may be an answer or a new event, while "svar eller ny händelse?" waits
    held: str = ""
    held_for: str | None = None
    held_is_rest: bool = False  # the held text is the rest of an answer already used: "svar" only adds it
    # references the report refers to ("samma bru som i AV-2026-00042"); linked when saved
    linked: list[str] = field(default_factory=list)

    @property
    def is_synpunkt(self) -> bool:
        return self.kind == "synpunkt"

    @property
    def is_severe(self) -> bool:
        """Severe by its words or by the consequence chosen: the one rule the summary, the saved report and the
        alert all use."""
        return self.severe or (not self.is_synpunkt and self.consequence == "allvarlig")

    def flags(self) -> list[str]:
        """What the report is flagged as, in Swedish, for the summary."""
        return [name for name, on in (("allvarlig händelse", self.is_severe), ("möjlig lex Sarah", self.lex_sarah),
                                      ("möjlig lex Maria", self.lex_maria)) if on]

    def occurred(self) -> datetime | None:
        return datetime.fromisoformat(self.occurred_at) if self.occurred_at else None

    def occurred_precision(self) -> str | None:
        """How much of the stored time was said (storage.vocabulary.TimePrecision): "okand" when nothing was (the
        report's own time stands in), the part of the day or "dag"/"vecka" when only that was; None: the clock."""
        if self.occurred_at is None:
            return "okand"
        if not self.occurred_approximate:
            return None
        return self.occurred_part or "dag"

    def to_state(self) -> dict[str, Any]:
        return {"flow": "report", **asdict(self)}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> ReportDraft:
        """A draft from stored state. A deep copy: changing the draft must not change the loaded state in place
        (the database would then see no change to save)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: copy.deepcopy(v) for k, v in state.items() if k in known})
