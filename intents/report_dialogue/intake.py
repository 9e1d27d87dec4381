"""What a message tells about a report: the draft a first message starts, and what an answer adds.

Everything the NLU finds is used, so the bot never asks for what it was told: the area, unit
(from the text, else the person's own unit), time, consequence, what was done, who gave a
synpunkt and whether they want an answer, and references to earlier reports.
"""

from __future__ import annotations

import re
from datetime import datetime

from intents.references import references_in, without_references
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.questions import answer_question
from intents.report_handling.commands import UpdateCommand, parse_command
from intents.turn import Turn
from nlp_models.answers import explicit_option
from nlp_models.questions.parser import QUESTION_STARTS
from nlp_models.reports.analyzer import ReportAnalysis
from nlp_models.reports.synpunkt_details import contact_wish, giver, is_praise
from nlp_models.text.normalize import fold
from nlp_models.times.expressions import said_precision
from storage.people import units_of
from storage.vocabulary import UnitRelation

AREA_MARGIN = 0.2  # the best area must lead the next by this much, or we ask
# ... but "övrigt" starts with a base score and its cues are weak on purpose ("a fall in the shower is a fall",
# rules/areas/ovrigt.jsonl): as the runner-up it needs to come closer before the bot asks
OVRIGT_MARGIN = 0.1
MIN_SHARE_OVER_NONE = 0.005  # an area whose share is this close to an area without any cue has no evidence
EVENT_STATEMENT_WORDS = 6  # "fall på Solgården i mars" is a query; a whole sentence telling of an event is not
# "AV-2026-00042", "sp 2026-3" (folded text)
# "jag vill rapportera en avvikelse:" and the like carry no content of their own
_LEAD_IN = re.compile(
    r"^\s*(?:hej\W*)?(?:jag\s+)?(?:vill|ska|skulle\s+vilja|behover|maste)?\s*(?:rapportera|skriva|lamna|anmala|gora|registrera)?"
    r"\s*(?:en\s+|ett\s+)?(?:ny\s+)?(?:avvikelse|avvikelserapport|synpunkt|rapport|klagomal)?\s*(?:om\s+att|om|ang|angaende)?\s*[:,.!-]*\s*"
)


def content_words(text: str) -> int:
    return len(_LEAD_IN.sub("", fold(text), count=1).split())


def area_is_clear(analysis: ReportAnalysis) -> bool:
    ranked = analysis.area_candidates
    if len(ranked) < 2:
        return True
    (best, first), (runner_up, second) = ranked[0], ranked[1]
    needed = OVRIGT_MARGIN if runner_up == "övrigt" and best != "övrigt" else AREA_MARGIN
    return first - second >= needed


def likely_areas(analysis: ReportAnalysis) -> list[str]:
    """The areas the words gave some evidence for, likeliest first ("övrigt", the catch-all, left out): the
    choices worth offering when the bot has to ask. An area with no cue at all is not offered."""
    shares = [share for _, share in analysis.area_candidates]
    none = min(shares) if shares else 0.0
    return [area for area, share in analysis.area_candidates
            if area != "övrigt" and share > none + MIN_SHARE_OVER_NONE]


def set_area(draft: ReportDraft, area: str) -> None:
    """A new primary area. The area it replaces, when words pointed to it, becomes a secondary area; the
    secondary areas never hold the primary one."""
    if area != draft.area and draft.area != "övrigt" and draft.area_evidence:
        draft.secondary_areas = [draft.area] + draft.secondary_areas
        draft.area_evidence = []  # the words found were evidence for another area
    elif area != draft.area:
        draft.area_evidence = []
    draft.area = area
    draft.secondary_areas = list(dict.fromkeys(a for a in draft.secondary_areas if a != area))




def reports_event_citing_reference(turn: Turn) -> bool:
    """"brukaren föll igen, samma som AV-2026-00042": a new report that cites an earlier one (the reference
    is context), not a handling command such as "AV-2026-00042 åtgärd: …"."""
    text = turn.text
    if not references_in(text) or isinstance(parse_command(text), UpdateCommand):
        return False
    if content_words(without_references(fold(text))) < 3:
        return False
    understanding = turn.understand()
    analysis = understanding.report
    return understanding.intent == "report" and (
        bool(analysis.area_evidence) or analysis.kind == "synpunkt" or analysis.staff_injury)


def asks_something(text: str) -> bool:
    """A question in form: a question mark, or a first word such as "hur", "vad", "vilka", "kan"."""
    words = fold(text).split()
    return text.rstrip().endswith("?") or bool(words) and words[0].strip(",.:!") in QUESTION_STARTS


def tells_of_event(turn: Turn, text: str | None = None) -> bool:
    """A statement that tells of an event, even where the question parser saw a statistics query in its terms
    and period ("Medicinskåpet stod olåst på Ekgården i går kväll."): no question form, a whole sentence,
    and the report analyser finds what happened."""
    text = turn.text if text is None else text
    if asks_something(text) or content_words(text) < EVENT_STATEMENT_WORDS:
        return False
    understanding = turn.understand(text)
    question, analysis = understanding.question, understanding.report
    # "antal fall per enhet": a query for numbers, whatever its length
    if question.group_by is not None or any(e.startswith("count:") for e in question.evidence):
        return False
    if analysis.kind == "synpunkt" and giver(text):  # someone gave a view: "god man har framfört klagomål …"
        return True
    if question.kind is not None:  # "fler läkemedelsavvikelser i februari jämfört med i fjol"
        return False
    return analysis.staff_injury or (bool(analysis.area_evidence) and area_is_clear(analysis))


