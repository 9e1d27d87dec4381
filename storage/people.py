"""People who use the bot, their roles and their units."""

from __future__ import annotations

from sqlmodel import Session, select

from storage.models import Person, PersonUnit, Unit
from storage.units import get_or_create_unit
from storage.vocabulary import Role, UnitRelation


def get_person(*, session: Session, platform_user_id: str) -> Person | None:
    return session.exec(select(Person).where(Person.platform_user_id == platform_user_id)).first()


def get_or_create_person(
    *, session: Session, platform_user_id: str, display_name: str = "", role: Role = Role.PERSONAL
) -> Person:
    person = get_person(session=session, platform_user_id=platform_user_id)
    if person is None:
        person = Person(platform_user_id=platform_user_id, display_name=display_name, role=Role(role).value)
        session.add(person)
        session.flush()
    return person


def set_role(
    *, session: Session, platform_user_id: str, role: Role, unit_name: str | None = None
) -> Person:
    """Give a user a role; with a unit, a chef manages it and everyone else belongs to it."""
    person = get_or_create_person(session=session, platform_user_id=platform_user_id)
    person.role = Role(role).value
    session.add(person)
    if unit_name:
        unit = get_or_create_unit(session=session, name=unit_name)
        relation = UnitRelation.MANAGER if role == Role.CHEF else UnitRelation.MEMBER
        link = session.get(PersonUnit, (person.id, unit.id, relation.value))
        if link is None:
            session.add(PersonUnit(person_id=person.id, unit_id=unit.id, relation=relation.value))
    session.flush()
    return person


def units_of(*, session: Session, person: Person, relation: UnitRelation | None = None) -> list[Unit]:
    query = select(Unit).join(PersonUnit, PersonUnit.unit_id == Unit.id).where(PersonUnit.person_id == person.id)
    if relation is not None:
        query = query.where(PersonUnit.relation == relation.value)
    return list(session.exec(query.order_by(Unit.name_key)).unique())


def managers_of(*, session: Session, unit_id: int) -> list[Person]:
    """The chefs who manage a unit."""
    query = (
        select(Person)
        .join(PersonUnit, PersonUnit.person_id == Person.id)
        .where(PersonUnit.unit_id == unit_id, PersonUnit.relation == UnitRelation.MANAGER.value)
    )
    return list(session.exec(query))


def user_ids_with_role(*, session: Session, role: Role) -> list[str]:
    """Platform user ids of everyone with `role`, in a stable order."""
    query = select(Person.platform_user_id).where(Person.role == Role(role).value).order_by(Person.id)
    return list(session.exec(query))
