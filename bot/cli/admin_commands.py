"""`omsorgsbot units list | add` and `omsorgsbot users set-role | remove-unit | list`."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from bot.database_setup import open_database
from storage.database import session_scope
from storage.models import UnitCreate
from storage.people import people_with_units, remove_unit, set_role
from storage.units import create_unit, get_unit_by_name, guess_unit_type, list_units, name_key
from storage.vocabulary import Role, UnitRelation, UnitType

UNIT_TYPES = ", ".join(t.value for t in UnitType)
LOOKALIKE_SCORE = 0.8  # the unit matcher's score from which a new name would be read as a stored unit


def _unit_type(value: str | None, name: str) -> UnitType:
    if value is None:
        return guess_unit_type(name)
    folded = " ".join(value.casefold().replace("sarskilt", "särskilt").replace("hemtjanst", "hemtjänst").split())
    try:
        return UnitType(folded)
    except ValueError:
        typer.echo(f"Okänd enhetstyp ”{value}”. Välj en av: {UNIT_TYPES}.", err=True)
        raise typer.Exit(2) from None


def _matcher(units):
    """The unit matcher the chat uses, over the stored units: a name is read here as staff's words are."""
    from nlp_models.units.matcher import UnitEntry, UnitMatcher

    return UnitMatcher(UnitEntry(u.name, tuple(u.aliases)) for u in units)


def _names_taken(session, names: list[str]) -> str | None:
    """Why a new unit's name or alias would be mistaken for a stored unit ("Solgarden" beside Solgården, an
    alias another unit already has), or None."""
    units = list_units(session=session)
    matcher = _matcher(units)
    for said in names:
        for unit in units:
            if name_key(said) in {name_key(unit.name), *(name_key(a) for a in unit.aliases)}:
                return f"”{said}” är redan namnet på {unit.name} (eller ett av dess andra namn)."
        match = matcher.lookup(said)
        if match is not None and match.score >= LOOKALIKE_SCORE:
            return f"”{said}” liknar {match.name}, som redan finns."
    return None


def existing_units(session, names: list[str]) -> tuple[list[str], list[str]]:
    """The stored units the names mean ("Solgarden", an alias or a unique part of the name are read as
    the unit), and a line for each name read as another spelling. A name that is no unit stops the
    command with the nearest names: a typo must not create a second Solgården that nobody sees."""
    matcher = _matcher(list_units(session=session))
    found, notes = [], []
    for name in names:
        stored = get_unit_by_name(session=session, name=name)
        match = None if stored else matcher.lookup(name)
        if stored is None and match is None:
            nearest = matcher.suggest(name)
            hint = f" Menar du {' eller '.join(f'”{n}”' for n in nearest)}?" if nearest else ""
            typer.echo(f"Det finns ingen enhet som heter ”{name}”.{hint} En ny enhet läggs till med "
                       f"omsorgsbot units add \"{name}\" --typ TYP ({UNIT_TYPES}).", err=True)
            raise typer.Exit(2)
        chosen = stored.name if stored else match.name
        if name.strip() != chosen:
            notes.append(f"”{name.strip()}” lästes som {chosen}.")
        found.append(chosen)
    return found, notes


