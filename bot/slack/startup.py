"""Reaching Slack when the bot starts. Bolt checks the bot token with auth.test while the app is
built: a token Slack refuses stops the start with what to fix; a network or Slack failure (Slack
down, a proxy not yet up after a reboot) is tried again a few times before the start gives up.
Either way the administrator reads one Swedish sentence, not a traceback."""

from __future__ import annotations

import http.client
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

ATTEMPTS = 5
FIRST_PAUSE_S = 2.0  # doubled after each failed attempt: 2 + 4 + 8 + 16 s in all
TOKEN_REFUSED = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
                 "not_allowed_token_type", "no_permission", "missing_scope", "ekm_access_denied"}

T = TypeVar("T")


class SlackStartupError(Exception):
    """Why the bot could not start in Slack, in words for the administrator; `permanent` when trying
    again cannot help (a refused token)."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


def _slack_error(exc: BaseException) -> SlackApiError | None:
    while exc is not None:
        if isinstance(exc, SlackApiError):
            return exc
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return None


def _refused_token(error: SlackApiError) -> str | None:
    response = error.response
    code = response.get("error") if response is not None else None
    status = getattr(response, "status_code", 200)
    return code if code in TOKEN_REFUSED or (status in (401, 403) and code) else None


def connect(build: Callable[[], T], *, attempts: int = ATTEMPTS, first_pause_s: float = FIRST_PAUSE_S,
            sleep: Callable[[float], None] = time.sleep, say: Callable[[str], None] = log.warning) -> T:
    """`build()` (which calls auth.test), tried again after failures that may pass."""
    pause = first_pause_s
    for attempt in range(1, attempts + 1):
        try:
            return build()
        except (BoltError, SlackApiError, OSError, http.client.HTTPException) as exc:
            slack_error = _slack_error(exc)
            if isinstance(exc, BoltError) and slack_error is None:
                raise  # a setting Bolt refuses, not a connection: its own message says which
            refused = _refused_token(slack_error) if slack_error is not None else None
            if refused:
                raise SlackStartupError(
                    f"Slack godtar inte SLACK_BOT_TOKEN ({refused}). Kopiera Bot User OAuth Token (börjar med "
                    "xoxb-) från appens sida OAuth & Permissions till .env, och installera om appen om du har "
                    "ändrat behörigheterna.", permanent=True) from exc
            reason = slack_error.response.get("error") if slack_error is not None else str(exc)
            if attempt == attempts:
                raise SlackStartupError(
                    f"Kommer inte fram till Slack ({reason}) efter {attempts} försök. Kontrollera nätverket, "
                    "proxyn och SLACK_API_URL om den är satt, och starta igen.", permanent=False) from exc
            say(f"Kommer inte fram till Slack ({reason}); försöker igen om {pause:.0f} s "
                f"(försök {attempt + 1} av {attempts}).")
            sleep(pause)
            pause *= 2
    raise AssertionError("unreachable")
