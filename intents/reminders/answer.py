"""'Vad väntar på mig?', 'mina påminnelser': the person's reminder as it stands right now, in the
chat (Slack or the terminal), whatever the time of day."""

from __future__ import annotations

import re

from intents.messages import Reply
from intents.reminders.selection import select_reminders
from intents.reminders.text import reminder_text
from intents.turn import Turn
from nlp_models.text.normalize import fold

_ASKS = re.compile(r"\b(?:mina\s+)?paminnelser?\b|\bvad\s+(?:vantar|ligger)\s+(?:pa|hos)\s+mig\b|"
                   r"\bmin\s+att\s*gora\s*lista\b|\batt\s+gora\s+(?:idag|i\s+dag)\b")


def asks_for_reminders(text: str) -> bool:
    folded = fold(text)
    return bool(_ASKS.search(folded)) and "rutin" not in folded


def answer_reminders(turn: Turn) -> list[Reply]:
    services = turn.services
    batches = select_reminders(session=turn.session, now=turn.now, periods=services.reminder_periods,
                               mas_user_ids=services.mas_user_ids, sas_user_ids=services.sas_user_ids)
    items = batches.get(turn.message.user_id)
    if not items:
        return [Reply("Inget väntar på dig just nu. 👍")]
    turn.log_access("påminnelser: " + ", ".join(i.waiting.reference for i in items))
    text = reminder_text(items, turn.now, services.reminder_periods)
    return [Reply(text.replace("God morgon! Det här väntar på dig:", "Det här väntar på dig:", 1))]
