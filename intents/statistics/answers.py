"""One entry for statistics questions: resolve what may be counted, pick the kind of answer,
and write what was revealed to the access log."""

from __future__ import annotations

from intents.messages import Reply
from intents.statistics.counts import answer_counts
from intents.statistics.largest import answer_largest
from intents.statistics.open_reports import answer_open
from intents.statistics.request import StatisticsRequest, resolve_request
from intents.statistics.severe import answer_severe
from intents.statistics.stage_time_answer import answer_stage_times
from intents.statistics.trends import answer_trend
from intents.statistics.year_over_year import answer_year_over_year
from intents.turn import Turn
from storage.report_counts import count_duplicates
from nlp_models.questions.parser import QuestionParse
from nlp_models.questions.statistics_focus import statistics_focus

_BY_FOCUS = {"stage_times": answer_stage_times, "year_over_year": answer_year_over_year, "trend": answer_trend, "open": answer_open, "severe": answer_severe, "largest": answer_largest}


def duplicates_note(turn: Turn, request: StatisticsRequest) -> list[str]:
    """Every count leaves out reports marked as duplicates; the answer says how many were left out."""
    n = count_duplicates(session=turn.session, flt=request.flt)
    if not n:
        return []
    if n == 1:
        return ["1 rapport markerad som dubblett av en tidigare rapport är inte medräknad."]
    return [f"{n} rapporter markerade som dubbletter av tidigare rapporter är inte medräknade."]


def answer_statistics(turn: Turn, question: QuestionParse | None = None, can_clarify: bool = True) -> list[Reply]:
    question = question or turn.understand().question
    request = resolve_request(turn, question, can_clarify)
    if not isinstance(request, StatisticsRequest):
        return request
    focus = statistics_focus(turn.text)
    if question.group_by is not None and focus != "trend":  # a trend question is grouped per month (SCHEMA.md)
        focus = None
    chart = None
    if focus in _BY_FOCUS:
        lines, revealed = _BY_FOCUS[focus](turn, request)
    else:
        lines, revealed, chart = answer_counts(turn, request)
    lines = lines + duplicates_note(turn, request)
    turn.log_access(revealed)
    return [Reply("\n".join(lines), chart=chart)]


def asks_stage_times(text: str) -> bool:
    """"hur snabbt hanteras avvikelserna", "tid till återkoppling": time per stage, whatever the intent reads."""
    return statistics_focus(text) == "stage_times"
