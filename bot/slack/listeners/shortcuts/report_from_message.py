"""The message shortcut "Rapportera avvikelse" (⋮ on any message): the report form, prefilled
with that message's text. Nothing is stored until the form is sent, and the text is masked first."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.conversation import incoming_text
from bot.slack.deps import deps_of
from bot.slack.listeners.commands.report_commands import open_report_form

CALLBACK_ID = "report_from_message"


def report_from_message_callback(shortcut: dict[str, Any], client: WebClient, respond: Respond,
                                 context: BoltContext) -> None:
    message = shortcut.get("message") or {}
    open_report_form(client, deps_of(context), trigger_id=shortcut["trigger_id"], user_id=shortcut["user"]["id"],
                     kind="avvikelse", text=incoming_text(message.get("text")),
                     channel_id=(shortcut.get("channel") or {}).get("id", ""),
                     respond=respond if shortcut.get("response_url") else None)
