from __future__ import annotations

from sqlmodel import Field, SQLModel

from storage.vocabulary import Role, UnitRelation


class PersonBase(SQLModel):
    platform_user_id: str = Field(max_length=64)
    display_name: str = Field(default="", max_length=200)
    role: str = Field(default=Role.PERSONAL.value, max_length=20)


class PersonCreate(PersonBase):
    role: Role = Role.PERSONAL


class Person(PersonBase, table=True):
    """Someone who talks to the bot: identified by their chat platform's user id."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    platform_user_id: str = Field(max_length=64, unique=True, index=True)


class PersonUnit(SQLModel, table=True):
    """A person's membership of, or management of, a unit."""

    __tablename__ = "person_unit"

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True)
    relation: str = Field(default=UnitRelation.MEMBER.value, max_length=20, primary_key=True)
