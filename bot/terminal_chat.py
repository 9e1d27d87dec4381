"""The terminal channel: an interactive chat with the same conversation core as Slack. The bot's own
messages to this session's user are shown in it (bot/terminal_inbox.py); messages to others wait
for their own session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.reply_text import render_replies
from bot.terminal_inbox import TerminalInbox
from intents.engine import DialogueEngine
from intents.messages import IncomingMessage

QUIT_WORDS = {"sluta", "hejdå", "hej då", "exit", "quit", ":q"}


def run_chat(
    engine: DialogueEngine,
    user_id: str,
    clock: Callable[[], datetime],
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
) -> None:
    write("Omsorgsbot i terminalen. Skriv ”hjälp” för att se vad jag kan, ”sluta” för att avsluta.")
    services = engine.services
    inbox = TerminalInbox(services.engine, user_id, write, tuple(services.admin_user_ids))
    services.wake_delivery = lambda: None  # queued messages are shown by the inbox, to their own session
    inbox.deliver(clock())  # what waited for this person
    while True:
        try:
            text = read("\ndu> ")
        except (EOFError, KeyboardInterrupt):
            write("\nHej då!")
            return
        if text.strip().casefold() in QUIT_WORDS:
            write("Hej då!")
            return
        replies = engine.handle(IncomingMessage(user_id=user_id, text=text, at=clock(), source="terminal"))
        write("\nbot> " + render_replies(replies).replace("\n", "\n     "))
        inbox.deliver(clock())
