"""A button under a bot reply: the same as typing the choice's value, but only while the conversation
is still where it was when the buttons were shown (the value carries what it is bound to). Afterwards
the buttons give way to what was chosen: the message is updated, an ephemeral one replaced."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.blocks import answered_message, decode_choice, render_reply
from bot.slack.conversation import channel_kind, post_replies
from bot.slack.deps import deps_of
from bot.slack.idempotency import click_key
from intents.engine import STALE_CHOICE
from intents.messages import ChannelKind, IncomingMessage


def _question_text(message: dict[str, Any]) -> str:
    """The (already escaped) question of the clicked message, without its buttons."""
    parts = [b["text"]["text"] for b in message.get("blocks") or []
             if b.get("type") == "section" and isinstance(b.get("text"), dict)]
    return "\n".join(parts) or message.get("text", "")


def choice_clicked_callback(body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond,
                            context: BoltContext) -> None:
    deps = deps_of(context)
    key = click_key(body)
    user_id = body["user"]["id"]
    container = body.get("container") or {}
    channel_id = (body.get("channel") or {}).get("id") or container.get("channel_id", "")
    ephemeral = bool(container.get("is_ephemeral"))
    label = (action.get("text") or {}).get("text", "")
    value, bound_to = decode_choice(str(action.get("value", "")))
    kind = channel_kind((body.get("channel") or {}).get("name"))
    message = IncomingMessage(user_id=user_id, text=value, at=deps.moment(action.get("action_ts")),
                              channel=kind, source="slack", bound_to=bound_to, once_keys=(key,) if key else (),
                              thread_key=channel_id if kind == ChannelKind.PUBLIC else "")
    with deps.user_lock(user_id):
        replies = deps.handle(message)
        if not replies:
            return  # a double tap, or Slack delivered the click again
        stale = [r.text for r in replies] == [STALE_CHOICE]
        if body.get("message"):
            done = answered_message(_question_text(body["message"]), label or value, stale=stale)
            if ephemeral:
                respond(replace_original=True, **done.as_kwargs())
            else:
                client.chat_update(channel=channel_id, ts=container["message_ts"], **done.as_kwargs())
        if ephemeral:
            for reply in replies:
                respond(response_type="ephemeral", replace_original=False, **render_reply(reply).as_kwargs())
            return
        post_replies(client, deps.channels, channel=channel_id, user_id=user_id, replies=replies,
                     public=kind == ChannelKind.PUBLIC, thread_ts=(body.get("message") or {}).get("thread_ts"))
