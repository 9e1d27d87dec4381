"""People who use the bot, their roles and their units."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from storage.models import Person, PersonUnit, Unit
from storage.units import get_or_create_unit, get_unit_by_name
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
    *, session: Session, platform_user_id: str, role: Role, unit_name: str | None = None,
    unit_names: Sequence[str] | None = None,
) -> Person:
    """Give a user a role. Units given replace all the user's units (a chef manages them, everyone else
    belongs to them); without units, the links that fit the new role stay and the rest go, so a chef
    who becomes personal manages nothing any more."""
    person = get_or_create_person(session=session, platform_user_id=platform_user_id)
    person.role = Role(role).value
    session.add(person)
    relation = UnitRelation.MANAGER if role == Role.CHEF else UnitRelation.MEMBER
    wanted = [unit_name] if unit_name else [n for n in (unit_names or []) if n.strip()]
    links = list(session.exec(select(PersonUnit).where(PersonUnit.person_id == person.id)))
    for link in links:
        if wanted or link.relation != relation.value:
            session.delete(link)
    session.flush()
    for name in dict.fromkeys(wanted):
        unit = get_or_create_unit(session=session, name=name)
        if session.get(PersonUnit, (person.id, unit.id, relation.value)) is None:
            session.add(PersonUnit(person_id=person.id, unit_id=unit.id, relation=relation.value))
            session.flush()
    return person


def remove_unit(*, session: Session, platform_user_id: str, unit_name: str) -> bool:
    """Take a unit away from a user (whatever the relation); False if they had no link to it."""
    person = get_person(session=session, platform_user_id=platform_user_id)
    unit = get_unit_by_name(session=session, name=unit_name)
    if person is None or unit is None:
        return False
    links = list(session.exec(select(PersonUnit).where(PersonUnit.person_id == person.id,
                                                       PersonUnit.unit_id == unit.id)))
    for link in links:
        session.delete(link)
    session.flush()
    return bool(links)


def people_with_units(*, session: Session) -> list[tuple[Person, list[tuple[str, str]]]]:
    """Everyone the bot knows, by user id, with (unit name, relation) of each of their units."""
    people = list(session.exec(select(Person).order_by(Person.platform_user_id)))
    rows = session.exec(select(PersonUnit.person_id, Unit.name, PersonUnit.relation)
                        .join(Unit, Unit.id == PersonUnit.unit_id).order_by(Unit.name_key)).all()
    units: dict[int, list[tuple[str, str]]] = {}
    for person_id, name, relation in rows:
        units.setdefault(person_id, []).append((name, relation))
    return [(person, units.get(person.id, [])) for person in people]


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
