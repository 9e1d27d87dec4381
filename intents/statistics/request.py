"""From a parsed question to what may be counted: the role's scope, the unit, the filter.

Refuses politely, without figures, when the role may not see the numbers; asks which unit
when the question names several; says so when it names a unit that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from intents.access import NO_UNITS, REFUSAL, statistics_scope
from intents.messages import Choice, Reply
from intents.statistics.wording import and_list
from intents.turn import Turn
from nlp_models.questions.parser import QuestionParse
from nlp_models.questions.statistics_focus import unit_mention
from storage.drafts import save_draft
from storage.report_counts import CountFilter
from storage.units import get_unit_by_name

CLARIFY_FLOW = "clarify_unit"
ALL_UNITS_VALUE = "alla"


def unit_choices(names: list[str]) -> list[Choice]:
    """The choices of "Vilken enhet menar du?": the units, then all of them. The answer is read
    against the same list, so "3" means what the third line said."""
    return [Choice(n, n) for n in names] + [Choice("Alla", ALL_UNITS_VALUE)]


def or_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " eller " + names[-1]


@dataclass(frozen=True)
class StatisticsRequest:
    question: QuestionParse
    flt: CountFilter
    where: str  # " på Solgården", " på dina enheter (A, B)" or ""

    def with_period(self, start, end) -> CountFilter:
        return self.flt.between(start, end)


def resolve_request(turn: Turn, question: QuestionParse, can_clarify: bool) -> StatisticsRequest | list[Reply]:
    session = turn.session
    scope = statistics_scope(session=session, person=turn.person)
    if scope is None:
        return [Reply(REFUSAL)]
    matcher = turn.services.nlu.units
    named = list(dict.fromkeys(question.compared_units))
    if question.unit is None and len(named) < 2:  # "Solgården och Björkhagen" names two units: nothing to ask
        ambiguous = [n for n in matcher.candidates(turn.text)]
        if len(ambiguous) > 1 and not scope.everything:  # only the units this person may see are offered
            visible = [n for n in ambiguous if n in scope.unit_names]
            if not visible:
                return [Reply(f"Du kan inte se statistik för {and_list(ambiguous)} – bara för enheter du har "
                              "ansvar för.")]
            ambiguous = visible
            if len(visible) == 1:
                question = replace(question, unit=visible[0])
        if len(ambiguous) > 1:
            if can_clarify:
                save_draft(session=session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
                           state={"flow": CLARIFY_FLOW, "question": turn.text, "choices": ambiguous}, now=turn.now)
                return [Reply("Vilken enhet menar du?", unit_choices(ambiguous))]
        else:
            mention = unit_mention(turn.text)
            if mention and not ambiguous:
                nearest = matcher.suggest(mention)
                hint = f" Menar du {or_list(nearest)}?" if nearest else ""
                return [Reply(f"Jag hittar ingen enhet som heter ”{mention}”.{hint}")]
    unit = get_unit_by_name(session=session, name=question.unit) if question.unit else None
    if unit is not None and not scope.allows_unit(unit.id):
        return [Reply(f"Du kan inte se statistik för {unit.name} – bara för enheter du har ansvar för.")]
    if not scope.everything and not scope.unit_ids:
        return [Reply(NO_UNITS)]
    compared = [u for u in (get_unit_by_name(session=session, name=n) for n in named) if u]
    # "jämför Solgården och Björkhagen", "fall på Solgården och Björkhagen", or "Alla" among the units asked
    # about: exactly those units
    if compared and (question.group_by == "unit" or (unit is None and len(compared) >= 2)):
        hidden = [u.name for u in compared if not scope.allows_unit(u.id)]
        if hidden:
            return [Reply(f"Du kan inte se statistik för {or_list(hidden)} – bara för enheter du har ansvar för.")]
        unit_ids, where = [u.id for u in compared], " på " + and_list([u.name for u in compared])
    elif unit:
        unit_ids, where = [unit.id], f" på {unit.name}"
    elif scope.everything:
        unit_ids, where = None, ""
    else:
        unit_ids, where = list(scope.unit_ids), f" på dina enheter ({', '.join(scope.unit_names)})"
    period = question.period
    areas = question.compared_areas if question.group_by == "area" else ()
    flt = CountFilter(kind=question.kind, area=question.area, unit_ids=unit_ids,
                      start=period.start if period else None, end=period.end if period else None, areas=areas)
    return StatisticsRequest(question, flt, where)
