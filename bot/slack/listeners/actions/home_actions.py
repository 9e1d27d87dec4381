"""Buttons on the Home tab: a new report form, and a chef starting the assessment of a report."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.slack.blocks import render_reply, render_text
from bot.slack.deps import deps_of
from bot.slack.home import publish_home, start_assessment
from intents.messages import IncomingMessage
from bot.slack.listeners.commands.report_commands import open_report_form
from bot.slack.notifier import post_direct


def new_report_callback(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                        context: BoltContext) -> None:
    ack()
    kind = "synpunkt" if action.get("value") == "synpunkt" else "avvikelse"
    open_report_form(client, deps_of(context), trigger_id=body["trigger_id"], user_id=body["user"]["id"], kind=kind)


def start_assessment_callback(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                              context: BoltContext) -> None:
    ack()
    deps = deps_of(context)
    user_id = body["user"]["id"]
    problem = start_assessment(deps, user_id, str(action.get("value", "")))
    if problem:
        post_direct(client, user_id, render_text(problem))
    publish_home(client, deps, user_id)


def say_callback(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                 context: BoltContext) -> None:
    """A Home tab button that stands for a message ("AV-… lex maria: anmäls till IVO", "AV-…"): handled as if
    typed in the direct message with the bot; the answer comes there, and the tab is drawn again."""
    ack()
    deps = deps_of(context)
    user_id = body["user"]["id"]
    message = IncomingMessage(user_id=user_id, text=str(action.get("value", "")), at=deps.moment(action.get("action_ts")),
                              source="slack")
    with deps.user_lock(user_id):
        replies = deps.dialogue.handle(message)
    for reply in replies:
        post_direct(client, user_id, render_reply(reply))
    publish_home(client, deps, user_id)
