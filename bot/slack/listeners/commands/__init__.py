from slack_bolt import App

from bot.slack.errors import acknowledge, reported
from bot.slack.listeners.commands.ask_command import ask_command_callback
from bot.slack.listeners.commands.report_commands import report_command_callback


def register(app: App) -> None:
    # The modal must open within the trigger's three seconds: acknowledged first, opened right after.
    app.command("/avvikelse")(ack=acknowledge, lazy=[reported(report_command_callback)])
    app.command("/synpunkt")(ack=acknowledge, lazy=[reported(report_command_callback)])
    app.command("/omsorgsbot")(ack=acknowledge, lazy=[reported(ask_command_callback)])
