"""/omsorgsbot [fråga]: an answer or the help text. In a channel it is shown only to the one who
asked; in the bot's DM it is an ordinary turn of the conversation; in a DM between people (where
the bot never sees the answers) the conversation moves to the bot's DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.blocks import render_reply, render_text
from bot.slack.conversation import MOVED_TO_DIRECT, incoming_text, post_replies
from bot.slack.deps import SlackDeps, deps_of
from bot.slack.notifier import post_direct
from intents.messages import ChannelKind, IncomingMessage

MOVED_FROM_PRIVATE = ("Jag svarar dig i vårt eget direktmeddelande (under Appar → Omsorgsbot), så att inget "
                      "om rapporter hamnar i det här samtalet.")


def is_private_conversation(command: dict[str, Any]) -> bool:
    """A DM or group DM (the bot's own, or one between people), as opposed to a channel."""
    name = command.get("channel_name") or ""
    return name == "directmessage" or name.startswith("mpdm-")


def _answer_in_bot_dm(client: WebClient, deps: SlackDeps, command: dict[str, Any], text: str,
                      respond: Respond) -> None:
    user, channel = command["user_id"], command.get("channel_id", "")
    own = command.get("channel_name") == "directmessage" and deps.channels.is_bot_dm(user, channel)
    bot_dm = channel if own else deps.channels.channel_for(user)
    with deps.user_lock(user):
        replies = deps.handle(IncomingMessage(user_id=user, text=text, at=deps.clock(),
                                                       channel=ChannelKind.DIRECT, source="slack"))
        post_replies(client, deps.channels, channel=bot_dm, user_id=user, replies=replies)
    if not own:
        respond(response_type="ephemeral", replace_original=False, **render_text(MOVED_FROM_PRIVATE).as_kwargs())


def ask_command_callback(command: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext) -> None:
    deps = deps_of(context)
    text = incoming_text(command.get("text")).strip() or "hjälp"
    if is_private_conversation(command):
        _answer_in_bot_dm(client, deps, command, text, respond)
        return
    message = IncomingMessage(user_id=command["user_id"], text=text, at=deps.clock(), channel=ChannelKind.PUBLIC,
                              source="slack", thread_key=command.get("channel_id", ""))
    with deps.user_lock(command["user_id"]):
        replies = deps.handle(message)
    for reply in replies:
        respond(response_type="ephemeral", replace_original=False, **render_reply(reply).as_kwargs())
        if reply.move_to_direct:
            post_direct(deps.channels, command["user_id"], render_text(MOVED_TO_DIRECT))
