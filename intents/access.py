"""Who may see which statistics: personal none, sjuksköterska their units, chef the units they
manage, mas and admin everything."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from storage.models import Person
from storage.people import units_of
from storage.vocabulary import Role, UnitRelation


@dataclass(frozen=True)
class StatisticsScope:
    everything: bool
    unit_ids: tuple[int, ...] = ()
    unit_names: tuple[str, ...] = ()

    def allows_unit(self, unit_id: int) -> bool:
        return self.everything or unit_id in self.unit_ids


REFUSAL = ("Statistik kan jag bara visa för sjuksköterskor, chefer och MAS, och då för de enheter de har ansvar för. "
           "Du kan rapportera, fråga om rutiner och se dina egna rapporter.")
NO_UNITS = ("Du har ingen enhet kopplad till dig ännu, så jag kan inte visa statistik. "
            "Be en administratör koppla dig till din enhet.")


def statistics_scope(*, session: Session, person: Person) -> StatisticsScope | None:
    """None when the role may not see statistics at all."""
    if person.role in (Role.MAS.value, Role.ADMIN.value):
        return StatisticsScope(everything=True)
    if person.role == Role.CHEF.value:
        units = units_of(session=session, person=person, relation=UnitRelation.MANAGER)
    elif person.role == Role.SJUKSKOTERSKA.value:
        units = units_of(session=session, person=person)
    else:
        return None
    return StatisticsScope(False, tuple(u.id for u in units), tuple(u.name for u in units))
