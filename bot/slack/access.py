"""Whether the bot may still talk to Slack. When the app is uninstalled or its token revoked
(the `app_uninstalled` / `tokens_revoked` events, or a Web API call answering `invalid_auth`),
sending stops: queued messages stay in the outbox until the bot is installed again and restarted."""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

REVOKING_ERRORS = frozenset({"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"})


class SlackAccess:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._reason: str | None = None

    @property
    def revoked(self) -> str | None:
        """Why sending has stopped, or None while the bot may send."""
        return self._reason

    def revoke(self, reason: str) -> None:
        with self._lock:
            if self._reason is not None:
                return
            self._reason = reason
        log.error("Slack-åtkomsten är borta (%s): boten skickar ingenting mer. Meddelanden som väntar ligger kvar "
                  "i utkorgen; installera om appen, sätt den nya SLACK_BOT_TOKEN och starta om boten.", reason)
