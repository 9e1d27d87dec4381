"""Severe events and lex Sarah / lex Maria cases: how many, out of how many reports, and which
(references, unit, area, date, status) – for the roles that may see them, within their units.
Without a period: all time, newest first."""

from __future__ import annotations

from dataclasses import replace

from intents.statistics.counts import CountAnswer, count_basis, when_words
from intents.statistics.periods import counted_period
from intents.statistics.request import StatisticsRequest
from intents.statistics.wording import counted_thing, flagged_thing, kinds_split, number
from intents.swedish_dates import format_date
from intents.turn import Turn
from nlp_models.questions.flagged_subjects import FlaggedSubjects
from storage.report_counts import count_reports, flagged_reports
from storage.timestamps import to_stockholm
from storage.vocabulary import Flag

LISTED = 5
LISTED_WHEN_SEVERAL = 3
_MARKS = (("lex Sarah?", "lex_sarah_candidate"), ("lex Maria?", "lex_maria_candidate"))


def report_line(report, unit: str) -> str:
    """'• AV-2026-00042 – Solgården, fall, 3 mars 2026, ny (lex Maria?)'."""
    marks = [mark for mark, field in _MARKS if getattr(report, field)]
    return (f"• {report.reference} – {unit}, {report.area}, {format_date(to_stockholm(report.occurred_at).date())}, "
            f"{report.status}" + (f" ({', '.join(marks)})" if marks else ""))


def answer_flagged(turn: Turn, request: StatisticsRequest, subjects: FlaggedSubjects) -> CountAnswer:
    session, question = turn.session, request.question
    counted = counted_period(question.period, turn.now.date()) if question.period else None
    everything = count_reports(session=session, flt=request.flt)
    out_of = f"{number(everything)} {counted_thing(request.flt.kind, request.flt.area, everything)}"
    if request.flt.kind is None and everything:
        avvikelser = count_reports(session=session, flt=replace(request.flt, kind="avvikelse"))
        out_of += kinds_split(avvikelser, everything - avvikelser)
    lines, heads = [], []
    listed = LISTED if len(subjects.subjects) == 1 else LISTED_WHEN_SEVERAL
    for subject in subjects.subjects:
        flt = replace(request.flt, flag=Flag(subject))
        total, latest = flagged_reports(session=session, flt=flt, limit=listed)
        head = f"{number(total)} {flagged_thing(Flag(subject), total)}{request.where}{when_words(counted)}"
        heads.append(head)
        lines.append(f"{head}, av {out_of}." if len(subjects.subjects) == 1 else f"{head}.")
        lines += [report_line(report, unit) for report, unit in latest]
        if total > len(latest):
            lines.append(f"… och {number(total - len(latest))} till.")
    if len(subjects.subjects) > 1:
        lines.append(f"Alla rapporter{request.where}{when_words(counted)}: {out_of}.")
    flt = replace(request.flt, flag=Flag(subjects.subjects[0]) if len(subjects.subjects) == 1 else Flag.ANY)
    lines.append(count_basis(replace(request, flt=flt)) + " Boten flaggar bara – ansvariga bedömer.")
    return CountAnswer(lines, "; ".join(heads))
