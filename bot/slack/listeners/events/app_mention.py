"""@omsorgsbot in a channel: questions that reveal no report details; a report moves to a DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.conversation import incoming_text, post_replies, without_mention
from bot.slack.deps import deps_of
from bot.slack.idempotency import delivery_keys, first_delivery
from bot.slack.message_shapes import has_files, is_person_writing, picture_replies
from intents.messages import ChannelKind, IncomingMessage, Reply


def app_mention_callback(event: dict[str, Any], body: dict[str, Any], client: WebClient,
                         context: BoltContext) -> None:
    if not is_person_writing(event) or event.get("channel_type") == "im":
        return  # a mention inside the bot's DM arrives as message.im as well
    deps = deps_of(context)
    if not first_delivery(deps.db, delivery_keys(body)):
        return
    text = incoming_text(without_mention(event.get("text"), context.bot_user_id))
    at = deps.moment(event.get("ts"))
    replies: list[Reply] = []
    if has_files(event):  # shown only to the one who mentioned the bot
        replies += [Reply(r.text, private=True) for r in picture_replies(deps, event["user"], at, text)]
    if text.strip() or not replies:
        # The engine stores nothing from a public message: a report is refused and moved to a DM.
        replies += deps.dialogue.handle(IncomingMessage(user_id=event["user"], text=text, at=at,
                                                        channel=ChannelKind.PUBLIC, thread_key=event["channel"],
                                                        source="slack"))
    post_replies(client, deps.channels, channel=event["channel"], user_id=event["user"], replies=replies,
                 public=True, thread_ts=event.get("thread_ts") or event.get("ts"))
