"""Buttons on the Home tab: a new report form, and a chef starting the assessment of a report."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.blocks import render_text
from bot.slack.deps import deps_of
from bot.slack.home import publish_home, start_assessment
from bot.slack.listeners.commands.report_commands import open_report_form
from bot.slack.notifier import post_direct


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
