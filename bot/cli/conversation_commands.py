"""`omsorgsbot chat`, `omsorgsbot ask` and `omsorgsbot start`: talking to the bot from the terminal."""

from __future__ import annotations

import json
import sys

import typer

from bot.cli.json_lines import BadLine, read_json_lines
from bot.clock import ClockError, current_moment
from bot.database_setup import open_database
from bot.reply_text import render_replies
from bot.settings import get_settings
from storage.database import session_scope
from storage.people import set_role
from storage.vocabulary import Role


def _role(value: str | None) -> Role | None:
    if value is None:
        return None
    try:
        return Role(value.strip().casefold().replace("sjukskoterska", "sjuksköterska"))
    except ValueError:
        typer.echo(f"Okänd roll ”{value}”. Välj en av: {', '.join(r.value for r in Role)}.", err=True)
        raise typer.Exit(2) from None


def _engine_for(notifier):
    from bot.services import build_services
    from intents.engine import DialogueEngine

    return DialogueEngine(build_services(get_settings(), open_database(), notifier))


def _ensure_demo_data(db) -> None:
    from bot.demo_data import create_demo_data, is_empty

    with session_scope(db) as session:
        if is_empty(session):
            created = create_demo_data(session=session, now=current_moment())
            typer.echo(f"Tom databas: jag lade in DEMODATA (enheter, personer och {created} påhittade rapporter "
                       "märkta DEMO-…). Användare: demo-personal, demo-ssk, demo-chef, demo-mas.")


def _chat(user: str, role: Role | None, demo: bool) -> None:
    import threading

    from bot.terminal_chat import run_chat
    from intents.notifier import PrintingNotifier
    from nlp_models.text.spelling import load_swedish_words

    # The spelling check's word list takes a second to read: read it while the person types.
    threading.Thread(target=load_swedish_words, name="word-list", daemon=True).start()

    db = open_database()
    if demo:
        _ensure_demo_data(db)
    if role is not None:
        with session_scope(db) as session:
            set_role(session=session, platform_user_id=user, role=role)
    run_chat(_engine_for(PrintingNotifier()), user, clock=lambda: current_moment())


def register(app: typer.Typer) -> None:
    @app.command("chat")
    def chat(
        user: str = typer.Option("demo-personal", "--user", help="Vem du är (användar-id)."),
        as_role: str | None = typer.Option(None, "--as", help="Ge användaren en roll: personal, sjuksköterska, chef, mas, sas, admin."),
        demo: bool = typer.Option(True, "--demo/--no-demo", help="Lägg in demodata om databasen är tom."),
    ) -> None:
        """Chatta med boten i terminalen."""
        _chat(user, _role(as_role), demo)

    @app.command("start")
    def start() -> None:
        """Starta boten: i Slack om nycklar finns, annars i terminalen med demodata."""
        settings = get_settings()
        if settings.slack_configured:
            from bot.cli.serve_command import serve_slack

            serve_slack()
            return
        _chat("demo-personal", None, demo=True)

    @app.command("ask")
    def ask(
        message: str | None = typer.Argument(None, help="Meddelandet. Utan meddelande läses JSON-rader från standard in."),
        user: str = typer.Option("terminal", "--user", help="Användar-id; samma id fortsätter samma samtal."),
        as_role: str | None = typer.Option(None, "--as", help="Ge användaren en roll (skapar användaren om den är ny)."),
        today: str | None = typer.Option(None, "--today", help="Dagens datum ÅÅÅÅ-MM-DD (tiden blir 23:59)."),
        now: str | None = typer.Option(None, "--now", help="Exakt tidpunkt 'ÅÅÅÅ-MM-DD TT:MM'."),
    ) -> None:
        """Skicka ett meddelande och skriv ut svaret."""
        from intents.messages import IncomingMessage
        from intents.notifier import RecordingNotifier

        role = _role(as_role)
        try:
            default_moment = current_moment(today, now)
        except ClockError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from None
        notifier = RecordingNotifier()
        engine = _engine_for(notifier)
        roles_given: set[str] = set()

        def send(user_id: str, text: str, moment) -> str:
            if role is not None and user_id not in roles_given:
                with session_scope(engine.services.engine) as session:
                    set_role(session=session, platform_user_id=user_id, role=role)
                roles_given.add(user_id)
            answer = render_replies(engine.handle(IncomingMessage(user_id=user_id, text=text, at=moment)))
            for recipient, note in notifier.sent:
                typer.echo(f"[meddelande till {recipient}] {note}", err=True)
            notifier.sent.clear()
            return answer

        if message is not None:
            typer.echo(send(user, message, default_moment))
            return
        if sys.stdin.isatty():
            typer.echo("Skriv ett meddelande som argument, eller skicka JSON-rader på standard in.", err=True)
            raise typer.Exit(2)
        for line in read_json_lines(sys.stdin, default_moment):
            if isinstance(line, BadLine):
                typer.echo(json.dumps({"text": None, "answer": f"Fel på {line}"}, ensure_ascii=False))
                continue
            answer = send(str(line.item.get("user") or user), line.text, line.moment)
            typer.echo(json.dumps({"text": line.text, "answer": answer}, ensure_ascii=False))
