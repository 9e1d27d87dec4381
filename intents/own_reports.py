"""“Mina rapporter”: a reporter sees the status of what they reported, and what came of it."""

from __future__ import annotations

import re

from intents.messages import Reply
from intents.swedish_dates import format_moment
from intents.turn import Turn
from nlp_models.text.normalize import fold
from storage.reports import reports_by_reporter

_ASKS_OWN = re.compile(
    r"\b(?:mina|min)\s+(?:rapporter|rapport|avvikelser|avvikelse|synpunkter|synpunkt|arenden)\b"
    # "vad har jag rapporterat", "hur många avvikelser har jag skickat in", "det jag rapporterade"
    r"|\b(?:har|hade)\s+jag\s+(?:\w+\s+)?(?:rapporterat|skickat|anmalt|lamnat|skrivit)\b"
    r"|\b(?:det|den|dem|de)\s+jag\s+(?:har\s+)?(?:rapporterade|rapporterat|skickade|anmalde)\b")
_STATUS = {"ny": "ny – inte hanterad ännu", "utreds": "utreds", "åtgärdad": "åtgärdad", "avslutad": "avslutad"}


def asks_for_own_reports(text: str) -> bool:
    return bool(_ASKS_OWN.search(fold(text)))


def answer_own_reports(turn: Turn) -> list[Reply]:
    reports = reports_by_reporter(session=turn.session, reporter_id=turn.person.id)
    if not reports:
        return [Reply("Du har inte rapporterat något via mig ännu.")]
    lines = ["Dina senaste rapporter:"]
    for report in reports:
        line = f"• {report.reference} ({report.area}, {format_moment(report.occurred_at, turn.now)}): {_STATUS.get(report.status, report.status)}"
        if report.feedback:
            line += f"\n   Återkoppling: {report.feedback}"
        lines.append(line)
    return [Reply("\n".join(lines))]
