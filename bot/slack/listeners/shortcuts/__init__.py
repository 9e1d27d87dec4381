from slack_bolt import App

from bot.slack.errors import acknowledge, reported
from bot.slack.listeners.shortcuts.report_from_message import CALLBACK_ID, report_from_message_callback


def register(app: App) -> None:
    app.shortcut(CALLBACK_ID)(ack=acknowledge, lazy=[reported(report_from_message_callback)])
