"""All listeners, one package per kind of Slack request (as in slack-samples' bolt-python-starter-template).
Each acknowledges Slack at once and does its work afterwards (see bot/slack/app_factory.py)."""

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, messages, shortcuts, views


def register_listeners(app: App) -> None:
    actions.register(app)
    commands.register(app)
    events.register(app)
    messages.register(app)
    shortcuts.register(app)
    views.register(app)
