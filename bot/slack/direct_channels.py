"""The bot's direct-message channel with each person, cached: conversations.open once per person
and process, and not at all for someone who wrote to the bot (their message names the channel)."""

from __future__ import annotations

import threading

from slack_sdk import WebClient


class DirectChannels:
    def __init__(self, client: WebClient) -> None:
        self.client = client
        self._ids: dict[str, str] = {}
        self._lock = threading.Lock()

    def remember(self, user_id: str, channel_id: str) -> None:
        """`channel_id` is the bot's own DM with `user_id` (a message.im event from them said so)."""
        if user_id and channel_id:
            with self._lock:
                self._ids[user_id] = channel_id

    def channel_for(self, user_id: str) -> str:
        with self._lock:
            known = self._ids.get(user_id)
        if known:
            return known
        channel = self.client.conversations_open(users=user_id)["channel"]["id"]
        self.remember(user_id, channel)
        return channel

    def is_bot_dm(self, user_id: str, channel_id: str) -> bool:
        """Whether `channel_id` is the bot's own DM with the person (not a DM between two people)."""
        return bool(channel_id) and self.channel_for(user_id) == channel_id
