"""The report form sent: errors per field in the form, or saved (the receipt and any alerts go out
through the outbox). Everything here is database work: Slack gets its answer without waiting for
any Web API call."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext

from bot.slack.deps import deps_of
from bot.slack.report_form import (
    SAVE_FAILED,
    apply_names_choice,
    form_channel,
    names_question,
    read_form,
    refresh_units,
    save_form,
    validate,
)
from storage.database import session_scope
from storage.units import list_units


def report_form_submitted_callback(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                                   context: BoltContext) -> None:
    deps = deps_of(context)
    now = deps.clock()
    with session_scope(deps.db) as session:
        refresh_units(deps, session)
        unit_names = [u.name for u in list_units(session=session)]
    form = read_form(view)
    errors = validate(deps, form, now)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    asking = names_question(deps, form, unit_names, form_channel(view))
    if asking is not None:  # the same form again, with the question under the text
        ack(response_action="update", view=asking)
        return
    replaced = apply_names_choice(deps, form)
    # Saved before the ack, so a refusing database can still be shown in the form.
    saved = save_form(deps, body["user"]["id"], form, now,
                      submission_key=f"slack:view:{view.get('id')}:{view.get('hash', '')}", replaced_names=replaced)
    if saved.reply is None and not saved.duplicate:
        ack(response_action="errors", errors={"description": SAVE_FAILED})
        return
    ack()
