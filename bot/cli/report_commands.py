"""`omsorgsbot digest` (the weekly MAS digest) and `omsorgsbot rapport` (annual statistics for the kvalitetsberättelse)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import typer

from bot.clock import ClockError, current_moment
from bot.database_setup import open_database
from bot.settings import Settings, get_settings
from storage.database import session_scope

DIGEST_DIR = Path("data") / "sammanfattningar"


def deliverer_for(settings: Settings, out_dir: Path):
    """Slack when configured, else the terminal (texts printed, the chart written to a file)."""
    if settings.slack_bot_token:
        from bot.slack.outbox_sender import slack_delivery

        return slack_delivery(settings)
    from bot.scheduling.terminal_delivery import TerminalDelivery

    return TerminalDelivery(out_dir, write=typer.echo)


def _today(value: str | None) -> date:
    try:
        return current_moment(value).date()
    except ClockError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None


def _unit_scope(engine, name: str | None) -> tuple[tuple[int, ...] | None, str | None]:
    if name is None:
        return None, None
    from storage.units import get_unit_by_name, list_units

    with session_scope(engine) as session:
        unit = get_unit_by_name(session=session, name=name)
        if unit is None:
            known = ", ".join(u.name for u in list_units(session=session)) or "inga"
            typer.echo(f"Hittar ingen enhet som heter ”{name}”. Enheter: {known}.", err=True)
            raise typer.Exit(2)
        return (unit.id,), unit.name


def _preview(engine, settings: Settings, week, unit_ids, scope_name, out_dir: Path) -> None:
    from intents.digest.indicator_lines import off_target_lines
    from intents.digest.weekly_digest import build_weekly_digest

    with session_scope(engine) as session:
        digest = build_weekly_digest(session=session, week=week, unit_ids=unit_ids, scope_name=scope_name,
                                     off_target_lines=off_target_lines(settings.indicators_file))
    out_dir.mkdir(parents=True, exist_ok=True)
    chart = out_dir / digest.chart_name
    chart.write_bytes(digest.chart_png)
    typer.echo(digest.text)
    typer.echo(f"\nDiagram: {chart}")
    typer.echo("(Förhandsvisning – inget skickades. Lägg till --send för att skicka.)", err=True)


def _send(engine, settings: Settings, week, unit_ids, scope_name, out_dir: Path) -> None:
    from bot.scheduling.digest_audiences import Audience, mas_audience
    from bot.scheduling.digest_delivery import FAILED, SKIPPED, deliver_digest
    from bot.scheduling.digest_due import DueDigest
    from intents.delivery import deliver_now
    from storage.digest_runs import SENT, digest_message_prefix, get_digest_run, settle_digest_runs
    from storage.people import managers_of
    from storage.timestamps import utc_now

    if unit_ids is None:
        with session_scope(engine) as session:
            audience = mas_audience(session=session, settings=settings)
    else:
        with session_scope(engine) as session:
            chefs = [p.platform_user_id for p in managers_of(session=session, unit_id=unit_ids[0])]
        audience = Audience(f"enhet:{scope_name}"[:120], tuple(chefs), unit_ids, scope_name)
    if not audience.recipients:
        who = "rollen mas, MAS_USER_IDS eller DIGEST_CHANNEL" if unit_ids is None else f"en chef för {scope_name}"
        typer.echo(f"Ingen mottagare: ange {who}. Inget skickades.", err=True)
        raise typer.Exit(1)
    outcome = deliver_digest(engine=engine, settings=settings, audience=audience,
                             due=DueDigest(week, utc_now(), late=False), now=utc_now())
    if outcome.result == SKIPPED:
        typer.echo(f"Sammanfattningen för {week.describe()} är redan skickad (eller skickas just nu).", err=True)
        raise typer.Exit(1)
    if outcome.result == FAILED:
        typer.echo(f"Det gick inte att skicka: {outcome.error}. Den skickas igen vid nästa körning.", err=True)
        raise typer.Exit(1)
    done = deliver_now(engine=engine, deliverer=deliverer_for(settings, out_dir), admins=settings.admin_user_ids,
                       key_prefix=digest_message_prefix(week.label, audience.key))
    with session_scope(engine) as session:
        settle_digest_runs(session=session)
        run = get_digest_run(session=session, week=week.label, audience=audience.key)
    if run is None or run.status != SENT:
        problems = "; ".join(done.problems) or "inte alla delar kom fram än"
        typer.echo(f"Sammanfattningen är köad men inte helt skickad ({problems}). Boten försöker igen.", err=True)
        raise typer.Exit(1)
    typer.echo(f"Skickad till {', '.join(audience.recipients)}.", err=True)


def _year(value: int) -> int:
    if not 1900 < value < 3000:
        typer.echo(f"Ogiltigt år {value}.", err=True)
        raise typer.Exit(2)
    return value


def annual_document(engine, year: int, today: date):
    from intents.annual_report.annual_document import build_annual_document
    from intents.annual_report.annual_figures import build_annual_figures

    with session_scope(engine) as session:
        return build_annual_document(build_annual_figures(session=session, year=year, today=today))


def write_annual_report(engine, year: int, fmt: str, out: Path, today: date) -> list[Path]:
    document = annual_document(engine, year, today)
    if fmt == "html":
        from intents.annual_report.annual_html import render_html

        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render_html(document), encoding="utf-8")
        return [out]
    from intents.annual_report.annual_markdown import write_markdown

    return write_markdown(document, out)


def print_annual_report(engine, year: int, fmt: str, today: date) -> str:
    """The report as text for standard output (Markdown without its chart files; HTML with them inside)."""
    document = annual_document(engine, year, today)
    if fmt == "html":
        from intents.annual_report.annual_html import render_html

        return render_html(document)
    from intents.annual_report.annual_markdown import render_markdown

    return render_markdown(document, None)[0]


def register(app: typer.Typer) -> None:
    @app.command("påminnelser")
    @app.command("paminnelser", hidden=True)
    def reminders(
        now: str | None = typer.Option(None, "--now", help="Tidpunkten 'ÅÅÅÅ-MM-DD TT:MM' (annars nu)."),
        user: str | None = typer.Option(None, "--user", help="Bara en persons påminnelse."),
        send: bool = typer.Option(False, "--send", help="Skicka dagens påminnelser som inte skickats än."),
        out_dir: Path = typer.Option(DIGEST_DIR, "--out-dir", help="Mapp för bilder (används inte)."),
    ) -> None:
        """Dagens påminnelser: det som väntar på chefer, MAS och SAS (en per person och vardag)."""
        from bot.scheduling.reminders import queue_due_reminders, todays_reminders
        from intents.delivery import deliver_now
        from storage.reminder_runs import reminder_message_prefix
        from storage.timestamps import to_stockholm, utc_now

        settings = get_settings()
        engine = open_database()
        try:
            moment = current_moment(None, now)
        except ClockError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from None
        if send:
            queued = queue_due_reminders(engine=engine, settings=settings, now=moment, force=True)
            done = deliver_now(engine=engine, deliverer=deliverer_for(settings, out_dir), admins=settings.admin_user_ids,
                               now=max(moment, utc_now()), key_prefix=reminder_message_prefix(to_stockholm(moment).date()))
            typer.echo(f"{done.sent} påminnelser skickade ({queued} nya i utkorgen).")
            if done.retried or done.failed:
                problems = "; ".join(done.problems) or "Slack svarade inte"
                typer.echo(f"{done.retried + done.failed} kom inte fram ({problems}); boten försöker igen.", err=True)
                raise typer.Exit(1)
            return
        found = todays_reminders(engine=engine, settings=settings, now=moment, only=[user] if user else None)
        if not found:
            typer.echo("Inget väntar – inga påminnelser i dag.")
        for reminder in found:
            typer.echo(f"\n[till {reminder.recipient}]\n{reminder.text}")

    @app.command("digest")
    def digest(
        today: str | None = typer.Option(None, "--today", help="Dagens datum ÅÅÅÅ-MM-DD; gäller veckan före."),
        unit: str | None = typer.Option(None, "--unit", help="Bara en enhet."),
        send: bool = typer.Option(False, "--send", help="Skicka till mottagarna (annars bara förhandsvisning)."),
        out_dir: Path = typer.Option(DIGEST_DIR, "--out-dir", help="Mapp för diagrammet."),
    ) -> None:
        """Veckosammanfattningen för MAS: förra veckans avvikelser, synpunkter och det som väntar."""
        from intents.digest.iso_weeks import last_full_week

        settings = get_settings()
        engine = open_database()
        week = last_full_week(_today(today))
        unit_ids, scope_name = _unit_scope(engine, unit)
        if send:
            _send(engine, settings, week, unit_ids, scope_name, out_dir)
        else:
            _preview(engine, settings, week, unit_ids, scope_name, out_dir)

    @app.command("rapport")
    def rapport(
        year: int = typer.Option(datetime.now().year - 1, "--år", "--year", help="Året rapporten gäller."),
        fmt: str = typer.Option("md", "--format", help="md eller html."),
        out: Path | None = typer.Option(None, "--out", help="Fil att skriva (md: diagrammen som PNG bredvid); "
                                                            "utan --out skrivs rapporten ut i terminalen."),
        today: str | None = typer.Option(None, "--today", help="Dagens datum ÅÅÅÅ-MM-DD (ett år som pågår "
                                                                "räknas t.o.m. den dagen)."),
    ) -> None:
        """Statistik till kvalitetsberättelsen enligt SKR:s mall: avvikelser, synpunkter, IVO-ärenden och
        egenkontroll per område, enhet och månad mot samma dagar året före."""
        fmt = fmt.strip().casefold().lstrip(".")
        if fmt not in {"md", "html"}:
            typer.echo("Formatet kan vara md eller html.", err=True)
            raise typer.Exit(2)
        if out is None:
            typer.echo(print_annual_report(open_database(), _year(year), fmt, _today(today)), nl=False)
            return
        written = write_annual_report(open_database(), _year(year), fmt, out, _today(today))
        typer.echo(f"Skrev {written[0]}" + (f" och {len(written) - 1} diagram bredvid" if len(written) > 1 else "") + ".")
