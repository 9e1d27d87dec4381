"""Builds the Bolt app: Web API client with safe retries, signature checking, listeners, one error handler.

Every listener acknowledges Slack first and works afterwards: with `process_before_response` the
ack is answered on the request's own thread as soon as the ack function returns, and the work runs
as a lazy listener on `listener_executor`. So a slow or failing Web API (latency, 429 with
Retry-After, 5xx) never delays an ack, however busy the work threads are.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App, BoltContext
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack.deps import CONTEXT_KEY, SlackDeps
from bot.slack.errors import handle_error
from bot.slack.listeners import register_listeners
from bot.slack.retry_policy import retry_handlers

DEFAULT_API_URL = WebClient.BASE_URL


class _SameTokenNotice(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment itself and warns that the client we hand it wins.
    That client carries the same token (and our retry rules), so the English warning at every start only
    confuses the administrator."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


logging.getLogger("slack_bolt.App").addFilter(_SameTokenNotice())
WORK_THREADS = 16  # lazy listeners waiting on Slack's Web API at once (each mostly waits on the network)


def make_web_client(settings: Settings) -> WebClient:
    """Rate limits (429, honouring Retry-After) are retried; 5xx and broken connections only for
    calls that are safe to repeat (bot/slack/retry_policy.py)."""
    return WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url or DEFAULT_API_URL, timeout=15,
                     retry_handlers=retry_handlers())


def create_app(settings: Settings, deps: SlackDeps, client: WebClient | None = None,
               work_threads: int = WORK_THREADS) -> App:
    client = client or make_web_client(settings)
    app = App(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        process_before_response=True,  # the ack function answers Slack; the work is lazy (see above)
        listener_executor=ThreadPoolExecutor(max_workers=work_threads, thread_name_prefix="slack-work"),
    )

    @app.middleware
    def _provide_deps(context: BoltContext, next) -> None:  # noqa: A002 - Bolt's argument name
        context[CONTEXT_KEY] = deps
        with deps.acks.acking():  # the request's ack function runs inside next()
            next()

    app.error(handle_error)
    register_listeners(app)
    return app
