"""The Home tab, published fresh each time it is opened."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.deps import deps_of
from bot.slack.home import publish_home


def app_home_opened_callback(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    if event.get("tab", "home") != "home" or not event.get("user"):
        return
    publish_home(client, deps_of(context), event["user"])
