"""Two or more periods side by side: "jämför fall i oktober med september" counts exactly October
and September, "fler fall i år än i fjol" this year so far and the same days last year; with two
periods, plain words say how sure the difference is."""

from __future__ import annotations

import math

from intents.messages import Chart
from intents.statistics.counts import CountAnswer, count_basis
from intents.statistics.periods import counted_period
from intents.statistics.request import StatisticsRequest
from intents.statistics.wording import capitalised, counted_thing, flagged_thing, number
from intents.turn import Turn
from nlp_models.times.expressions import Period, describe_period
from storage.report_counts import count_reports
from storage.vocabulary import Flag


def _log_binomial(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) - n * math.log(2)


def two_sided_p(recent: int, earlier: int) -> float:
    """Exact test of "both periods have the same rate": recent ~ Binomial(recent + earlier, 1/2)."""
    n = recent + earlier
    if n == 0:
        return 1.0
    observed = _log_binomial(n, recent)
    total = sum(math.exp(lp) for k in range(n + 1) if (lp := _log_binomial(n, k)) <= observed + 1e-9)
    return min(1.0, total)


def how_sure(recent: int, earlier: int) -> str:
    if recent == earlier:
        return "Ingen skillnad."
    direction = "ökning" if recent > earlier else "minskning"
    p = two_sided_p(recent, earlier)
    if p < 0.01:
        return f"Det är en tydlig {direction} – knappast slumpen."
    if p < 0.05:
        return f"Troligen en verklig {direction}."
    if p < 0.2:
        return f"Kanske en {direction}, men det kan också vara slumpen."
    return "Ingen säker skillnad – den ryms inom det vanliga."


def _same_length(a: Period, b: Period) -> bool:
    return abs((a.end - a.start).days - (b.end - b.start).days) <= 3  # months of 28–31 days compare


def _what(request: StatisticsRequest) -> str:
    flt = request.flt
    thing = flagged_thing(Flag(flt.flag), 2) if flt.flag else counted_thing(flt.kind, flt.area, 2)
    return capitalised(thing)


def compare_periods(turn: Turn, request: StatisticsRequest, recent_period: Period, earlier_period: Period,
                    earlier_words: str | None = None) -> CountAnswer:
    """Two counts side by side and how sure the difference is."""
    recent = count_reports(session=turn.session, flt=request.flt.between(recent_period.start, recent_period.end))
    earlier = count_reports(session=turn.session, flt=request.flt.between(earlier_period.start, earlier_period.end))
    before = describe_period(earlier_period)
    before = f"{earlier_words} ({before})" if earlier_words else before
    head = (f"{_what(request)}{request.where}: {number(recent)} under {describe_period(recent_period)} "
            f"mot {number(earlier)} under {before}.")
    lines = [head]
    if _same_length(recent_period, earlier_period):
        lines.append(how_sure(recent, earlier))
    return CountAnswer(lines + [count_basis(request)], head)


def answer_named_periods(turn: Turn, request: StatisticsRequest) -> CountAnswer:
    """"jämför fall i oktober med september": each named period, in the order named."""
    today = turn.now.date()
    periods = [counted_period(p, today) for p in request.question.compared_periods]
    counts = [count_reports(session=turn.session, flt=request.flt.between(c.counted.start, c.counted.end))
              for c in periods]
    if len(periods) == 2:
        first, second = periods
        head = (f"{_what(request)}{request.where}: {number(counts[0])} under {first.words} "
                f"mot {number(counts[1])} under {second.words}.")
        lines = [head]
        if _same_length(first.counted, second.counted):
            lines.append(how_sure(counts[0], counts[1]))
    else:
        head = f"{_what(request)}{request.where}:"
        lines = [head] + [f"{c.words}: {number(n)}" for c, n in zip(periods, counts)]
    chart = Chart(title=f"{_what(request)}{request.where}", labels=[c.words for c in periods], values=counts)
    return CountAnswer(lines + [count_basis(request)], head, chart)
