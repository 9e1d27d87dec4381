"""Severe events and lex Sarah / lex Maria cases: how many, out of how many reports, and which
(references, unit, area, date, status) – for the roles that may see them, within their units.
Without a period: all time, newest first. The list pages with "visa fler" (intents.paged_lists),
and every page checks again what the person may see."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from intents.access import NO_UNITS, REFUSAL, statistics_scope
from intents.messages import Reply
from intents.paged_lists import Page, as_of, register_list, show_list
from intents.statistics.counts import count_basis, when_words
from intents.statistics.periods import counted_period
from intents.statistics.request import StatisticsRequest
from intents.statistics.wording import counted_thing, flagged_thing, kinds_split, number
from intents.swedish_dates import format_date
from intents.turn import Turn
from nlp_models.questions.flagged_subjects import FlaggedSubjects
from storage.report_counts import CountFilter, count_reports, flagged_reports
from storage.timestamps import to_stockholm
from storage.vocabulary import Flag

LIST_NAME = "flagged_reports"
PAGE_SIZE = 10
_STAGE_WORDS = {"assessed": "som är bedömda", "reported": "som anmäls eller har anmälts till IVO"}
_MARKS = (("allvarlig", Flag.SEVERE), ("lex Sarah?", Flag.LEX_SARAH), ("lex Maria?", Flag.LEX_MARIA))


def _is_severe(report) -> bool:
    return bool(report.severe) or report.consequence == "allvarlig"


def report_line(report, unit: str, shown: Flag) -> str:
    """'• AV-2026-00042 – Solgården, fall, 3 mars 2026, ny (lex Maria?)': the marks other than the
    one the list is about."""
    has = {Flag.SEVERE: _is_severe(report), Flag.LEX_SARAH: report.lex_sarah_candidate,
           Flag.LEX_MARIA: report.lex_maria_candidate}
    marks = [mark for mark, flag in _MARKS if has[flag] and flag is not shown]
    return (f"• {report.reference} – {unit}, {report.area}, {format_date(to_stockholm(report.occurred_at).date())}, "
            f"{report.status}" + (f" ({', '.join(marks)})" if marks else ""))


def _filter_params(flt: CountFilter) -> dict[str, Any]:
    return {"kind": flt.kind, "area": flt.area, "areas": list(flt.areas),
            "unit_ids": list(flt.unit_ids) if flt.unit_ids is not None else None,
            "start": flt.start.isoformat() if flt.start else None, "end": flt.end.isoformat() if flt.end else None,
            "flag": str(flt.flag), "lex_stage": flt.lex_stage}


def _filter_of(params: dict[str, Any]) -> CountFilter:
    return CountFilter(kind=params["kind"], area=params["area"], areas=tuple(params["areas"]),
                       unit_ids=params["unit_ids"], flag=Flag(params["flag"]), lex_stage=params.get("lex_stage"),
                       start=date.fromisoformat(params["start"]) if params["start"] else None,
                       end=date.fromisoformat(params["end"]) if params["end"] else None)


def _may_see(turn: Turn, unit_ids: list[int] | None) -> str:
    """'' when the person may (still) see these reports, else the refusal."""
    scope = statistics_scope(session=turn.session, person=turn.person)
    if scope is None:
        return REFUSAL
    if scope.everything:
        return ""
    if not scope.unit_ids:
        return NO_UNITS
    if unit_ids is None or not all(scope.allows_unit(u) for u in unit_ids):
        return "Du kan inte se de rapporterna – bara rapporter från enheter du har ansvar för."
    return ""


def fetch_flagged(turn: Turn, params: dict[str, Any], offset: int, limit: int) -> Page:
    refusal = _may_see(turn, params["unit_ids"])
    if refusal:
        return Page([], 0, refusal=refusal)
    flt = replace(_filter_of(params), reported_until=as_of(params))
    total, rows = flagged_reports(session=turn.session, flt=flt, limit=limit, offset=offset)
    heading = params["heading"] if offset == 0 else params["short_heading"]
    references = ", ".join(report.reference for report, _ in rows)
    return Page([report_line(report, unit, Flag(params["flag"])) for report, unit in rows], total,
                heading=heading, footer=params["basis"], empty=f"{params['heading']}\n{params['basis']}",
                revealed=f"{params['revealed']}: {references}" if references else params["revealed"])


register_list(LIST_NAME, fetch_flagged, page_size=PAGE_SIZE)


def answer_flagged(turn: Turn, request: StatisticsRequest, subjects: FlaggedSubjects) -> list[Reply]:
    """The counts, out of how many reports, and the first page of the reports themselves."""
    session, question = turn.session, request.question
    counted = counted_period(question.period, turn.now.date()) if question.period else None
    everything = count_reports(session=session, flt=request.flt)
    out_of = f"{number(everything)} {counted_thing(request.flt.kind, request.flt.area, everything)}"
    if request.flt.kind is None and everything:
        avvikelser = count_reports(session=session, flt=replace(request.flt, kind="avvikelse"))
        out_of += kinds_split(avvikelser, everything - avvikelser)
    when = when_words(counted, turn)  # one look at the first report on record, however many headings
    heads = []
    stage = subjects.stage
    for subject in subjects.subjects:
        flt = replace(request.flt, flag=Flag(subject), lex_stage=stage)
        total = count_reports(session=session, flt=flt)
        head = f"{number(total)} {flagged_thing(Flag(subject), total)}"
        if stage and Flag(subject) is not Flag.SEVERE:
            candidates = count_reports(session=session, flt=replace(flt, lex_stage=None))
            head += f" {_STAGE_WORDS[stage]} (av {number(candidates)} {flagged_thing(Flag(subject), candidates)})"
        heads.append(f"{head}{request.where}{when}")
    flag = Flag(subjects.subjects[0]) if len(subjects.subjects) == 1 else Flag.ANY
    if len(heads) == 1:
        heading = [f"{heads[0]}, av {out_of}."]
    else:
        heading = [f"{head}." for head in heads] + [f"Alla rapporter{request.where}{when}: {out_of}."]
    flt = replace(request.flt, flag=flag, lex_stage=stage if flag in (Flag.LEX_SARAH, Flag.LEX_MARIA) else None)
    basis = count_basis(replace(request, flt=flt)) + " Boten flaggar bara – ansvariga bedömer."
    what = flagged_thing(flag, 2)
    params = {**_filter_params(flt), "heading": "\n".join(heading) + ("" if len(heads) == 1 else "\nDe senaste:"),
              "short_heading": f"{what[:1].upper()}{what[1:]}{request.where}{when}:",
              "basis": basis, "revealed": "; ".join(heads)}
    return [show_list(turn, LIST_NAME, params)]
