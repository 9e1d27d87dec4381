"""`omsorgsbot units list` and `omsorgsbot users set-role`."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from bot.database_setup import open_database
from storage.database import session_scope
from storage.people import set_role
from storage.units import list_units
from storage.vocabulary import Role


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
        unit: str | None = typer.Option(None, "--unit", help="Enhet som användaren tillhör eller är chef för."),
    ) -> None:
        """Ge en användare en roll (och en enhet)."""
        try:
            chosen = Role(role.strip().casefold().replace("sjukskoterska", "sjuksköterska"))
        except ValueError:
            typer.echo(f"Okänd roll ”{role}”. Välj en av: {', '.join(r.value for r in Role)}.", err=True)
            raise typer.Exit(2) from None
        with session_scope(open_database()) as session:
            set_role(session=session, platform_user_id=user, role=chosen, unit_name=unit)
        where = f" på {unit}" if unit else ""
        typer.echo(f"{user} har nu rollen {chosen.value}{where}.")

    app.add_typer(units, name="units")
    app.add_typer(users, name="users")
