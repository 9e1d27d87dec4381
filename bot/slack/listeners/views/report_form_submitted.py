"""The report form sent: errors per field in the form, or saved and confirmed in a DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.slack.blocks import render_reply, render_text
from bot.slack.deps import deps_of
from bot.slack.notifier import post_direct
from bot.slack.report_form import MASKED_NOTE, SAVE_FAILED, read_form, refresh_units, save_form, validate
from storage.database import session_scope


def report_form_submitted_callback(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
                                   context: BoltContext) -> None:
    deps = deps_of(context)
    now = deps.clock()
    user_id = body["user"]["id"]
    with session_scope(deps.db) as session:
        refresh_units(deps, session)
    form = read_form(view)
    errors = validate(deps, form, now)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    # Saved before the ack, so a refusing database can still be shown in the form.
    saved = save_form(deps, user_id, form, now, submission_key=f"slack:view:{view.get('id')}:{view.get('hash', '')}")
    if saved.reply is None and not saved.duplicate:
        ack(response_action="errors", errors={"description": SAVE_FAILED})
        return
    ack()
    if saved.duplicate:
        return
    if saved.masked:
        post_direct(client, user_id, render_text(MASKED_NOTE))
    post_direct(client, user_id, render_reply(saved.reply))
