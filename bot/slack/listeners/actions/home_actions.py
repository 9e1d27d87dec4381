"""Buttons on the Home tab: a new report form, a chef starting the assessment of a report, and buttons that
stand for a message (open a report, the MAS's lex Maria assessment)."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.blocks import render_reply, render_text
from bot.slack.deps import deps_of
from bot.slack.home import publish_home, read_bound_value, say_stale, start_assessment
from bot.slack.idempotency import click_key
from bot.slack.listeners.commands.report_commands import open_report_form
from bot.slack.notifier import post_direct
from intents.messages import ChannelKind, IncomingMessage


def new_report_callback(body: dict[str, Any], action: dict[str, Any], client: WebClient,
                        context: BoltContext) -> None:
    kind = "synpunkt" if action.get("value") == "synpunkt" else "avvikelse"
    open_report_form(client, deps_of(context), trigger_id=body["trigger_id"], user_id=body["user"]["id"], kind=kind)


def start_assessment_callback(body: dict[str, Any], action: dict[str, Any], client: WebClient,
                              context: BoltContext) -> None:
    deps = deps_of(context)
    user_id = body["user"]["id"]
    problem = start_assessment(deps, user_id, str(action.get("value", "")))
    if problem:
        post_direct(deps.channels, user_id, render_text(problem))
    publish_home(client, deps, user_id)


def say_callback(body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """A Home tab button that stands for a message ("AV-… lex maria: anmäls till IVO", "AV-…"): handled as if
    typed in the direct message with the bot, unless the report changed since the tab was drawn; the
    answer comes there, and the tab is drawn again."""
    deps = deps_of(context)
    user_id = body["user"]["id"]
    reference, version, text = read_bound_value(str(action.get("value", "")))
    stale = say_stale(deps, user_id, reference, version)
    if stale:
        post_direct(deps.channels, user_id, render_text(stale))
    else:
        key = click_key(body)
        message = IncomingMessage(user_id=user_id, text=text or reference, at=deps.moment(action.get("action_ts")),
                                  channel=ChannelKind.DIRECT, source="slack", once_keys=(key,) if key else ())
        with deps.user_lock(user_id):
            for reply in deps.handle(message):
                post_direct(deps.channels, user_id, render_reply(reply))
    publish_home(client, deps, user_id)
