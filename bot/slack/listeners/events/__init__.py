from slack_bolt import App

from bot.slack.errors import acknowledge, reported
from bot.slack.listeners.events.app_access import (
    app_uninstalled_callback,
    member_joined_channel_callback,
    tokens_revoked_callback,
)
from bot.slack.listeners.events.app_home_opened import app_home_opened_callback
from bot.slack.listeners.events.app_mention import app_mention_callback


def register(app: App) -> None:
    app.event("app_home_opened")(ack=acknowledge, lazy=[reported(app_home_opened_callback)])
    app.event("app_mention")(ack=acknowledge, lazy=[reported(app_mention_callback)])
    app.event("app_uninstalled")(app_uninstalled_callback)  # no Web API call: done within the ack
    app.event("tokens_revoked")(tokens_revoked_callback)
    app.event("member_joined_channel")(ack=acknowledge, lazy=[reported(member_joined_channel_callback)])
