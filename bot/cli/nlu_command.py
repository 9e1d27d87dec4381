"""`omsorgsbot nlu`: JSON lines in, one analysis per line out (the contract in shared/eval/SCHEMA.md)."""

from __future__ import annotations

import json
import sys

import typer

from bot.cli.json_lines import BadLine, read_json_lines
from bot.clock import ClockError, parse_today
from bot.database_setup import open_database
from bot.services import unit_entries


def register(app: typer.Typer) -> None:
    @app.command("nlu")
    def nlu_command(
        today: str | None = typer.Option(None, "--today", help="Dagens datum ÅÅÅÅ-MM-DD (tiden blir 23:59)."),
    ) -> None:
        """Läs JSON-rader {"text", "today"} från standard in och skriv analysen som JSON-rader."""
        from datetime import datetime

        from nlp_models.analyzer import STOCKHOLM, LanguageUnderstanding

        try:
            default_now = parse_today(today) if today else datetime.now(STOCKHOLM)
        except ClockError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from None
        nlu = LanguageUnderstanding(unit_entries(open_database()))
        out = sys.stdout
        for line in read_json_lines(sys.stdin, default_now):
            result = {"error": str(line)} if isinstance(line, BadLine) else nlu.understand(line.text, line.moment).contract()
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
