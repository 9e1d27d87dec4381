"""`omsorgsbot import FILE.csv` and `omsorgsbot export`."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from bot.database_setup import open_database
from storage.database import session_scope
from storage.report_export import export_rows, write_csv, write_jsonl
from storage.report_import import ImportFileError, parse_file, read_file, write_parsed


@lru_cache(maxsize=1)
def _classifier():
    from nlp_models.reports.analyzer import ReportAnalyzer

    analyzer = ReportAnalyzer()
    return lambda text: analyzer.analyze(text).area


def _mask(text: str) -> str:
    from nlp_models.personal_data.masking import mask_personal_data

    return mask_personal_data(text).text


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_command(
        file: Path = typer.Argument(..., help="CSV-fil med rubrikrad."),
        strict: bool = typer.Option(False, "--strict", help="Avvisa hela filen om någon rad är fel."),
    ) -> None:
        """Importera historiska avvikelser och synpunkter från en CSV-fil."""
        try:
            parsed = parse_file(read_file(file), mask=_mask)
        except ImportFileError as exc:
            typer.echo(f"Importen avbröts: {exc}", err=True)
            raise typer.Exit(1) from None
        engine = open_database()
        show_bar = parsed.references >= 5_000 and sys.stderr.isatty()
        with Progress(TextColumn("Importerar"), BarColumn(), MofNCompleteColumn(), disable=not show_bar,
                      transient=True) as bar:
            task = bar.add_task("import", total=parsed.references)
            with session_scope(engine) as session:
                result = write_parsed(
                    session=session, parsed=parsed, classify=lambda t: _classifier()(t), strict=strict,
                    progress=lambda done: bar.update(task, completed=done),
                )
        for error in result.errors:
            typer.echo(f"Fel på {error}", err=True)
        if strict and result.errors:
            typer.echo(f"Ingenting importerades: {len(result.errors)} rader är felaktiga (--strict).", err=True)
            raise typer.Exit(1)
        typer.echo(
            f"Klart: {result.created} nya, {result.updated} uppdaterade, {result.unchanged} oförändrade"
            + (f", {len(result.errors)} avvisade rader." if result.errors else ".")
        )
        if result.errors:
            raise typer.Exit(1)

    @app.command("export")
    def export_command(
        format: str = typer.Option("csv", "--format", help="csv eller jsonl."),
        out: Path | None = typer.Option(None, "--out", help="Fil att skriva till (annars standard ut)."),
    ) -> None:
        """Exportera alla rapporter."""
        writers = {"csv": write_csv, "jsonl": write_jsonl}
        if format not in writers:
            typer.echo("Formatet måste vara csv eller jsonl.", err=True)
            raise typer.Exit(2)
        with session_scope(open_database()) as session:
            handle = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
            try:
                count = writers[format](export_rows(session=session), handle)
            finally:
                if out:
                    handle.close()
        if out:
            typer.echo(f"{count} rapporter skrivna till {out}.")
