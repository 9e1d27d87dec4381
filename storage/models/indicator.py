from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.timestamps import UTCDateTime, utc_now


class IndicatorDefinition(SQLModel, table=True):
    """A quality indicator: what it measures and what is good."""

    __tablename__ = "indicator_definition"

    id: str = Field(max_length=64, primary_key=True)
    name: str = Field(max_length=200)
    description: str = ""
    unit: str = Field(default="%", max_length=20)  # %, antal, dagar
    target: float | None = None
    higher_is_better: bool = True
    source: str = Field(default="computed", max_length=20)  # computed | imported
    frequency: str = Field(default="månad", max_length=20)


class IndicatorValue(SQLModel, table=True):
    """One measured value of an indicator for a period and a scope (a unit or the municipality)."""

    __tablename__ = "indicator_value"
    __table_args__ = (UniqueConstraint("indicator_id", "period", "scope", name="uq_indicator_value"),)

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: str = Field(foreign_key="indicator_definition.id", index=True)
    period: str = Field(max_length=20)  # "2025", "2026-03", "2026-Q1"
    scope: str = Field(default="kommun", max_length=120)
    value: float | None = None  # None: missing, never zero
    source: str = Field(default="import", max_length=40)
    recorded_at: datetime = Field(default_factory=utc_now, sa_column=Column(UTCDateTime, nullable=False))
