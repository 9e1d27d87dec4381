from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from storage.masked_columns import MaskedString
from storage.timestamps import UTCDateTime, utc_now
from storage.vocabulary import Area, Consequence, ReportKind, ReportStatus, Source


class ReportBase(SQLModel):
    kind: str = Field(max_length=20)
    area: str = Field(default=Area.OVRIGT.value, max_length=20)
    description: str = Field(default="", sa_type=MaskedString)
    immediate_action: str | None = Field(default=None, sa_type=MaskedString)
    consequence: str | None = Field(default=None, max_length=20)
    severe: bool = False
    lex_sarah_candidate: bool = False
    lex_maria_candidate: bool = False
    # synpunkter: who gave it (brukare, anhörig, personal, annan) and how they want an answer
    given_by: str | None = Field(default=None, max_length=20)
    contact_wanted: str | None = Field(default=None, max_length=20)
    # how much of occurred_at was said (storage.vocabulary.TimePrecision); None: the clock time was said
    occurred_precision: str | None = Field(default=None, max_length=20)
    source: str = Field(default=Source.TERMINAL.value, max_length=20)


class ReportCreate(ReportBase):
    """What a channel hands to `storage.reports.create_report` (description already masked)."""

    kind: ReportKind
    area: Area = Area.OVRIGT
    consequence: Consequence | None = None
    source: Source = Source.TERMINAL
    secondary_areas: list[str] = Field(default_factory=list)
    unit_id: int
    occurred_at: datetime
    reporter_id: int | None = None


class ReportUpdate(SQLModel):
    """Processing fields a chef or the MAS may change; None means unchanged."""

    status: ReportStatus | None = None
    area: Area | None = None
    lagrum: str | None = None
    investigation: str | None = None
    cause: str | None = None
    cause_categories: str | None = None
    action: str | None = None
    feedback: str | None = None


class Report(ReportBase, table=True):
    """An avvikelse or a synpunkt, with its processing state."""

    __tablename__ = "report"
    __table_args__ = (
        # The counting indexes end with duplicate_of_id, so a count (which leaves duplicates out) is still
        # answered from the index alone.
        Index("ix_report_kind_area_occurred", "kind", "area", "occurred_at", "duplicate_of_id"),
        Index("ix_report_unit_occurred", "unit_id", "occurred_at", "duplicate_of_id"),
        Index("ix_report_unit_kind_area_occurred", "unit_id", "kind", "area", "occurred_at", "duplicate_of_id"),
        Index("ix_report_counted_occurred", "occurred_at", "duplicate_of_id"),
        Index("ix_report_status_reported", "status", "reported_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=40, unique=True, index=True)
    secondary_areas: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    unit_id: int = Field(foreign_key="unit.id")
    occurred_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False, index=True))
    reported_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
    reporter_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    status: str = Field(default=ReportStatus.NY.value, max_length=20)
    lagrum: str | None = Field(default=None, max_length=20)
    investigation: str | None = Field(default=None, sa_type=MaskedString)  # händelseutredning
    cause: str | None = Field(default=None, sa_type=MaskedString)  # orsak, as the handler wrote it
    cause_categories: str | None = Field(default=None, max_length=200)  # root-cause categories, comma separated
    action: str | None = Field(default=None, sa_type=MaskedString)  # åtgärd
    feedback: str | None = Field(default=None, sa_type=MaskedString)  # återkoppling to the reporter
    assessed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    first_handled_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    action_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    feedback_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    affected_informed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    closed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    # the same event reported before: marked by a handler (left out of every count) ...
    duplicate_of_id: int | None = Field(default=None, foreign_key="report.id", index=True)
    # ... or pointed out when it was reported (still counted until a handler decides)
    possible_duplicate_of_id: int | None = Field(default=None, foreign_key="report.id")
    updated_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
