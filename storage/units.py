"""Units (enheter): lookup and creation. Names are unique whatever their case."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from storage.models import Unit, UnitCreate
from storage.vocabulary import UnitType


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def guess_unit_type(name: str) -> UnitType:
    """A sensible type for a unit created by an import, from its name alone."""
    key = name_key(name)
    if "hemtj" in key:
        return UnitType.HEMTJANST
    if "korttid" in key:
        return UnitType.KORTTIDSBOENDE
    if key.endswith(("gården", "hagen", "backen", "boende", "hemmet")) or "säbo" in key:
        return UnitType.SARSKILT_BOENDE
    return UnitType.ANNAN


def get_unit_by_name(*, session: Session, name: str) -> Unit | None:
    return session.exec(select(Unit).where(Unit.name_key == name_key(name))).first()


def create_unit(*, session: Session, unit_in: UnitCreate) -> Unit:
    unit = Unit(
        name=" ".join(unit_in.name.split()),
        name_key=name_key(unit_in.name),
        type=UnitType(unit_in.type).value,
        aliases=list(unit_in.aliases),
    )
    session.add(unit)
    session.flush()
    return unit


def get_or_create_unit(*, session: Session, name: str, unit_type: UnitType | None = None) -> Unit:
    unit = get_unit_by_name(session=session, name=name)
    if unit is None:
        unit = create_unit(
            session=session, unit_in=UnitCreate(name=name, type=unit_type or guess_unit_type(name))
        )
    return unit


def list_units(*, session: Session) -> list[Unit]:
    return list(session.exec(select(Unit).order_by(Unit.name_key)))


def units_by_ids(*, session: Session, unit_ids) -> list[Unit]:
    """The units with these ids, by name."""
    ids = list(unit_ids)
    if not ids:
        return []
    return list(session.exec(select(Unit).where(Unit.id.in_(ids)).order_by(Unit.name_key)))  # type: ignore[attr-defined]


def set_aliases(*, session: Session, unit: Unit, aliases: list[str]) -> Unit:
    unit.aliases = sorted({a.strip() for a in aliases if a.strip()})
    session.add(unit)
    session.flush()
    return unit


def units_signature(*, session: Session) -> tuple[int, int]:
    """Changes whenever a unit is added or removed: (count, highest id)."""
    count, highest = session.exec(select(func.count(Unit.id), func.max(Unit.id))).one()
    return count, highest or 0
