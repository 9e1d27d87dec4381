"""`omsorgsbot units list` and `omsorgsbot users set-role | remove-unit | list`."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from bot.database_setup import open_database
from storage.database import session_scope
from storage.people import people_with_units, remove_unit, set_role
from storage.units import list_units
from storage.vocabulary import Role, UnitRelation


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

    @users.command("set-role")
    def users_set_role(
        user: str = typer.Argument(..., help="Användarens id i Slack (t.ex. U012ABC)."),
        role: str = typer.Argument(..., help="personal, sjuksköterska, chef, mas eller admin."),
        unit: list[str] = typer.Option(None, "--unit", help="Enhet som användaren tillhör eller är chef för; "
                                       "kan ges flera gånger och ersätter användarens tidigare enheter."),
    ) -> None:
        """Ge en användare en roll; med --unit ersätts användarens enheter."""
        try:
            chosen = Role(role.strip().casefold().replace("sjukskoterska", "sjuksköterska"))
        except ValueError:
            typer.echo(f"Okänd roll ”{role}”. Välj en av: {', '.join(r.value for r in Role)}.", err=True)
            raise typer.Exit(2) from None
        units = [u for u in (unit or []) if u.strip()]
        with session_scope(open_database()) as session:
            set_role(session=session, platform_user_id=user, role=chosen, unit_names=units)
        where = f" på {', '.join(units)}" if units else ""
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
