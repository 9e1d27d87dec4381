"""Posting a message so that it arrives once: chat.postMessage is not repeated blindly after a
5xx or a lost answer (Slack may have posted it anyway). Every message carries a marker in its
message metadata; before sending again, the bot looks for the marker in the conversation's
history and stops if the message is there. Where it cannot look (no history access to that
channel), it sends again and logs that the message may arrive twice."""

from __future__ import annotations

import http.client
import logging
import time
import uuid
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import SlackMessage

log = logging.getLogger(__name__)

METADATA_EVENT = "omsorgsbot_message"
LOOK_BACK_S = 120.0  # how far back the history is searched, allowing for clock differences
ATTEMPTS = 4
PAUSE_S = 0.5


@dataclass(frozen=True)
class Posted:
    channel: str
    ts: str | None
    found_earlier: bool = False  # an earlier attempt had arrived; nothing was posted now
    checked: bool = False  # the history was searched before the successful attempt


def answer_was_lost(exc: BaseException) -> bool:
    """An error after which the message may or may not have been posted."""
    if isinstance(exc, SlackApiError):
        return exc.response is not None and exc.response.status_code >= 500
    return isinstance(exc, (OSError, http.client.HTTPException))


def find_posted(client: WebClient, *, channel: str, marker: str, since: float,
                thread_ts: str | None = None) -> str | None:
    """The ts of the bot's message carrying `marker`, or None. Raises when Slack does not let us look."""
    query = dict(channel=channel, oldest=f"{since:.6f}", limit=100, include_all_metadata=True)
    response = (client.conversations_replies(ts=thread_ts, **query) if thread_ts
                else client.conversations_history(**query))
    for message in response.get("messages") or []:
        metadata = message.get("metadata") or {}
        if metadata.get("event_type") == METADATA_EVENT and (metadata.get("event_payload") or {}).get("id") == marker:
            return message.get("ts")
    return None


def _look(client: WebClient, *, channel: str, marker: str, since: float, thread_ts: str | None) -> tuple[str | None, bool]:
    """(ts if it arrived, whether we could look at all)."""
    try:
        return find_posted(client, channel=channel, marker=marker, since=since, thread_ts=thread_ts), True
    except (SlackApiError, OSError, http.client.HTTPException) as exc:
        log.warning("could not check whether a message reached %s (%s); sending again, it may arrive twice",
                    channel, exc)
        return None, False


def post_message(client: WebClient, *, channel: str, message: SlackMessage, thread_ts: str | None = None,
                 marker: str | None = None, since: float | None = None, check_first: bool = False,
                 attempts: int = ATTEMPTS, pause_s: float = PAUSE_S) -> Posted:
    """chat.postMessage, at most once: after an error that may hide a posted message, the history is
    searched for it before the next attempt. `check_first` searches before the first attempt too
    (an earlier process may have sent it). Raises the last error when every attempt failed."""
    marker = marker or uuid.uuid4().hex
    since = time.time() - LOOK_BACK_S if since is None else since
    look, checked = check_first, False
    for attempt in range(1, attempts + 1):
        if look:
            ts, checked = _look(client, channel=channel, marker=marker, since=since, thread_ts=thread_ts)
            if ts is not None:
                log.info("message %s had reached %s already; not posted again", marker, channel)
                return Posted(channel, ts, found_earlier=True, checked=True)
        try:
            response = client.chat_postMessage(
                channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False,
                metadata={"event_type": METADATA_EVENT, "event_payload": {"id": marker}}, **message.as_kwargs())
            return Posted(response.get("channel") or channel, response.get("ts"), checked=checked)
        except Exception as exc:
            if not answer_was_lost(exc) or attempt == attempts:
                raise
            log.warning("chat.postMessage to %s failed (%s); checking whether it arrived before trying again",
                        channel, exc)
            time.sleep(pause_s * attempt)
            look = True
    raise AssertionError("unreachable")
