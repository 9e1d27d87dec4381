"""Open reports: how many are not yet assessed, how old they are, and how many lack feedback."""

from __future__ import annotations

from datetime import timedelta

from intents.statistics.counts import counted_thing, number
from intents.statistics.request import StatisticsRequest
from intents.turn import Turn
from storage.report_counts import CountFilter, count_unassessed, count_without_feedback, oldest_unassessed

AGES = (7, 14, 30)


def answer_open(turn: Turn, request: StatisticsRequest) -> tuple[list[str], str]:
    session, now = turn.session, turn.now
    flt = request.flt
    kind = request.question.kind or "avvikelse"
    flt = CountFilter(kind, flt.area, flt.unit_ids, flt.start, flt.end)
    total = count_unassessed(session=session, flt=flt)
    what = counted_thing(kind, request.question.area, total)
    if total == 0:
        head = f"0 {what}{request.where} väntar på bedömning – alla är bedömda."
        return [head], head
    head = f"{number(total)} {what}{request.where} är inte bedömda ännu."
    ages = [f"{number(count_unassessed(session=session, flt=flt, reported_before=now - timedelta(days=d)))} äldre än {d} dagar"
            for d in AGES]
    lines = [head, "Av dem: " + ", ".join(ages) + "."]
    oldest = oldest_unassessed(session=session, flt=flt)
    if oldest is not None:
        lines.append(f"Den äldsta rapporterades för {max((now - oldest).days, 0)} dagar sedan.")
    missing = count_without_feedback(session=session, flt=flt)
    lines.append(f"{number(missing)} åtgärdade eller avslutade saknar återkoppling till den som rapporterade.")
    return lines, head
