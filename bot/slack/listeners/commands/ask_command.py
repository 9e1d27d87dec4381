"""/omsorgsbot [fråga]: an answer or the help text, shown only to the one who asked."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.blocks import render_reply, render_text
from bot.slack.conversation import MOVED_TO_DIRECT, channel_kind, incoming_text
from bot.slack.deps import deps_of
from bot.slack.notifier import post_direct
from intents.messages import ChannelKind, IncomingMessage


def ask_command_callback(ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient,
                         context: BoltContext) -> None:
    ack()
    deps = deps_of(context)
    text = incoming_text(command.get("text")).strip() or "hjälp"
    kind = channel_kind(command.get("channel_id"), command.get("channel_name"))
    message = IncomingMessage(user_id=command["user_id"], text=text, at=deps.clock(), channel=kind, source="slack",
                              thread_key=command.get("channel_id", "") if kind == ChannelKind.PUBLIC else "")
    with deps.user_lock(command["user_id"]):
        replies = deps.dialogue.handle(message)
    for reply in replies:
        respond(response_type="ephemeral", replace_original=False, **render_reply(reply).as_kwargs())
        if kind == ChannelKind.PUBLIC and reply.move_to_direct:
            post_direct(client, command["user_id"], render_text(MOVED_TO_DIRECT))
