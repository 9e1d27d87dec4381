"""Everything the Slack channel needs, built from the settings: client, notifier, engine, Bolt app."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from slack_bolt import App
from sqlalchemy.engine import Engine

from bot.settings import Settings
from bot.slack.app_factory import create_app, make_web_client
from bot.slack.deps import SlackDeps, utc_now
from bot.slack.notifier import SlackNotifier


def build_slack_app(settings: Settings, db: Engine, clock: Callable[[], datetime] | None = None) -> tuple[App, SlackDeps]:
    from bot.services import build_services
    from intents.engine import DialogueEngine

    client = make_web_client(settings)
    services = build_services(settings, db, SlackNotifier(client))
    deps = SlackDeps(dialogue=DialogueEngine(services), clock=clock or utc_now)
    return create_app(settings, deps, client), deps
