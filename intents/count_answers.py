"""Answers to "how many" questions: the number, what was counted, the exact period, a comparison."""

from __future__ import annotations

from datetime import date, timedelta

from intents.access import NO_UNITS, REFUSAL, statistics_scope
from intents.messages import Reply
from intents.turn import Turn
from nlp_models.time_expressions import Period, describe_period
from storage.access_log import log_access
from storage.report_counts import CountFilter, count_by_area, count_by_unit, count_reports, earliest_occurrence
from storage.units import get_unit_by_name

TABLE_ROWS = 8
MAX_SERIES = 60
_AREA_COMPOUND = {"fall": "fall", "läkemedel": "läkemedels", "trycksår": "trycksårs", "larm": "larm"}


def counted_thing(kind: str | None, area: str | None, n: int) -> str:
    """'fallavvikelser', 'synpunkter om larm', 'rapporter om trycksår', 'avvikelser och synpunkter'."""
    one = n == 1
    if kind == "avvikelse":
        noun = "avvikelse" if one else "avvikelser"
        if area in _AREA_COMPOUND:
            return _AREA_COMPOUND[area] + noun
        return noun + (" inom övrigt" if area == "övrigt" else "")
    if kind == "synpunkt":
        noun = "synpunkt" if one else "synpunkter"
        return noun + (f" om {area}" if area else "")
    if area:
        return ("rapport" if one else "rapporter") + f" om {area}"
    return "avvikelse eller synpunkt" if one else "avvikelser och synpunkter"


def _number(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def previous_period(period: Period) -> Period:
    """The period just before, of the same length (a whole month or year compares with the one before)."""
    start, end = period.start, period.end
    next_day = end + timedelta(days=1)
    if start.day == 1 and next_day.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first = date(start.year, start.month, 1)
        for _ in range(months):
            first = (first - timedelta(days=1)).replace(day=1)
        return Period(first, start - timedelta(days=1))
    length = (end - start).days + 1
    return Period(start - timedelta(days=length), start - timedelta(days=1))


def _months(period: Period) -> list[Period]:
    out, first = [], period.start.replace(day=1)
    while first <= period.end and len(out) < MAX_SERIES:
        following = (first + timedelta(days=32)).replace(day=1)
        out.append(Period(max(first, period.start), min(following - timedelta(days=1), period.end)))
        first = following
    return out


def _weeks(period: Period) -> list[Period]:
    out, monday = [], period.start - timedelta(days=period.start.weekday())
    while monday <= period.end and len(out) < MAX_SERIES:
        out.append(Period(max(monday, period.start), min(monday + timedelta(days=6), period.end)))
        monday += timedelta(days=7)
    return out


def _table(rows: list[tuple[str, int]]) -> list[str]:
    shown = rows[:TABLE_ROWS]
    width = max((len(label) for label, _ in shown), default=0)
    lines = [f"{label.ljust(width)}  {_number(n)}" for label, n in shown]
    rest = rows[TABLE_ROWS:]
    if rest:
        lines.append(f"{'Övriga'.ljust(width)}  {_number(sum(n for _, n in rest))}")
    return lines


def answer_count(turn: Turn) -> list[Reply]:
    question = turn.understand().question
    session = turn.session
    scope = statistics_scope(session=session, person=turn.person)
    if scope is None:
        return [Reply(REFUSAL)]
    unit = get_unit_by_name(session=session, name=question.unit) if question.unit else None
    if unit is not None and not scope.allows_unit(unit.id):
        return [Reply(f"Du kan inte se statistik för {unit.name} – bara för enheter du har ansvar för.")]
    if not scope.everything and not scope.unit_ids:
        return [Reply(NO_UNITS)]
    unit_ids = [unit.id] if unit else (None if scope.everything else list(scope.unit_ids))
    if unit:
        where = f" på {unit.name}"
    elif scope.everything:
        where = ""
    else:
        where = f" på dina enheter ({', '.join(scope.unit_names)})"
    period = question.period
    when = f" under {describe_period(period)}" if period else " totalt"
    flt = CountFilter(kind=question.kind, area=question.area, unit_ids=unit_ids,
                      start=period.start if period else None, end=period.end if period else None)
    total = count_reports(session=session, flt=flt)
    head = f"{_number(total)} {counted_thing(question.kind, question.area, total)}{where}{when}."
    lines = [head]
    if question.group_by in ("unit", "area") and total:
        rows = count_by_unit(session=session, flt=flt) if question.group_by == "unit" else count_by_area(session=session, flt=flt)
        lines += ["", *_table(rows)]
    elif question.group_by in ("month", "week") and total:
        span = period or Period(earliest_occurrence(session=session) or turn.now.date(), turn.now.date())
        buckets = _months(span) if question.group_by == "month" else _weeks(span)
        for bucket in buckets:
            n = count_reports(session=session, flt=CountFilter(flt.kind, flt.area, flt.unit_ids, bucket.start, bucket.end))
            lines.append(f"{describe_period(bucket)}: {_number(n)}")
    elif period:
        before = previous_period(period)
        n_before = count_reports(session=session, flt=CountFilter(flt.kind, flt.area, flt.unit_ids, before.start, before.end))
        lines.append(f"Perioden före ({describe_period(before)}): {_number(n_before)}.")
    lines.append("Räknat på datum då händelsen inträffade.")
    log_access(session=session, user_key=turn.message.user_id, role=turn.person.role, question=turn.text,
               revealed=head, at=turn.now)
    return [Reply("\n".join(lines))]
