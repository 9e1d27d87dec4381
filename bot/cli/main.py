"""The `omsorgsbot` command: one Typer app, one module per group of subcommands."""

from __future__ import annotations

import logging

import typer

from bot.cli import (
    admin_commands,
    conversation_commands,
    db_commands,
    indicator_commands,
    nlu_command,
    report_commands,
    retention_command,
    serve_command,
    transfer_commands,
)

app = typer.Typer(
    name="omsorgsbot",
    help="Omsorgsbot: avvikelser, synpunkter, statistik och rutiner för äldreomsorgen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

db_commands.register(app)
transfer_commands.register(app)
admin_commands.register(app)
nlu_command.register(app)
indicator_commands.register(app)
conversation_commands.register(app)
serve_command.register(app)
report_commands.register(app)
retention_command.register(app)


@app.callback()
def _configure(verbose: bool = typer.Option(False, "--verbose", "-v", help="Visa loggning.")) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.INFO if verbose else logging.WARNING)


if __name__ == "__main__":
    app()
