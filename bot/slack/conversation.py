"""Between Slack and the dialogue engine: Slack text to plain text, and replies posted back."""

from __future__ import annotations

import logging
import re

from slack_sdk import WebClient

from bot.slack.blocks import render_reply, render_text
from bot.slack.direct_channels import DirectChannels
from bot.slack.notifier import post_direct
from bot.slack.posting import post_message
from intents.messages import Chart, ChannelKind, Reply

log = logging.getLogger(__name__)

# <@U123>, <@U123|anna>, <#C123|allmänt>, <!channel>, <!subteam^S1|@team>, <https://x|text>, <mailto:a@b>
_MARKUP = re.compile(r"<([@#!])([^>|]*)(?:\|([^>]*))?>|<([^>|]+)(?:\|([^>]*))?>")

MOVED_TO_DIRECT = ("Hej! Du började berätta om en händelse i en kanal. Berätta här i stället vad som hände "
                   "– skriv inga namn eller personnummer. Inget från kanalen har sparats.")


def _plain(match: re.Match[str]) -> str:
    sigil, target, label, url, url_label = match.groups()
    if sigil:
        if label:
            return label if label.startswith(("@", "#")) else f"{'#' if sigil == '#' else '@'}{label}"
        return f"@{target.split('^')[0]}" if sigil != "#" else f"#{target}"
    return url_label or url


def incoming_text(slack_text: str | None) -> str:
    """What the person typed, as plain text: Slack's markup resolved, its &amp;/&lt;/&gt; undone."""
    text = _MARKUP.sub(_plain, slack_text or "")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def without_mention(slack_text: str | None, bot_user_id: str | None) -> str:
    text = slack_text or ""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return text.strip()


def channel_kind(channel_type: str | None) -> ChannelKind:
    """A conversation with the bot alone is direct: `im` in events, `directmessage` in interactions
    inside the bot's DM (the only DM where the bot posts). Anything else is shared with others.
    A slash command's `directmessage` may be a DM between two people: see listeners/commands."""
    return ChannelKind.DIRECT if channel_type in ("im", "directmessage") else ChannelKind.PUBLIC


def post_replies(client: WebClient, channels: DirectChannels, *, channel: str, user_id: str, replies: list[Reply],
                 public: bool = False, thread_ts: str | None = None) -> None:
    """Each reply as one message; in a channel private ones are ephemeral, and a report moves to a DM."""
    for reply in replies:
        message = render_reply(reply)
        if public and reply.private:
            client.chat_postEphemeral(channel=channel, user=user_id, **message.as_kwargs())
        else:
            post_message(client, channel=channel, message=message, thread_ts=thread_ts)
        if reply.chart is not None and not (public and reply.private):
            upload_chart(client, channel=channel, chart=reply.chart, thread_ts=thread_ts)
        if public and reply.move_to_direct:
            post_direct(channels, user_id, render_text(MOVED_TO_DIRECT))


def upload_chart(client: WebClient, *, channel: str, chart: Chart, thread_ts: str | None = None) -> None:
    """The answer's numbers as a small picture under the text; the text already says it all, so a
    failed upload is only logged."""
    from intents.charts import chart_png  # matplotlib loads only when a chart is drawn

    try:
        client.files_upload_v2(channel=channel, thread_ts=thread_ts, file=chart_png(chart), filename="statistik.png",
                               title=chart.title[:200], alt_txt=chart.title[:1000])
    except Exception:
        log.warning("chart upload to %s failed", channel, exc_info=True)
