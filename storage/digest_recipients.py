"""Who manages which units: the chefs who may get a weekly digest for their own units."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from storage.models import Person, PersonUnit, Unit
from storage.vocabulary import UnitRelation


@dataclass(frozen=True)
class ManagedUnits:
    platform_user_id: str
    unit_ids: tuple[int, ...]
    unit_names: tuple[str, ...]


def chefs_with_units(*, session: Session) -> list[ManagedUnits]:
    """Every person who manages at least one unit, with those units (by name), ordered by user id."""
    rows = session.exec(
        select(Person.platform_user_id, Unit.id, Unit.name)
        .join(PersonUnit, PersonUnit.person_id == Person.id)
        .join(Unit, Unit.id == PersonUnit.unit_id)
        .where(PersonUnit.relation == UnitRelation.MANAGER.value)
        .order_by(Person.platform_user_id, Unit.name_key)
    ).all()
    grouped: dict[str, list[tuple[int, str]]] = {}
    for user_id, unit_id, name in rows:
        grouped.setdefault(user_id, []).append((unit_id, name))
    return [ManagedUnits(user, tuple(i for i, _ in units), tuple(n for _, n in units)) for user, units in grouped.items()]
