"""'Hur snabbt hanteras avvikelserna på Solgården?': medians from reported to first handling, to åtgärd
and to återkoppling, per unit and area, and the share that got feedback. Without a period in the
question: reports made in the last 12 weeks."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from intents.stage_times import feedback_line, stage_lines, stage_times, table_line
from intents.statistics.request import StatisticsRequest
from intents.swedish_dates import format_date
from intents.turn import Turn
from storage.timestamps import STOCKHOLM

DEFAULT_WEEKS = 12


def answer_stage_times(turn: Turn, request: StatisticsRequest) -> tuple[list[str], str]:
    flt = request.flt
    if flt.start or flt.end:
        start = datetime.combine(flt.start or turn.now.astimezone(STOCKHOLM).date(), time.min, tzinfo=STOCKHOLM)
        end = datetime.combine((flt.end or turn.now.astimezone(STOCKHOLM).date()) + timedelta(days=1), time.min,
                               tzinfo=STOCKHOLM)
    else:
        end, start = turn.now, turn.now - timedelta(weeks=DEFAULT_WEEKS)
    kind = request.question.kind or "avvikelse"
    times = stage_times(session=turn.session, reported_from=start, reported_to=min(end, turn.now),
                        unit_ids=flt.unit_ids, kind=kind, area=flt.area)
    what = "avvikelserna" if kind == "avvikelse" else "synpunkterna"
    span = (f"{format_date(start.astimezone(STOCKHOLM).date())}–"
            f"{format_date((min(end, turn.now) - timedelta(seconds=1)).astimezone(STOCKHOLM).date())}")
    head = f"Så snabbt hanteras {what}{request.where} (rapporterade {span}, {times.total.reports} st):"
    if not times.total.reports:
        return [f"Inga {what} rapporterades{request.where} {span}, så det finns inga tider att visa."], head
    lines = [head, *stage_lines(times.total), feedback_line(times.total)]
    lines.append("Tiderna räknas från när rapporten kom in. Median: hälften gick fortare.")
    if len(times.by_area) > 1:
        lines += ["", "Per område (första hantering / åtgärd / återkoppling):"]
        lines += [table_line(f) for f in times.by_area]
    if len(times.by_unit) > 1:
        lines += ["", "Per enhet (första hantering / åtgärd / återkoppling):"]
        lines += [table_line(f) for f in times.by_unit]
    return lines, head
