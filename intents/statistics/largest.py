"""Which areas and units have the most reports."""

from __future__ import annotations

from intents.statistics.counts import CountAnswer, count_basis, headline, table
from intents.statistics.periods import counted_period
from intents.statistics.request import StatisticsRequest
from intents.turn import Turn
from storage.report_counts import count_by_area, count_by_unit, count_reports

SHOWN = 3


def answer_largest(turn: Turn, request: StatisticsRequest) -> CountAnswer:
    session, flt, period = turn.session, request.flt, request.question.period
    total = count_reports(session=session, flt=flt)
    head = headline(turn, request, total, counted_period(period, turn.now.date()) if period else None)
    lines = [head]
    if total:
        if request.question.area is None:
            lines += ["", "Största områdena:", *table(count_by_area(session=session, flt=flt), SHOWN)]
        if flt.unit_ids is None or len(flt.unit_ids) > 1:
            lines += ["", "Enheter med flest:", *table(count_by_unit(session=session, flt=flt), SHOWN)]
    lines.append(count_basis(request))
    return CountAnswer(lines, head)
