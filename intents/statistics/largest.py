"""Which areas and units have the most reports."""

from __future__ import annotations

from intents.statistics.counts import COUNTED_BY, headline, table
from intents.statistics.request import StatisticsRequest
from intents.turn import Turn
from storage.report_counts import count_by_area, count_by_unit, count_reports

SHOWN = 3


def answer_largest(turn: Turn, request: StatisticsRequest) -> tuple[list[str], str]:
    session, flt = turn.session, request.flt
    total = count_reports(session=session, flt=flt)
    head = headline(request, total)
    lines = [head]
    if total:
        if request.question.area is None:
            lines += ["", "Största områdena:", *table(count_by_area(session=session, flt=flt), SHOWN)]
        if flt.unit_ids is None or len(flt.unit_ids) > 1:
            lines += ["", "Enheter med flest:", *table(count_by_unit(session=session, flt=flt), SHOWN)]
    lines.append(COUNTED_BY)
    return lines, head
