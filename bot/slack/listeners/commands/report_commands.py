"""/avvikelse [text] and /synpunkt [text]: the report form, prefilled from the text."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.slack.conversation import incoming_text
from bot.slack.deps import SlackDeps, deps_of
from bot.slack.report_form import build_modal, prefill_from_text


def open_report_form(client: WebClient, deps: SlackDeps, *, trigger_id: str, user_id: str, kind: str,
                     text: str = "", channel_id: str = "") -> None:
    prefill, units = prefill_from_text(deps, user_id, text, deps.clock())
    client.views_open(trigger_id=trigger_id, view=build_modal(kind, prefill, units, channel_id))


def report_command_callback(ack: Ack, command: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()  # the modal must open within the trigger's 3 seconds; acknowledging first keeps Slack happy
    kind = "synpunkt" if command.get("command") == "/synpunkt" else "avvikelse"
    open_report_form(client, deps_of(context), trigger_id=command["trigger_id"], user_id=command["user_id"],
                     kind=kind, text=incoming_text(command.get("text")), channel_id=command.get("channel_id", ""))
