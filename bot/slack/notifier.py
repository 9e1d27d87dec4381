"""Notifications from the core (alerts, feedback, digests) as Slack direct messages."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from bot.slack.blocks import SlackMessage, render_text

log = logging.getLogger(__name__)


def open_direct_channel(client: WebClient, user_id: str) -> str:
    response = client.conversations_open(users=user_id)
    return response["channel"]["id"]


def post_direct(client: WebClient, user_id: str, message: SlackMessage) -> None:
    channel = open_direct_channel(client, user_id)
    client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False, **message.as_kwargs())


class SlackNotifier:
    """`intents.notifier.Notifier` for Slack: conversations.open, then chat.postMessage."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def send(self, user_id: str, text: str) -> None:
        post_direct(self.client, user_id, render_text(text))
