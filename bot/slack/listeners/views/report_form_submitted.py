"""The report form sent: errors per field in the form, or saved (the receipt and any alerts go out
through the outbox). Everything here is database work: Slack gets its answer without waiting for
any Web API call."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext

from bot.slack.deps import deps_of
from bot.slack.report_form import SAVE_FAILED, read_form, refresh_units, save_form, validate
from storage.database import session_scope


def report_form_submitted_callback(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                                   context: BoltContext) -> None:
    deps = deps_of(context)
    now = deps.clock()
    with session_scope(deps.db) as session:
        refresh_units(deps, session)
    form = read_form(view)
    errors = validate(deps, form, now)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    # Saved before the ack, so a refusing database can still be shown in the form.
    saved = save_form(deps, body["user"]["id"], form, now,
                      submission_key=f"slack:view:{view.get('id')}:{view.get('hash', '')}")
    if saved.reply is None and not saved.duplicate:
        ack(response_action="errors", errors={"description": SAVE_FAILED})
        return
    ack()
