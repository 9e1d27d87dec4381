from __future__ import annotations

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from storage.vocabulary import UnitType


class UnitBase(SQLModel):
    name: str = Field(min_length=1, max_length=120)
    type: str = Field(default=UnitType.ANNAN.value, max_length=40)


class UnitCreate(UnitBase):
    type: UnitType = UnitType.ANNAN
    aliases: list[str] = Field(default_factory=list)


class Unit(UnitBase, table=True):
    """A care unit (enhet): a hemtjänst group, a särskilt boende, a korttidsboende ..."""

    __tablename__ = "unit"

    id: int | None = Field(default=None, primary_key=True)
    # casefolded name: names are unique whatever their case ("Solgården" == "SOLGÅRDEN")
    name_key: str = Field(max_length=120, unique=True, index=True)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
