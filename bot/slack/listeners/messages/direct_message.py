"""A direct message to the bot: one turn of the dialogue engine."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.conversation import incoming_text, post_replies
from bot.slack.deps import deps_of
from bot.slack.idempotency import delivery_keys, first_delivery
from intents.messages import ChannelKind, IncomingMessage


def is_person_writing(event: dict[str, Any]) -> bool:
    """Bot messages, edits, deletions, joins and every other subtype are not a person talking to us."""
    return not event.get("subtype") and not event.get("bot_id") and bool(event.get("user"))


def direct_message_callback(event: dict[str, Any], body: dict[str, Any], client: WebClient,
                            context: BoltContext) -> None:
    if event.get("channel_type") != "im" or not is_person_writing(event):
        return
    if event.get("user") == context.bot_user_id:
        return
    deps = deps_of(context)
    if not first_delivery(deps.db, delivery_keys(body)):
        return
    message = IncomingMessage(user_id=event["user"], text=incoming_text(event.get("text")),
                              at=deps.moment(event.get("ts")), channel=ChannelKind.DIRECT, source="slack")
    with deps.user_lock(event["user"]):
        replies = deps.dialogue.handle(message)
        post_replies(client, channel=event["channel"], user_id=event["user"], replies=replies,
                     thread_ts=event.get("thread_ts"))
