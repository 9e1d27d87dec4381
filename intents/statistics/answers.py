"""One entry for statistics questions: resolve what may be counted, pick the kind of answer,
and write what was revealed to the access log."""

from __future__ import annotations

from dataclasses import replace

from intents.messages import Reply
from intents.statistics.comparisons import answer_named_periods
from intents.statistics.counts import CountAnswer, answer_counts
from intents.statistics.flagged import answer_flagged
from intents.statistics.largest import answer_largest
from intents.statistics.open_reports import answer_open
from intents.statistics.request import StatisticsRequest, resolve_request
from intents.statistics.stage_time_answer import answer_stage_times
from intents.statistics.trends import answer_trend
from intents.statistics.year_over_year import answer_year_over_year
from intents.turn import Turn
from nlp_models.questions.flagged_subjects import flagged_subjects
from nlp_models.questions.parser import QuestionParse
from nlp_models.questions.statistics_focus import statistics_focus
from storage.report_counts import count_duplicates
from storage.vocabulary import Flag


def _stage_times(turn: Turn, request: StatisticsRequest) -> CountAnswer:
    lines, revealed = answer_stage_times(turn, request)
    return CountAnswer(lines, revealed)


_BY_FOCUS = {"stage_times": _stage_times, "year_over_year": answer_year_over_year, "trend": answer_trend,
             "open": answer_open, "largest": answer_largest}


def duplicates_note(turn: Turn, request: StatisticsRequest) -> list[str]:
    """Every count leaves out reports marked as duplicates; the answer says how many were left out."""
    n = count_duplicates(session=turn.session, flt=request.flt)
    if not n:
        return []
    if n == 1:
        return ["1 rapport markerad som dubblett av en tidigare rapport är inte medräknad."]
    return [f"{n} rapporter markerade som dubbletter av tidigare rapporter är inte medräknade."]


def _answer(turn: Turn, request: StatisticsRequest) -> CountAnswer | list[Reply]:
    question = request.question
    focus = statistics_focus(turn.text)
    if focus == "stage_times":
        return _stage_times(turn, request)
    subjects = flagged_subjects(turn.text)
    if subjects.subjects:
        if question.group_by is None and focus != "trend":
            return answer_flagged(turn, request, subjects)
        flag = Flag(subjects.subjects[0]) if len(subjects.subjects) == 1 else Flag.ANY
        request = replace(request, flt=replace(request.flt, flag=flag))
    if focus == "trend":  # a trend question is grouped per month (SCHEMA.md)
        return answer_trend(turn, request)
    if question.compared_periods and focus != "year_over_year":
        return answer_named_periods(turn, request)
    if question.group_by is None and focus in _BY_FOCUS:
        return _BY_FOCUS[focus](turn, request)
    return answer_counts(turn, request)


def answer_statistics(turn: Turn, question: QuestionParse | None = None, can_clarify: bool = True) -> list[Reply]:
    question = question or turn.understand().question
    request = resolve_request(turn, question, can_clarify)
    if not isinstance(request, StatisticsRequest):
        return request
    answer = _answer(turn, request)
    if isinstance(answer, list):  # a paged list: the first page, "visa fler" for the next
        return answer
    turn.log_access(answer.revealed)
    return [Reply("\n".join(answer.lines + duplicates_note(turn, request)), chart=answer.chart)]


def asks_stage_times(text: str) -> bool:
    """"hur snabbt hanteras avvikelserna", "tid till återkoppling": time per stage, whatever the intent reads."""
    return statistics_focus(text) == "stage_times"
