"""The weekly digest and alerts through Slack: text with chat.postMessage, the chart with files_upload_v2.

A recipient is a user id (sent as a direct message) or a channel id.
"""

from __future__ import annotations

from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack.blocks import render_text
from bot.slack.notifier import open_direct_channel

CHANNEL_PREFIXES = ("C", "G", "D")


class SlackDigestSender:
    """`bot.scheduling.digest_sender.DigestSender` for Slack."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def _channel(self, recipient: str) -> str:
        if recipient.startswith(CHANNEL_PREFIXES):
            return recipient
        return open_direct_channel(self.client, recipient)

    def send_text(self, recipient: str, text: str) -> None:
        message = render_text(text)
        self.client.chat_postMessage(channel=self._channel(recipient), unfurl_links=False, unfurl_media=False,
                                     **message.as_kwargs())

    def send_png(self, recipient: str, png: bytes, filename: str, title: str) -> None:
        self.client.files_upload_v2(channel=self._channel(recipient), file=png, filename=filename, title=title,
                                    alt_txt=title)


def slack_digest_sender(settings: Settings) -> SlackDigestSender:
    from bot.slack.app_factory import make_web_client

    return SlackDigestSender(make_web_client(settings))
