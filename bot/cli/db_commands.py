"""`omsorgsbot db upgrade`."""

from __future__ import annotations

import typer

from bot.database_setup import open_database


def register(app: typer.Typer) -> None:
    db = typer.Typer(help="Databasen.", no_args_is_help=True)

    @db.command("upgrade")
    def upgrade() -> None:
        """Uppdatera databasens schema till senaste version."""
        engine = open_database()
        typer.echo(f"Databasen är uppdaterad ({engine.url.render_as_string(hide_password=True)}).")

    app.add_typer(db, name="db")
