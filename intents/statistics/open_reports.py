"""Open reports: how many are not yet assessed, how old they are, and how many lack feedback."""

from __future__ import annotations

from datetime import timedelta

from dataclasses import replace

from intents.statistics.counts import CountAnswer
from intents.statistics.request import StatisticsRequest
from intents.statistics.wording import counted_thing, number
from intents.turn import Turn
from storage.report_counts import count_unassessed, count_without_feedback, oldest_unassessed

AGES = (7, 14, 30)


def answer_open(turn: Turn, request: StatisticsRequest) -> CountAnswer:
    session, now = turn.session, turn.now
    flt = request.flt
    kind = request.question.kind or "avvikelse"
    flt = replace(flt, kind=kind)
    total = count_unassessed(session=session, flt=flt)
    what = counted_thing(kind, request.question.area, total)
    if total == 0:
        head = f"0 {what}{request.where} väntar på bedömning – alla är bedömda."
        return CountAnswer([head], head)
    head = f"{number(total)} {what}{request.where} är inte {'bedömd' if total == 1 else 'bedömda'} ännu."
    ages = [f"{number(count_unassessed(session=session, flt=flt, reported_before=now - timedelta(days=d)))} äldre än {d} dagar"
            for d in AGES]
    lines = [head, "Av dem: " + ", ".join(ages) + "."]
    oldest = oldest_unassessed(session=session, flt=flt)
    if oldest is not None:
        lines.append(f"Den äldsta rapporterades för {max((now - oldest).days, 0)} dagar sedan.")
    missing = count_without_feedback(session=session, flt=flt)
    handled = "åtgärdad eller avslutad saknar" if missing == 1 else "åtgärdade eller avslutade saknar"
    lines.append(f"{number(missing)} {handled} återkoppling till den som rapporterade.")
    return CountAnswer(lines, head)
