"""Everything one Slack bot process needs, built from the settings: the Web API client, the DM
channel cache, the outbox worker that sends the bot's own messages, the dialogue engine and the
Bolt app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from slack_bolt import App
from sqlalchemy.engine import Engine

from bot.scheduling.outbox_worker import POLL_S, OutboxWorker
from bot.settings import Settings
from bot.slack.access import SlackAccess
from bot.slack.app_factory import create_app, make_web_client
from bot.slack.deps import SlackDeps, utc_now
from bot.slack.direct_channels import DirectChannels
from bot.slack.notifier import SlackNotifier
from bot.slack.outbox_sender import SlackDelivery
from intents.delivery import Backoff
from intents.turn import BotServices


@dataclass
class SlackBot:
    app: App
    deps: SlackDeps
    worker: OutboxWorker

    def start(self) -> SlackBot:
        self.worker.start()
        return self

    def stop(self) -> None:
        self.worker.stop()


def build_slack_bot(settings: Settings, db: Engine, *, services: BotServices | None = None,
                    clock: Callable[[], datetime] | None = None, backoff: Backoff = Backoff(),
                    poll_s: float = POLL_S) -> SlackBot:
    """`services` (the NLU and routines) are built from the settings unless given (tests share one)."""
    client = make_web_client(settings)
    channels = DirectChannels(client)
    access = SlackAccess()
    worker = OutboxWorker(db, SlackDelivery(client, channels, access), admins=settings.admin_user_ids,
                          backoff=backoff, poll_s=poll_s)
    if services is None:
        from bot.services import build_services

        services = build_services(settings, db, SlackNotifier(client, channels))
    services.wake_delivery = worker.wake
    from intents.engine import DialogueEngine

    deps = SlackDeps(dialogue=DialogueEngine(services), channels=channels, access=access, clock=clock or utc_now)
    return SlackBot(create_app(settings, deps, client), deps, worker)
