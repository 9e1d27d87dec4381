from slack_bolt import App

from bot.slack.listeners.views.report_form_submitted import report_form_submitted_callback
from bot.slack.report_form import CALLBACK_ID


def register(app: App) -> None:
    app.view(CALLBACK_ID)(report_form_submitted_callback)
