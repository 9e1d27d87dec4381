from __future__ import annotations

from sqlmodel import Field, SQLModel


class ReferenceCounter(SQLModel, table=True):
    """The last number handed out per prefix and year (AV-2026-00042 → AV, 2026, 42)."""

    __tablename__ = "reference_counter"

    prefix: str = Field(max_length=4, primary_key=True)
    year: int = Field(primary_key=True)
    last_number: int = 0
