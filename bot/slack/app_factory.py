"""Builds the Bolt app: Web API client with retries, signature checking, listeners, one error handler."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler, ServerErrorRetryHandler
from sqlalchemy.exc import OperationalError

from bot.settings import Settings
from bot.slack.blocks import render_text
from bot.slack.deps import CONTEXT_KEY, SlackDeps
from bot.slack.listeners import register_listeners
from bot.slack.notifier import post_direct
from intents.engine import DATABASE_DOWN

log = logging.getLogger(__name__)
DEFAULT_API_URL = WebClient.BASE_URL
ERROR_TEXT = "Oj, något gick fel hos mig. Försök igen om en stund. Om det händer igen, uppge referens {reference}."


def make_web_client(settings: Settings) -> WebClient:
    """Rate limits (429, honouring Retry-After) and Slack's 500/503 are retried; connection errors too."""
    client = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url or DEFAULT_API_URL, timeout=15)
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
    client.retry_handlers.append(ServerErrorRetryHandler(max_retry_count=2))
    return client


def _user_of(body: dict[str, Any]) -> str | None:
    event = body.get("event") or {}
    if event.get("bot_id") or event.get("subtype"):
        return None
    user = body.get("user")
    if isinstance(user, dict):
        return user.get("id")
    return body.get("user_id") or event.get("user") or None


def handle_error(error: Exception, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """The user gets a short message with a reference; the log gets the stack trace with the same one.
    When the database cannot be reached (e.g. while claiming the event), the user hears that and that
    nothing already said is lost, as the dialogue engine says it."""
    reference = uuid.uuid4().hex[:8].upper()
    log.error("Fel i Slack-hanteringen, referens %s", reference, exc_info=error)
    user = _user_of(body if isinstance(body, dict) else {})
    if not user or user == context.get("bot_user_id"):
        return
    try:
        text = DATABASE_DOWN if isinstance(error, OperationalError) else ERROR_TEXT.format(reference=reference)
        post_direct(client, user, render_text(text))
    except Exception:  # the error message itself must never raise
        log.warning("kunde inte meddela %s om fel %s", user, reference, exc_info=True)


def create_app(settings: Settings, deps: SlackDeps, client: WebClient | None = None) -> App:
    client = client or make_web_client(settings)
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        # Events, commands and clicks are acknowledged at once; the work runs after the ack.
        process_before_response=False,
    )

    @app.middleware
    def _provide_deps(context: BoltContext, next) -> None:  # noqa: A002 - Bolt's argument name
        context[CONTEXT_KEY] = deps
        next()

    app.error(handle_error)
    register_listeners(app)
    return app
