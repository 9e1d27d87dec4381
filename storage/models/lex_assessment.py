from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.masked_columns import MaskedString
from storage.timestamps import UTCDateTime, utc_now


class LexAssessment(SQLModel, table=True):
    """The recorded lex Sarah or lex Maria assessment of one report: what was decided, by whom, when.

    law: "lex sarah" | "lex maria". outcome: the lex Sarah scale (inget missförhållande … allvarligt
    missförhållande), None for lex Maria. decision: "anmäls till IVO" | "ej anmälningspliktig" |
    "anmäld till IVO" (then `reported_on` is the day it was sent). motivation: why, as the assessor wrote it
    ("fallet berodde inte på brister i vården"), personal data masked. A new assessment replaces the old
    one; every change is also in the report's history.
    """

    __tablename__ = "lex_assessment"
    __table_args__ = (UniqueConstraint("report_id", "law", name="uq_lex_assessment_report_law"),)

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    law: str = Field(max_length=20)
    outcome: str | None = Field(default=None, max_length=60)
    decision: str | None = Field(default=None, max_length=40)
    reported_on: date | None = None
    motivation: str | None = Field(default=None, sa_type=MaskedString)
    assessed_by_id: int | None = Field(default=None, foreign_key="person.id")
    assessed_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
