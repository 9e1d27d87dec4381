"""The app was uninstalled or its token revoked: stop sending, say so clearly in the log.
The bot was invited to a channel: what could not be sent there (e.g. the digest) goes out now."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext

from bot.slack.deps import deps_of
from intents.delivery import deliver_after_turn
from storage.database import session_scope
from storage.outbox import requeue_failed

log = logging.getLogger(__name__)


def app_uninstalled_callback(context: BoltContext) -> None:
    deps_of(context).access.revoke("app_uninstalled: appen har avinstallerats från arbetsytan")


def tokens_revoked_callback(event: dict[str, Any], context: BoltContext) -> None:
    """One workspace, one bot token: a revoked bot token is ours. Revoked user tokens change nothing
    (the bot uses none)."""
    if (event.get("tokens") or {}).get("bot"):
        deps_of(context).access.revoke("tokens_revoked: botens token har dragits tillbaka")


def member_joined_channel_callback(event: dict[str, Any], context: BoltContext) -> None:
    if event.get("user") != context.bot_user_id or not event.get("channel"):
        return
    deps = deps_of(context)
    with session_scope(deps.db) as session:
        again = requeue_failed(session=session, recipient=event["channel"], now=deps.clock())
    if again:
        log.info("invited to %s: %s message(s) that could not be sent there go out now", event["channel"], again)
        deliver_after_turn(deps.services, deps.clock())
