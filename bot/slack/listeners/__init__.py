"""All listeners, one package per kind of Slack request (as in slack-samples' bolt-python-starter-template)."""

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, messages, views


def register_listeners(app: App) -> None:
    actions.register(app)
    commands.register(app)
    events.register(app)
    messages.register(app)
    views.register(app)
