"""Who may handle which reports: chef the units they manage, mas and admin all, sas may read and
comment on all (and assess lex Sarah), sjuksköterska may read and comment on reports of their units,
personal none. Lex Maria is assessed by the MAS, lex Sarah by the SAS or the unit's chef."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from storage.models import Person
from storage.people import units_of
from storage.vocabulary import Role, UnitRelation

REFUSAL = ("Att hantera avvikelser och synpunkter gör enhetschefer och MAS. "
           "Vill du veta hur det har gått med det du själv har rapporterat? Skriv ”mina rapporter”.")
NO_UNITS = ("Du har ingen enhet kopplad till dig ännu, så jag har inga rapporter att visa. "
            "Be en administratör koppla dig till din enhet.")
COMMENT_ONLY = ("Som sjuksköterska kan du kommentera rapporter på dina enheter, till exempel "
                "”{reference} kommentar: …”. Status, lagrum, utredning, orsak, åtgärd och återkoppling "
                "ändras av enhetschefen.")


@dataclass(frozen=True)
class HandlingScope:
    everything: bool
    unit_ids: tuple[int, ...] = ()
    may_update: bool = False  # change status, lagrum, investigation, cause, action, feedback

    def allows_unit(self, unit_id: int) -> bool:
        return self.everything or unit_id in self.unit_ids

    @property
    def listed_unit_ids(self) -> tuple[int, ...] | None:
        """None: every unit."""
        return None if self.everything else self.unit_ids


def handling_scope(*, session: Session, person: Person, mas_user_ids=(), sas_user_ids=()) -> HandlingScope | None:
    """None when the role may not handle reports at all. Everyone with a scope may read and comment.
    The user ids of MAS_USER_IDS and SAS_USER_IDS count as those roles."""
    if person.role in (Role.MAS.value, Role.ADMIN.value) or person.platform_user_id in mas_user_ids:
        return HandlingScope(everything=True, may_update=True)
    if person.role == Role.SAS.value or person.platform_user_id in sas_user_ids:
        return HandlingScope(everything=True, may_update=False)
    if person.role == Role.CHEF.value:
        units = units_of(session=session, person=person, relation=UnitRelation.MANAGER)
        return HandlingScope(everything=False, unit_ids=tuple(u.id for u in units), may_update=True)
    if person.role == Role.SJUKSKOTERSKA.value:
        units = units_of(session=session, person=person)
        return HandlingScope(everything=False, unit_ids=tuple(u.id for u in units), may_update=False)
    return None


LEX_ASSESSORS = {"lex maria": "MAS", "lex sarah": "SAS eller enhetschefen"}


def lex_refusal(*, session: Session, person: Person, unit_id: int, law: str,
                mas_user_ids=(), sas_user_ids=()) -> str | None:
    """None when `person` may record the `law` assessment of a report of `unit_id`; else why not."""
    if person.role == Role.ADMIN.value:
        return None
    if law == "lex maria":
        if person.role == Role.MAS.value or person.platform_user_id in mas_user_ids:
            return None
        return "Lex Maria bedöms av MAS. Du kan kommentera rapporten, så ser MAS det."
    if person.role == Role.SAS.value or person.platform_user_id in sas_user_ids:
        return None
    if person.role == Role.CHEF.value:
        managed = {u.id for u in units_of(session=session, person=person, relation=UnitRelation.MANAGER)}
        if unit_id in managed:
            return None
    return "Lex Sarah bedöms av SAS eller enhetschefen för enheten. Du kan kommentera rapporten."


def turn_scope(turn) -> HandlingScope | None:
    """The handling scope of the person talking (`intents.turn.Turn`)."""
    services = turn.services
    return handling_scope(session=turn.session, person=turn.person,
                          mas_user_ids=getattr(services, "mas_user_ids", ()),
                          sas_user_ids=getattr(services, "sas_user_ids", ()))
