"""One way to answer an unexpected error: the person gets a short message with a reference, the log
gets the stack trace with the same one. Bolt calls `handle_error` for listeners; the work done after
the ack (lazy listeners) is wrapped in `reported`, since Bolt only logs errors there."""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient
from sqlalchemy.exc import OperationalError

from bot.slack.blocks import render_text
from bot.slack.deps import deps_of
from bot.slack.direct_channels import DirectChannels
from bot.slack.notifier import post_direct
from intents.engine import DATABASE_DOWN

log = logging.getLogger(__name__)
ERROR_TEXT = "Oj, något gick fel hos mig. Försök igen om en stund. Om det händer igen, uppge referens {reference}."


def _user_of(body: dict[str, Any]) -> str | None:
    event = body.get("event") or {}
    if event.get("bot_id"):
        return None
    user = body.get("user")
    if isinstance(user, dict):
        return user.get("id")
    return body.get("user_id") or event.get("user") or None


def handle_error(error: Exception, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """When the database cannot be reached (e.g. while claiming the event), the person hears that and
    that nothing already said is lost, as the dialogue engine says it."""
    reference = uuid.uuid4().hex[:8].upper()
    log.error("Fel i Slack-hanteringen, referens %s", reference, exc_info=error)
    user = _user_of(body if isinstance(body, dict) else {})
    if not user or user == context.get("bot_user_id"):
        return
    try:
        deps = context.get("omsorgsbot")
        channels = deps.channels if deps is not None else DirectChannels(client)
        text = DATABASE_DOWN if isinstance(error, OperationalError) else ERROR_TEXT.format(reference=reference)
        post_direct(channels, user, render_text(text))
    except Exception:  # the error message itself must never raise
        log.warning("kunde inte meddela %s om fel %s", user, reference, exc_info=True)


def reported(work: Callable[..., None]) -> Callable[..., None]:
    """A lazy listener whose errors reach the person and the log like any listener's."""

    @functools.wraps(work)
    def run(**kwargs: Any) -> None:
        try:
            work(**kwargs)
        except Exception as error:
            client, context = kwargs.get("client"), kwargs.get("context")
            if client is None or context is None:
                log.exception("Fel i Slack-hanteringen (%s)", work.__name__)
                return
            handle_error(error, kwargs.get("body") or {}, client, context)

    return run


def acknowledge(ack: Any) -> None:
    """The ack of every listener whose work runs afterwards (lazily): at once, before any Web API call."""
    ack()


__all__ = ["acknowledge", "deps_of", "handle_error", "reported"]
