"""The outbox delivered through Slack (`intents.delivery.Deliverer`): a text with chat.postMessage
(posted at most once, see bot/slack/posting.py), a picture with files_upload_v2. A recipient is a
user id (sent in the bot's DM with them) or a channel id.

Slack's answer decides what happens next: a rate limit or a server error is tried again later;
an error that cannot pass (the bot is not in the channel, the user does not exist, …) fails the
message and the admin is told how to fix it; a revoked token stops all sending.
"""

from __future__ import annotations

import http.client
import logging
from datetime import timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.settings import Settings
from bot.slack.access import REVOKING_ERRORS, SlackAccess
from bot.slack.blocks import SlackMessage, render_text
from bot.slack.direct_channels import DirectChannels
from bot.slack.posting import answer_was_lost, post_message
from intents.delivery import Delivered, Outgoing
from intents.notifier import DeliveryFailed

log = logging.getLogger(__name__)

CHANNEL_PREFIXES = ("C", "G", "D")
INVITE = "Bjud in mig: skriv /invite @omsorgsbot i kanalen. Då skickar jag det som väntar."
# Slack's errors that another attempt cannot fix, with what a person can do about them
PERMANENT: dict[str, str] = {
    "not_in_channel": INVITE,
    "channel_not_found": ("Kanalen finns inte, eller är privat och jag är inte med i den. Kontrollera kanalens id "
                          "(DIGEST_CHANNEL) och bjud in mig med /invite @omsorgsbot."),
    "is_archived": "Kanalen är arkiverad. Välj en annan kanal i DIGEST_CHANNEL.",
    "user_not_found": ("Det Slack-id:t finns inte i arbetsytan. Rätta id:t (omsorgsbot users set-role, "
                       "MAS_USER_IDS eller SAS_USER_IDS)."),
    "user_disabled": "Personens Slack-konto är avstängt. Ge rollen till någon annan med omsorgsbot users set-role.",
    "cannot_dm_bot": "Mottagaren är en bot. Ange en persons Slack-id.",
    "restricted_action": "Arbetsytans inställningar hindrar mig från att skriva där. Fråga en Slack-administratör.",
    "missing_scope": "Appen saknar en behörighet. Installera om den från slack_manifest.yaml.",
    "invalid_blocks": "Slack godtog inte meddelandets format – ett fel hos boten. Se loggen.",
    "msg_too_long": "Meddelandet var för långt för Slack – ett fel hos boten. Se loggen.",
    "no_text": "Meddelandet var tomt – ett fel hos boten. Se loggen.",
}
RATE_LIMIT_WAIT_S = 30.0


def _failure(exc: SlackApiError, access: SlackAccess) -> DeliveryFailed:
    response = exc.response
    error = str((response.data or {}).get("error") if isinstance(response.data, dict) else "") or "okänt fel"
    if response.status_code == 429 or error == "ratelimited":
        wait = response.headers.get("Retry-After") or response.headers.get("retry-after")
        return DeliveryFailed("Slack begränsar antalet anrop (ratelimited)",
                              retry_after=float(wait) if str(wait or "").isdigit() else RATE_LIMIT_WAIT_S)
    if error in REVOKING_ERRORS:
        access.revoke(error)
        return DeliveryFailed(f"appens behörighet är borta ({error})", paused=True)
    if error in PERMANENT:
        return DeliveryFailed(f"Slack svarade {error}", permanent=True, advice=PERMANENT[error])
    return DeliveryFailed(f"Slack svarade {error} (HTTP {response.status_code})", uncertain=answer_was_lost(exc))


class SlackDelivery:
    def __init__(self, client: WebClient, channels: DirectChannels | None = None,
                 access: SlackAccess | None = None) -> None:
        self.client = client
        self.channels = channels or DirectChannels(client)
        self.access = access or SlackAccess()

    def _channel(self, recipient: str) -> str:
        return recipient if recipient.startswith(CHANNEL_PREFIXES) else self.channels.channel_for(recipient)

    @staticmethod
    def _message(message: Outgoing) -> SlackMessage:
        rendered = render_text(message.text)
        return SlackMessage(rendered.text, message.blocks) if message.blocks else rendered

    def deliver(self, message: Outgoing) -> Delivered:
        if self.access.revoked:
            raise DeliveryFailed(f"appens behörighet är borta ({self.access.revoked})", paused=True)
        try:
            channel = self._channel(message.recipient)
            if message.attachment is not None:
                if message.uncertain:
                    log.warning("outbox picture %s is uploaded again after an attempt whose answer was lost: "
                                "%s may get it twice", message.id, message.recipient)
                self.client.files_upload_v2(channel=channel, file=message.attachment,
                                            filename=message.attachment_name or "bild.png",
                                            title=message.attachment_title or "", alt_txt=message.attachment_title or "")
                return Delivered(channel=channel)
            since = (message.created_at - timedelta(minutes=2)).timestamp()
            posted = post_message(self.client, channel=channel, message=self._message(message),
                                  marker=f"outbox-{message.id}", since=since, check_first=message.uncertain)
            return Delivered(channel=posted.channel, ts=posted.ts, already=posted.found_earlier, checked=posted.checked)
        except SlackApiError as exc:
            raise _failure(exc, self.access) from exc
        except (OSError, http.client.HTTPException) as exc:
            raise DeliveryFailed(f"ingen kontakt med Slack ({type(exc).__name__})", uncertain=True) from exc


def slack_delivery(settings: Settings) -> SlackDelivery:
    from bot.slack.app_factory import make_web_client

    return SlackDelivery(make_web_client(settings))
