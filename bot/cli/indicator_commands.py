"""`omsorgsbot indicators list | compute | import FILE...`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from bot.database_setup import open_database
from bot.settings import get_settings
from intents.indicator_answers import current_definitions, format_value
from storage.database import session_scope
from storage.indicators.computation import compute_indicator_values
from storage.indicators.definitions import IndicatorDefinitionError, IndicatorSpec, load_indicator_catalog, \
    sync_indicator_definitions
from storage.indicators.value_import import import_indicator_files
from storage.indicators.periods import describe_period
from storage.indicators.status import indicator_statuses

MAX_LINES_SHOWN = 30


def _catalog() -> list[IndicatorSpec]:
    path = get_settings().indicators_file
    try:
        return load_indicator_catalog(path)
    except FileNotFoundError:
        typer.echo(f"Hittar inte indikatorfilen {path}.", err=True)
        raise typer.Exit(2) from None
    except IndicatorDefinitionError as exc:
        typer.echo(f"Fel i {path}:", err=True)
        for problem in exc.problems:
            typer.echo(f"  {problem}", err=True)
        raise typer.Exit(2) from None


def _echo_lines(title: str, lines: list[str], *, err: bool = False) -> None:
    if not lines:
        return
    typer.echo(title, err=err)
    for line in lines[:MAX_LINES_SHOWN]:
        typer.echo(f"  {line}", err=err)
    if len(lines) > MAX_LINES_SHOWN:
        typer.echo(f"  … och {len(lines) - MAX_LINES_SHOWN} till.", err=err)


def register(app: typer.Typer) -> None:
    indicators = typer.Typer(help="Kvalitetsindikatorer.", no_args_is_help=True)

    @indicators.command("list")
    def indicators_list() -> None:
        """Lista indikatorerna med senaste värde och mål (för kommunen)."""
        catalog = _catalog()
        with session_scope(open_database()) as session:
            definitions = current_definitions(session=session, catalog=catalog)
            table = Table("Id", "Indikator", "Senaste", "Period", "Mål", "Källa")
            for status in indicator_statuses(session=session, definitions=definitions):
                d, latest = status.definition, status.latest
                target = format_value(d.target, d.unit) if d.target is not None else "–"
                if latest is None:
                    table.add_row(d.id, d.name, "–", "–", target, "inga värden")
                    continue
                mark = {True: " ✅", False: " ⚠️", None: ""}[status.met]
                table.add_row(d.id, d.name, format_value(latest.value, d.unit) + mark,
                              describe_period(latest.period), target, latest.source)
            Console().print(table)

    @indicators.command("compute")
    def indicators_compute(
        today: str | None = typer.Option(None, "--today", help="Räkna som om det vore detta datum (ÅÅÅÅ-MM-DD)."),
    ) -> None:
        """Räkna fram indikatorerna från avvikelserna (hela månader)."""
        catalog = _catalog()
        try:
            day = date.fromisoformat(today) if today else None
        except ValueError:
            typer.echo(f"Datumet ”{today}” ska skrivas ÅÅÅÅ-MM-DD.", err=True)
            raise typer.Exit(2) from None
        with session_scope(open_database()) as session:
            sync_indicator_definitions(session=session, specs=catalog)
            result = compute_indicator_values(session=session, today=day)
        c = result.counts
        typer.echo(f"Beräknat {result.months} månader: {c.created} nya värden, {c.updated} ändrade, "
                   f"{c.unchanged} oförändrade, {result.removed} borttagna.")

    @indicators.command("import")
    def indicators_import(
        files: list[Path] = typer.Argument(..., help="CSV-filer, Kolada-JSON-sidor eller en katalog med dem."),
        kommun: str | None = typer.Option(None, "--kommun", help="Vår kommunkod i Kolada, t.ex. 0180."),
    ) -> None:
        """Importera indikatorvärden från CSV eller Koladas API v3 (JSON)."""
        missing = [str(f) for f in files if not f.exists()]
        if missing:
            typer.echo(f"Hittar inte: {', '.join(missing)}", err=True)
            raise typer.Exit(2)
        catalog = _catalog()
        with session_scope(open_database()) as session:
            result = import_indicator_files(session=session, paths=files, specs=catalog, municipality=kommun)
        c = result.counts
        typer.echo(f"{result.files} fil(er), {result.rows_read} värden lästa: {c.created} nya, {c.updated} ändrade, "
                   f"{c.unchanged} oförändrade.")
        _echo_lines("Att notera:", result.notes)
        _echo_lines(f"{len(result.problems)} rad(er) kunde inte importeras:", [str(p) for p in result.problems],
                    err=True)
        if not result.ok:
            raise typer.Exit(1)

    app.add_typer(indicators, name="indicators")
