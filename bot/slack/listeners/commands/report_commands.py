"""/avvikelse [text] and /synpunkt [text]: the report form, prefilled from the text."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import render_text
from bot.slack.conversation import incoming_text
from bot.slack.deps import SlackDeps, deps_of
from bot.slack.notifier import post_direct
from bot.slack.report_form import build_modal, prefill_from_text

log = logging.getLogger(__name__)
TRIGGER_EXPIRED = ("Formuläret hann inte öppnas (Slack ger bara några sekunder). Försök igen – "
                   "eller skriv till mig här vad som hände.")


def open_report_form(client: WebClient, deps: SlackDeps, *, trigger_id: str, user_id: str, kind: str,
                     text: str = "", channel_id: str = "", respond: Respond | None = None) -> None:
    prefill, units = prefill_from_text(deps, user_id, text, deps.clock())
    try:
        client.views_open(trigger_id=trigger_id, view=build_modal(kind, prefill, units, channel_id))
    except SlackApiError as exc:
        if (exc.response.data or {}).get("error") not in ("expired_trigger_id", "invalid_trigger_id"):
            raise
        log.warning("the report form could not open in time (%s)", exc.response.data.get("error"))
        message = render_text(TRIGGER_EXPIRED)
        if respond is not None:
            respond(response_type="ephemeral", replace_original=False, **message.as_kwargs())
        else:
            post_direct(deps.channels, user_id, message)


def report_command_callback(command: dict[str, Any], client: WebClient, respond: Respond,
                            context: BoltContext) -> None:
    kind = "synpunkt" if command.get("command") == "/synpunkt" else "avvikelse"
    open_report_form(client, deps_of(context), trigger_id=command["trigger_id"], user_id=command["user_id"],
                     kind=kind, text=incoming_text(command.get("text")), channel_id=command.get("channel_id", ""),
                     respond=respond)