def register(app: typer.Typer) -> None:
    units = typer.Typer(help="Enheter.", no_args_is_help=True)
    users = typer.Typer(help="Användare och roller.", no_args_is_help=True)

    @units.command("list")
    def units_list() -> None:
        """Lista alla enheter."""
        with session_scope(open_database()) as session:
            rows = list_units(session=session)
            if not rows:
                typer.echo("Inga enheter ännu.")
                return
            table = Table("Enhet", "Typ", "Alias")
            for unit in rows:
                table.add_row(unit.name, unit.type, ", ".join(unit.aliases))
            Console().print(table)

    @units.command("add")
    def units_add(
        name: str = typer.Argument(..., help="Enhetens namn, t.ex. ”Solgården” eller ”Hemtjänst Norr”."),
        unit_type: str = typer.Option(None, "--typ", help=f"{UNIT_TYPES} (gissas av namnet om den saknas)."),
        alias: list[str] = typer.Option(None, "--alias", help="Annat namn som personalen använder; kan ges flera gånger."),
        new: bool = typer.Option(False, "--ny", help="Lägg till enheten fast namnet liknar en befintlig enhet."),
    ) -> None:
        """Lägg till en enhet."""
        name = " ".join(name.split())
        if not name:
            typer.echo("Enheten behöver ett namn.", err=True)
            raise typer.Exit(2)
        chosen = _unit_type(unit_type, name)
        aliases = [" ".join(a.split()) for a in (alias or []) if a.strip()]
        with session_scope(open_database()) as session:
            if get_unit_by_name(session=session, name=name) is not None:
                typer.echo(f"Enheten ”{name}” finns redan.", err=True)
                raise typer.Exit(1)
            taken = _names_taken(session, [name, *aliases])
            if taken and not new:
                typer.echo(f"{taken} Är det verkligen en annan enhet, lägg till den med --ny.", err=True)
                raise typer.Exit(1)
            create_unit(session=session, unit_in=UnitCreate(name=name, type=chosen, aliases=aliases))
        typer.echo(f"Enheten {name} ({chosen.value}) är tillagd.")

    @users.command("set-role")
    def users_set_role(
        user: str = typer.Argument(..., help="Användarens id i Slack (t.ex. U012ABC)."),
        role: str = typer.Argument(..., help="personal, sjuksköterska, chef, mas, sas eller admin."),
        unit: list[str] = typer.Option(None, "--unit", help="Enhet som användaren tillhör eller är chef för; "
                                       "kan ges flera gånger och ersätter användarens tidigare enheter. "
                                       "Enheten ska finnas (omsorgsbot units add)."),
    ) -> None:
        """Ge en användare en roll; med --unit ersätts användarens enheter."""
        user = user.strip()
        if not user:
            typer.echo("Ange användarens Slack-id, t.ex. U012ABC (i Slack: profilen → ⋮ → Kopiera medlems-id).",
                       err=True)
            raise typer.Exit(2)
        try:
            chosen = Role(role.strip().casefold().replace("sjukskoterska", "sjuksköterska"))
        except ValueError:
            typer.echo(f"Okänd roll ”{role}”. Välj en av: {', '.join(r.value for r in Role)}.", err=True)
            raise typer.Exit(2) from None
        with session_scope(open_database()) as session:
            units, notes = existing_units(session, [u for u in (unit or []) if u.strip()])
            set_role(session=session, platform_user_id=user, role=chosen, unit_names=units)
        where = f" på {', '.join(units)}" if units else ""
        for note in notes:
            typer.echo(note)
        typer.echo(f"{user} har nu rollen {chosen.value}{where}.")

    @users.command("remove-unit")
    def users_remove_unit(
        user: str = typer.Argument(..., help="Användarens id i Slack."),
        unit: str = typer.Argument(..., help="Enheten som ska tas bort från användaren."),
    ) -> None:
        """Ta bort en enhet från en användare (användaren ser då inte längre enhetens rapporter)."""
        with session_scope(open_database()) as session:
            removed = remove_unit(session=session, platform_user_id=user, unit_name=unit)
        if not removed:
            typer.echo(f"{user} är inte kopplad till någon enhet som heter ”{unit}”.", err=True)
            raise typer.Exit(1)
        typer.echo(f"{user} är inte längre kopplad till {unit}.")

    @users.command("list")
    def users_list() -> None:
        """Visa alla användare med roll och enheter."""
        with session_scope(open_database()) as session:
            rows = people_with_units(session=session)
            if not rows:
                typer.echo("Inga användare ännu.")
                return
            table = Table("Användare", "Namn", "Roll", "Enheter")
            for person, units in rows:
                shown = ", ".join(name + (" (chef)" if relation == UnitRelation.MANAGER.value else "")
                                  for name, relation in units)
                table.add_row(person.platform_user_id, person.display_name, person.role, shown or "–")
            Console(width=200).print(table)

    app.add_typer(units, name="units")
    app.add_typer(users, name="users")
