from slack_bolt import App

from bot.slack.errors import acknowledge, reported
from bot.slack.listeners.messages.direct_message import direct_message_callback


def register(app: App) -> None:
    # every message event, subtypes included: the callback ignores what is not a person writing in a DM
    app.event("message")(ack=acknowledge, lazy=[reported(direct_message_callback)])
