"""The shapes of a message a person sends: plain text, text with a picture or file (`file_share`),
or a thread reply also sent to the channel (`thread_broadcast`) are all read as text. Edits,
deletions, joins and bot messages are not a person talking to us.

Pictures are never fetched or stored (they may show a person or a record); the person is told once
a day to describe in words what the picture shows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.slack.deps import SlackDeps
from bot.slack.idempotency import first_delivery
from intents.messages import IncomingMessage, Reply
from storage.timestamps import to_stockholm

READ_SUBTYPES = (None, "file_share", "thread_broadcast")
PICTURE_NOTICE = ("Jag sparar inga bilder eller filer – de kan visa personer eller journaluppgifter. "
                  "Beskriv med ord vad som hände, och ta gärna bort bilden här.")
PICTURE_AGAIN = "Bilder kan jag inte läsa – skriv med ord vad som hände."


def is_person_writing(event: dict[str, Any]) -> bool:
    return event.get("subtype") in READ_SUBTYPES and not event.get("bot_id") and bool(event.get("user"))


def has_files(event: dict[str, Any]) -> bool:
    return bool(event.get("files")) or event.get("subtype") == "file_share"


def picture_replies(deps: SlackDeps, user_id: str, now: datetime, text: str) -> list[Reply]:
    """What to say about attached files: the whole notice once a day, else a short line when the
    message had nothing but the picture."""
    key = f"slack:picture-notice:{user_id}:{to_stockholm(now).date().isoformat()}"
    if first_delivery(deps.db, [key]):
        return [Reply(PICTURE_NOTICE)]
    return [] if text.strip() else [Reply(PICTURE_AGAIN)]


def answer(deps: SlackDeps, message: IncomingMessage, event: dict[str, Any], *,
           private_notice: bool = False) -> list[Reply] | None:
    """The replies to a person's message, or None when Slack delivered it before. Words go to the
    engine, which claims the delivery (`message.once_keys`) in the turn's own transaction; a message
    with attached files gets the picture notice first."""
    if message.text.strip():
        replies = deps.handle(message)
        if not replies:
            return None
    elif not first_delivery(deps.db, list(message.once_keys)):
        return None
    else:
        replies = [] if has_files(event) else deps.handle(replace(message, once_keys=()))
    if has_files(event):
        notice = picture_replies(deps, message.user_id, message.at, message.text)
        replies = [Reply(r.text, private=private_notice) for r in notice] + replies
    return replies
