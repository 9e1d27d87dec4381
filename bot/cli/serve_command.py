"""`omsorgsbot serve`: the Slack app, in Socket Mode or over HTTP, with the outbox worker that sends
the bot's own messages and (unless --utan-schema) the scheduler."""

from __future__ import annotations

import logging

import typer

from bot.database_setup import open_database
from bot.settings import Settings, get_settings

log = logging.getLogger(__name__)
SWITCH_INTERVAL_S = 0.001
NO_MAS = ("Varning: ingen MAS kan nås – ingen har rollen mas och MAS_USER_IDS är tom. Allvarliga händelser "
          "larmas då till ingen. Ge MAS rollen: omsorgsbot users set-role <Slack-id> mas")


def warn_if_no_mas(db, settings: Settings) -> bool:
    """True (and a warning on the terminal and in the log) when no one would get an alert."""
    from intents.immediate_alerts import role_holders
    from storage.database import session_scope
    from storage.vocabulary import Role

    with session_scope(db) as session:
        reachable = role_holders(session=session, role=Role.MAS, fallback=settings.mas_user_ids)
    if reachable:
        return False
    log.warning(NO_MAS)
    typer.echo(NO_MAS, err=True)
    return True


def serve_slack(http: bool = False, port: int | None = None, host: str = "0.0.0.0", with_scheduler: bool = True) -> None:
    """Run the Slack app until stopped: Socket Mode when SLACK_APP_TOKEN is set (unless `http`), else HTTP."""
    settings = get_settings()
    if not settings.slack_bot_token:
        typer.echo("SLACK_BOT_TOKEN saknas. Se docs/installera-i-slack.md.", err=True)
        raise typer.Exit(2)
    socket_mode = bool(settings.slack_app_token) and not http
    if not socket_mode and not settings.slack_signing_secret:
        typer.echo("SLACK_SIGNING_SECRET behövs i HTTP-läget (eller sätt SLACK_APP_TOKEN för Socket Mode).", err=True)
        raise typer.Exit(2)

    from bot.slack.runner import build_slack_bot
    from storage.processed_events import forget_events_before

    import sys

    # Acks answer on the request threads while a work thread runs a turn: switching threads more
    # often than Python's default 5 ms keeps an ack from waiting behind it.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    db = open_database()
    forget_events_before(db)  # Slack redelivers for minutes; week-old idempotency keys can go
    warn_if_no_mas(db, settings)
    from bot.slack.startup import SlackStartupError, connect

    try:
        bot = connect(lambda: build_slack_bot(settings, db), say=lambda line: typer.echo(line, err=True))
    except SlackStartupError as exc:
        log.error("%s", exc)
        typer.echo(str(exc), err=True)
        raise typer.Exit(2 if exc.permanent else 1) from None
    from bot.warm_up import warm_up

    warm_up(bot.deps.services)  # before the first message, not during it
    bot.start()  # the outbox worker runs in every process
    scheduler = None
    if with_scheduler:
        from bot.scheduling.scheduler import start_scheduler

        # Weekly digest and alerts; safe in every worker, the database decides who sends.
        scheduler = start_scheduler(settings, db, wake=bot.worker.wake)
    try:
        if socket_mode:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            typer.echo("Omsorgsbot är igång i Slack (Socket Mode). Avsluta med Ctrl+C.", err=True)
            SocketModeHandler(bot.app, settings.slack_app_token).start()
            return

        from bot.slack.http_server import EVENTS_PATH, SlackHttpServer

        server = SlackHttpServer(bot.app, host=host, port=port if port is not None else settings.port)  # $PORT, else 3000
        typer.echo(f"Omsorgsbot lyssnar på http://{host}:{server.port}{EVENTS_PATH}. Avsluta med Ctrl+C.", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    finally:
        if scheduler is not None:
            scheduler.shutdown(wait=False)
        bot.stop()


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        http: bool = typer.Option(False, "--http", help="Kör över HTTP även om SLACK_APP_TOKEN finns."),
        port: int | None = typer.Option(None, "--port", help="HTTP-port (standard: $PORT, annars 3000)."),
        host: str = typer.Option("0.0.0.0", "--host", help="Adress att lyssna på i HTTP-läget."),
        scheduler: bool = typer.Option(True, "--schema/--utan-schema",
                                       help="Skicka veckosammanfattning och larm enligt schemat (standard: ja)."),
    ) -> None:
        """Starta Slack-appen: Socket Mode när SLACK_APP_TOKEN finns, annars HTTP på /slack/events."""
        serve_slack(http=http, port=port, host=host, with_scheduler=scheduler)
