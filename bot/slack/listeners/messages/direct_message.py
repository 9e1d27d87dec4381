"""A direct message to the bot: one turn of the dialogue engine (after the ack)."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.conversation import incoming_text, post_replies
from bot.slack.deps import deps_of
from bot.slack.idempotency import delivery_keys
from bot.slack.message_shapes import answer, is_person_writing
from intents.messages import ChannelKind, IncomingMessage


def direct_message_callback(event: dict[str, Any], body: dict[str, Any], client: WebClient,
                            context: BoltContext) -> None:
    if event.get("channel_type") != "im" or not is_person_writing(event):
        return
    if event.get("user") == context.bot_user_id:
        return
    deps = deps_of(context)
    user_id, channel = event["user"], event["channel"]
    deps.channels.remember(user_id, channel)  # message.im reaches the bot only from its own DMs
    message = IncomingMessage(user_id=user_id, text=incoming_text(event.get("text")), at=deps.moment(event.get("ts")),
                              channel=ChannelKind.DIRECT, source="slack", once_keys=tuple(delivery_keys(body)))
    with deps.user_lock(user_id):
        replies = answer(deps, message, event)
        if replies is not None:
            post_replies(client, deps.channels, channel=channel, user_id=user_id, replies=replies,
                         thread_ts=event.get("thread_ts"))
