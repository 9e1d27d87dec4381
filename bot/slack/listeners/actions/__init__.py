import re

from slack_bolt import App

from bot.slack.blocks import CHOICE_ACTION_PREFIX
from bot.slack.errors import acknowledge, reported
from bot.slack.home import ASSESS_ACTION, NEW_REPORT_ACTIONS, SAY_ACTIONS
from bot.slack.listeners.actions.choice_clicked import choice_clicked_callback
from bot.slack.listeners.actions.home_actions import new_report_callback, say_callback, start_assessment_callback


def register(app: App) -> None:
    app.action(re.compile(rf"^{CHOICE_ACTION_PREFIX}:\d+$"))(ack=acknowledge, lazy=[reported(choice_clicked_callback)])
    for action_id in NEW_REPORT_ACTIONS.values():
        app.action(action_id)(ack=acknowledge, lazy=[reported(new_report_callback)])
    app.action(ASSESS_ACTION)(ack=acknowledge, lazy=[reported(start_assessment_callback)])
    for action_id in SAY_ACTIONS.values():
        app.action(action_id)(ack=acknowledge, lazy=[reported(say_callback)])
