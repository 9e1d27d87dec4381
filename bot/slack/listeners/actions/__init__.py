import re

from slack_bolt import App

from bot.slack.blocks import CHOICE_ACTION_PREFIX
from bot.slack.home import ASSESS_ACTION, HOME_SAY_ACTION, NEW_REPORT_ACTION
from bot.slack.listeners.actions.choice_clicked import choice_clicked_callback
from bot.slack.listeners.actions.home_actions import new_report_callback, say_callback, start_assessment_callback


def register(app: App) -> None:
    app.action(re.compile(rf"^{CHOICE_ACTION_PREFIX}:\d+$"))(choice_clicked_callback)
    app.action(NEW_REPORT_ACTION)(new_report_callback)
    app.action(ASSESS_ACTION)(start_assessment_callback)
    app.action(HOME_SAY_ACTION)(say_callback)
