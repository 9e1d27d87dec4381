from slack_bolt import App

from bot.slack.listeners.commands.ask_command import ask_command_callback
from bot.slack.listeners.commands.report_commands import report_command_callback


def register(app: App) -> None:
    app.command("/avvikelse")(report_command_callback)
    app.command("/synpunkt")(report_command_callback)
    app.command("/omsorgsbot")(ask_command_callback)
