"""`omsorgsbot gallra [--dry-run]`: remove what the retention plan lets go, and say what."""

from __future__ import annotations

import typer

from bot.clock import current_moment
from bot.database_setup import open_database
from bot.settings import get_settings


def register(app: typer.Typer) -> None:
    @app.command("gallra")
    def gallra(
        dry_run: bool = typer.Option(False, "--dry-run", help="Visa bara vad som skulle tas bort."),
    ) -> None:
        """Gallra enligt planen i knowledge/gallring.toml (RETENTION_FILE): ta bort det som är äldre."""
        from bot.retention.plan import RetentionPlanError, load_retention_plan
        from bot.retention.run import run_retention

        settings = get_settings()
        try:
            plan = load_retention_plan(settings.retention_file)
        except RetentionPlanError as error:
            typer.echo(str(error), err=True)
            raise typer.Exit(2) from None
        outcome = run_retention(engine=open_database(), plan=plan, now=current_moment(), dry_run=dry_run)
        typer.echo(outcome.text())