def named_consequence(text: str) -> str | None:
    """The consequence level the words name outright ("ingen skada", "måttlig"), not by its signs."""
    option = explicit_option(text, answer_question("consequence", ReportDraft()))
    return option.value if option else None


def own_units(turn: Turn) -> list[str]:
    return [u.name for u in units_of(session=turn.session, person=turn.person, relation=UnitRelation.MEMBER)]


def apply_analysis(draft: ReportDraft, analysis: ReportAnalysis) -> None:
    """Kind-independent fields the NLU decides from the description: area, flags, evidence."""
    draft.area = analysis.area
    draft.area_evidence = list(analysis.area_evidence)
    draft.area_candidates = likely_areas(analysis)[:3]
    # "övrigt" only because no rule found anything ("trygghetsarmet" with a typo) is asked, not assumed
    draft.area_confirmed = area_is_clear(analysis) and (
        analysis.area != "övrigt" or bool(analysis.area_evidence) or draft.is_synpunkt)
    draft.secondary_areas = [a for a in analysis.secondary_areas if a != analysis.area]
    draft.severe, draft.lex_sarah, draft.lex_maria = analysis.severe, analysis.lex_sarah, analysis.lex_maria


def set_time(draft: ReportDraft, moment: datetime, text: str) -> None:
    draft.occurred_at = moment.isoformat()
    precision = said_precision(text)
    draft.occurred_approximate = precision != "clock"
    draft.occurred_part = precision if precision not in ("clock", "day") else None
    if "time" in draft.unknown:
        draft.unknown.remove("time")


def apply_synpunkt_details(draft: ReportDraft, text: str) -> None:
    """Who gave the synpunkt and whether they want an answer, when the words say so. Praise needs no
    answer: the contact question is not asked unless the words ask for one."""
    if not draft.is_synpunkt:
        return
    draft.given_by = draft.given_by or giver(text)
    if draft.contact_answered:
        return
    wish = contact_wish(text)
    if wish is None and is_praise(draft.description or text):
        draft.contact_wanted, draft.contact_answered = None, True
        return
    if wish in ("telefon", "skriftligt"):
        draft.contact_wanted, draft.contact_answered = wish, True
    elif wish == "nej":
        draft.contact_wanted, draft.contact_answered = None, True
    elif wish == "oklart":
        draft.contact_yes = True


def new_draft(turn: Turn, text: str) -> ReportDraft:
    """The draft a first message starts: everything the message says, nothing guessed."""
    understanding = turn.understand(text)
    analysis = understanding.report
    draft = ReportDraft(
        kind=analysis.kind,
        consequence=analysis.consequence,
        immediate_action=analysis.immediate_action,
        action_answered=analysis.immediate_action is not None,
        description=analysis.masked_text.strip(),
        started_at=turn.now.isoformat(),
        linked=references_in(text),
    )
    apply_analysis(draft, analysis)
    # a level named in so many words ("lindrig skada", "konsekvens: måttlig") is known, and not changed by signs
    # added later; where the rules read the signs of another level, their reading stands
    named = named_consequence(text) if not draft.is_synpunkt else None
    draft.consequence = draft.consequence or named
    draft.consequence_said = draft.consequence is not None and named == draft.consequence
    if understanding.occurred_at:
        set_time(draft, understanding.occurred_at, text)
    draft.unit = understanding.unit
    if draft.unit is None:
        draft.unit_candidates = turn.services.nlu.units.candidates(text)
        if not draft.unit_candidates:
            mine = own_units(turn)
            if len(mine) == 1:
                draft.unit, draft.unit_guessed = mine[0], True
            else:
                draft.unit_candidates = mine
    apply_synpunkt_details(draft, text)
    return draft


def fill_from_answer(turn: Turn, draft: ReportDraft, text: str, answered: str) -> None:
    """An answer that says more than was asked ("ingen skada, ssk ringd"): keep what it adds to empty fields."""
    if len(fold(text).split()) < 2:
        return
    understanding = turn.understand(text)
    analysis = understanding.report
    if answered != "unit" and (not draft.unit or draft.unit_guessed) and understanding.unit:
        draft.unit, draft.unit_guessed = understanding.unit, False
    if answered != "time" and not draft.occurred_at and understanding.occurred_at:
        set_time(draft, understanding.occurred_at, text)
    if draft.is_synpunkt:
        apply_synpunkt_details(draft, text)
        return
    if answered not in ("consequence", "consequence_which") and not draft.consequence and analysis.consequence:
        draft.consequence = analysis.consequence
    if answered != "action" and not draft.action_answered and analysis.immediate_action:
        draft.immediate_action, draft.action_answered = analysis.immediate_action, True
    draft.severe = draft.severe or analysis.severe
    draft.lex_sarah = draft.lex_sarah or analysis.lex_sarah
    draft.lex_maria = draft.lex_maria or analysis.lex_maria
