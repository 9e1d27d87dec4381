"""How the Web API client retries: 429 after Slack's Retry-After, and 5xx or a broken connection
only for calls that are safe to repeat. chat.postMessage is not: Slack may have posted the message
although its answer was an error or never came, so a blind retry posts it twice. Posting checks
whether the message arrived before it sends again (bot/slack/posting.py)."""

from __future__ import annotations

from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler

NOT_SAFE_TO_REPEAT = ("chat.postMessage", "files.completeUploadExternal")


def _safe_to_repeat(url: str) -> bool:
    method = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return method not in NOT_SAFE_TO_REPEAT


class RepeatableServerErrorRetryHandler(ServerErrorRetryHandler):
    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        return _safe_to_repeat(request.url) and super()._can_retry(state=state, request=request, response=response,
                                                                   error=error)


class RepeatableConnectionErrorRetryHandler(ConnectionErrorRetryHandler):
    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        return _safe_to_repeat(request.url) and super()._can_retry(state=state, request=request, response=response,
                                                                   error=error)


def retry_handlers() -> list[RetryHandler]:
    return [RepeatableConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            RepeatableServerErrorRetryHandler(max_retry_count=2)]
