"""@omsorgsbot in a channel: questions that reveal no report details; a report moves to a DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.conversation import incoming_text, post_replies, without_mention
from bot.slack.deps import deps_of
from bot.slack.idempotency import delivery_keys
from bot.slack.message_shapes import answer, is_person_writing
from intents.messages import ChannelKind, IncomingMessage


def app_mention_callback(event: dict[str, Any], body: dict[str, Any], client: WebClient,
                         context: BoltContext) -> None:
    if not is_person_writing(event) or event.get("channel_type") == "im":
        return  # a mention inside the bot's DM arrives as message.im as well
    deps = deps_of(context)
    # The engine stores nothing from a public message: a report is refused and moved to a DM.
    message = IncomingMessage(user_id=event["user"], text=incoming_text(without_mention(event.get("text"),
                                                                                        context.bot_user_id)),
                              at=deps.moment(event.get("ts")), channel=ChannelKind.PUBLIC, thread_key=event["channel"],
                              source="slack", once_keys=tuple(delivery_keys(body)))
    replies = answer(deps, message, event, private_notice=True)  # the notice only to the one who wrote
    if replies is not None:
        post_replies(client, deps.channels, channel=event["channel"], user_id=event["user"], replies=replies,
                     public=True, thread_ts=event.get("thread_ts") or event.get("ts"))
