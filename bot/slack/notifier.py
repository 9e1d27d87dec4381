"""Direct messages to one person: in the bot's own DM channel with them (cached), posted once."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.slack.blocks import SlackMessage, render_text
from bot.slack.direct_channels import DirectChannels
from bot.slack.posting import Posted, post_message


def post_direct(channels: DirectChannels, user_id: str, message: SlackMessage) -> Posted:
    return post_message(channels.client, channel=channels.channel_for(user_id), message=message)


class SlackNotifier:
    """`intents.notifier.Notifier` for Slack. The bot's own messages go through the outbox worker
    (bot/slack/outbox_sender.py); this is for callers that must send at once."""

    def __init__(self, client: WebClient, channels: DirectChannels | None = None) -> None:
        self.client = client
        self.channels = channels or DirectChannels(client)

    def send(self, user_id: str, text: str) -> None:
        post_direct(self.channels, user_id, render_text(text))
