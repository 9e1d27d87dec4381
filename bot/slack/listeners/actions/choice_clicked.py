"""A button under a bot reply: the same as typing the choice's value."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.blocks import answered_message, render_reply
from bot.slack.conversation import channel_kind, post_replies
from bot.slack.deps import deps_of
from bot.slack.idempotency import click_key, first_delivery
from intents.messages import ChannelKind, IncomingMessage


def _question_text(message: dict[str, Any]) -> str:
    """The (already escaped) question of the clicked message, without its buttons."""
    parts = [b["text"]["text"] for b in message.get("blocks") or []
             if b.get("type") == "section" and isinstance(b.get("text"), dict)]
    return "\n".join(parts) or message.get("text", "")


def choice_clicked_callback(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                            respond: Respond, context: BoltContext) -> None:
    ack()
    deps = deps_of(context)
    key = click_key(body)
    if not first_delivery(deps.db, [key] if key else []):
        return
    user_id = body["user"]["id"]
    container = body.get("container") or {}
    channel_id = (body.get("channel") or {}).get("id") or container.get("channel_id", "")
    ephemeral = bool(container.get("is_ephemeral"))
    label = (action.get("text") or {}).get("text", action.get("value", ""))
    if body.get("message") and not ephemeral:
        done = answered_message(_question_text(body["message"]), label)
        client.chat_update(channel=channel_id, ts=container["message_ts"], **done.as_kwargs())
    kind = channel_kind(channel_id, (body.get("channel") or {}).get("name"))
    message = IncomingMessage(user_id=user_id, text=action.get("value", ""), at=deps.moment(action.get("action_ts")),
                              channel=kind, source="slack",
                              thread_key=channel_id if kind == ChannelKind.PUBLIC else "")
    with deps.user_lock(user_id):
        replies = deps.dialogue.handle(message)
    if ephemeral:
        for reply in replies:
            respond(response_type="ephemeral", replace_original=False, **render_reply(reply).as_kwargs())
        return
    post_replies(client, channel=channel_id, user_id=user_id, replies=replies,
                 public=kind == ChannelKind.PUBLIC, thread_ts=(body.get("message") or {}).get("thread_ts"))
